/**
 * The card form's fields ↔ the service's CardInput. Empty lead and budget rows are left out; the
 * service's field messages (`budgetLines.2.amountCents`) are mapped back onto the form's rows
 * (`bl4_amount`) so they show beside the right field.
 */
import type { FieldErrors } from '../../../platform/errors.ts';
import type { CardInput } from './cards.service.ts';
import type { ProjectCard } from './cards.store.ts';
import { parseEuros } from './money.ts';
import type { FormValues } from './views/card-form.tsx';

export const LEAD_ROWS = 2;
export const LINE_ROWS = 6;
export const MORE_ROWS = 4;

const one = (v: FormValues, name: string) => {
  const x = v[name];
  return (Array.isArray(x) ? (x[0] ?? '') : (x ?? '')).trim();
};
const many = (v: FormValues, name: string) => {
  const x = v[name];
  return (Array.isArray(x) ? x : x ? [x] : []).map((s) => s.trim()).filter(Boolean);
};
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const orNull = (s: string) => (s === '' ? null : s);

export function rowCount(v: FormValues, name: 'leadRows' | 'lineRows', min: number): number {
  const n = Number(one(v, name));
  return Number.isInteger(n) && n >= min && n <= 60 ? n : min;
}

export interface FormMapping {
  input: CardInput;
  /** Index in input.leads / input.budgetLines → row on the form. */
  leadRow: number[];
  lineRow: number[];
  /** Messages found while reading the form (an unreadable amount or year). */
  errors: FieldErrors;
}

export function formToInput(v: FormValues, programmeId: string): FormMapping {
  const errors: FieldErrors = {};
  const leadRow: number[] = [];
  const leads: NonNullable<CardInput['leads']> = [];
  for (let i = 0; i < rowCount(v, 'leadRows', LEAD_ROWS); i++) {
    const role = one(v, `lead${i}_role`);
    const area = one(v, `lead${i}_area`);
    if (!role && !area) continue;
    leadRow.push(i);
    leads.push({ roleLabel: role, userId: null, areaCodes: area ? [area] : [] });
  }
  const lineRow: number[] = [];
  const budgetLines: NonNullable<CardInput['budgetLines']> = [];
  for (let i = 0; i < rowCount(v, 'lineRows', LINE_ROWS); i++) {
    const kind = one(v, `bl${i}_kind`);
    const yearText = one(v, `bl${i}_year`);
    const amountText = one(v, `bl${i}_amount`);
    const label = one(v, `bl${i}_label`);
    if (!kind && !yearText && !amountText && !label) continue;
    const amount = parseEuros(amountText);
    const year = yearText === '' ? null : Number(yearText);
    if (amount !== null && Number.isNaN(amount)) errors[`bl${i}_amount`] = 'programmes.error.amount';
    if (year !== null && !Number.isInteger(year)) errors[`bl${i}_year`] = 'programmes.error.year';
    if (kind !== 'cost' && kind !== 'coverage') errors[`bl${i}_kind`] = 'form.invalidValue';
    const source = one(v, `bl${i}_source`);
    lineRow.push(i);
    budgetLines.push({
      kind: kind === 'coverage' ? 'coverage' : 'cost',
      year: year !== null && Number.isInteger(year) ? year : null,
      recurrence: one(v, `bl${i}_recurrence`) === 'per_year' ? 'per_year' : 'one_off',
      amountCents: amount !== null && Number.isNaN(amount) ? null : amount,
      source: kind === 'coverage' ? ((source || null) as never) : null,
      label,
      sourceNote: '',
    });
  }
  const input: CardInput = {
    programmeId,
    number: one(v, 'number'),
    titleNl: one(v, 'titleNl'),
    titleEn: one(v, 'titleEn'),
    aimNl: one(v, 'aimNl'),
    plannedStart: orNull(one(v, 'plannedStart')),
    plannedEnd: orNull(one(v, 'plannedEnd')),
    actualStart: orNull(one(v, 'actualStart')),
    actualEnd: orNull(one(v, 'actualEnd')),
    periodText: one(v, 'periodText'),
    ownerOrganisationId: orNull(one(v, 'ownerOrganisationId')),
    ownerText: one(v, 'ownerText'),
    parties: lines(one(v, 'parties')),
    targetGroups: lines(one(v, 'targetGroups')),
    angles: many(v, 'angles') as never,
    anchoring: lines(one(v, 'anchoring')),
    level: orNull(one(v, 'level')) as never,
    ladderRung: orNull(one(v, 'ladderRung')) as never,
    status: (one(v, 'status') || 'planned') as never,
    flags: lines(one(v, 'flags')),
    areaCodes: many(v, 'areaCodes'),
    goalIds: many(v, 'goalIds'),
    leads,
    budgetLines,
  };
  return { input, leadRow, lineRow, errors };
}

const LINE_FIELD: Record<string, string> = {
  amountCents: 'amount',
  year: 'year',
  kind: 'kind',
  source: 'source',
  label: 'label',
  recurrence: 'recurrence',
};

/** The service's field messages onto the form's field names. */
export function errorsOnForm(fields: FieldErrors, m: Pick<FormMapping, 'leadRow' | 'lineRow'>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, msg] of Object.entries(fields)) {
    const parts = key.split('.');
    let name = parts[0]!;
    if (parts[0] === 'budgetLines' && parts.length >= 2) {
      name = `bl${m.lineRow[Number(parts[1])] ?? 0}_${LINE_FIELD[parts[2] ?? 'amountCents'] ?? 'amount'}`;
    } else if (parts[0] === 'leads' && parts.length >= 2) {
      name = `lead${m.leadRow[Number(parts[1])] ?? 0}_${parts[2] === 'areaCodes' ? 'area' : 'role'}`;
    } else if (['areaCodes', 'goalIds', 'parties', 'targetGroups', 'anchoring', 'flags', 'angles'].includes(parts[0]!)) {
      name = parts[0]!;
    }
    out[name] ??= msg;
  }
  return out;
}

/** A card's values as the form shows them (edit). */
export function cardToForm(card: ProjectCard, locale: string): FormValues {
  const v: FormValues = {
    number: card.number,
    titleNl: card.titleNl,
    titleEn: card.titleEn,
    aimNl: card.aimNl,
    plannedStart: card.plannedStart ?? '',
    plannedEnd: card.plannedEnd ?? '',
    actualStart: card.actualStart ?? '',
    actualEnd: card.actualEnd ?? '',
    periodText: card.periodText,
    ownerOrganisationId: card.ownerOrganisationId ?? '',
    ownerText: card.ownerText,
    parties: card.parties.join('\n'),
    targetGroups: card.targetGroups.join('\n'),
    angles: card.angles,
    anchoring: card.anchoring.join('\n'),
    level: card.level ?? '',
    ladderRung: card.ladderRung ?? '',
    status: card.status,
    flags: card.flags.join('\n'),
    areaCodes: card.areaCodes,
    goalIds: card.goalIds,
  };
  card.leads.forEach((l, i) => {
    v[`lead${i}_role`] = l.roleLabel;
    v[`lead${i}_area`] = l.areaCodes[0] ?? '';
  });
  card.budgetLines.forEach((l, i) => {
    v[`bl${i}_kind`] = l.kind;
    v[`bl${i}_year`] = l.year === null ? '' : String(l.year);
    v[`bl${i}_amount`] = l.amountCents === null ? '' : formatForField(l.amountCents, locale);
    v[`bl${i}_recurrence`] = l.recurrence;
    v[`bl${i}_source`] = l.source ?? '';
    v[`bl${i}_label`] = l.label;
  });
  return v;
}

/** Amount in the form's own notation ("10.000" or "12.500,50"), read back by parseEuros. */
function formatForField(cents: number, _locale: string): string {
  const euros = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = cents % 100;
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}
