/**
 * Social return per project card (issue 16, scope 4): the card's costs (its budget lines) against
 * valued outcomes — volunteer hours from the help ledger at the card's shadow price, and avoided
 * costs and other valued outcomes entered with their source and certainty (calc.ts). Everyone who
 * may see the card sees the calculation; a professional of the card's organisation or a
 * coordinator sets the shadow price and the items (`socialReturn.edit`). Refused with field
 * messages, nothing half-stored.
 */
import { z } from 'zod';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import { multiLine, singleLine } from '../../../platform/input.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { descendantCodes } from '../../areas/areas.service.ts';
import { volunteerHoursIn } from '../../helpmatch/helpmatch.service.ts';
import { listApplications } from '../../initiatives/initiatives.service.ts';
import { cardMoney, getCard, type ProjectCard } from '../../programmes/programmes.service.ts';
import { can } from '../policies.ts';
import { CERTAINTIES, computeSocialReturn, type CalcResult, type HoursSource } from './calc.ts';
import * as store from './socialreturn.store.ts';

/** Highest amount of one item (the column is a 32-bit integer of cents): € 20 million. */
export const MAX_ITEM_CENTS = 2_000_000_000;
/** Highest shadow price: € 1.000 per hour. */
export const MAX_PRICE_CENTS = 100_000;

const cents = (max: number, tooHigh: 'evaluation.sr.error.priceTooHigh' | 'evaluation.sr.error.amountTooHigh') =>
  z.number('evaluation.sr.error.amount').int('evaluation.sr.error.amount').min(0, 'evaluation.sr.error.negative').max(max, tooHigh);
const source = multiLine(z.string().trim().max(1000, 'evaluation.sr.error.tooLong'));

export const itemInput = z.object({
  kind: z.enum(['avoided_cost', 'valued_outcome'], 'evaluation.sr.error.kind'),
  labelNl: singleLine(z.string().trim().min(1, 'evaluation.sr.error.label').max(200, 'evaluation.sr.error.tooLong')),
  labelEn: singleLine(z.string().trim().max(200, 'evaluation.sr.error.tooLong')).default(''),
  amountCents: cents(MAX_ITEM_CENTS, 'evaluation.sr.error.amountTooHigh'),
  certainty: z.enum(CERTAINTIES, 'evaluation.sr.error.certainty'),
  source: source.refine((s) => s.length > 0, 'evaluation.sr.error.source'),
});
export type ItemInput = z.input<typeof itemInput>;

export const shadowPriceInput = z
  .object({
    /** null clears the price (no value is counted for the hours). */
    centsPerHour: cents(MAX_PRICE_CENTS, 'evaluation.sr.error.priceTooHigh').nullable(),
    source: source.default(''),
    certainty: z.enum(CERTAINTIES, 'evaluation.sr.error.certainty').default('medium'),
  })
  .refine((p) => p.centsPerHour === null || p.source.length > 0, { path: ['source'], message: 'evaluation.sr.error.source' });
export type ShadowPriceInput = z.input<typeof shadowPriceInput>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = checkForm(schema, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  return parsed.data;
}

function mayEdit(principal: Principal, card: ProjectCard): boolean {
  return can(principal, 'socialReturn.edit', { tenantId: card.tenantId, organisationIds: [card.ownerOrganisationId] });
}

/** The card, when the principal may change its social return (NotFound when the card is not visible, Forbidden otherwise). */
async function editableCard(db: DbOrTrx, principal: Principal, tenantId: string, cardId: string): Promise<ProjectCard> {
  const card = await getCard(db, principal, tenantId, cardId);
  authorize(mayEdit(principal, card));
  return card;
}

/** The period the hours are counted in: the actual start (else planned) to the actual end (else planned, else today). */
export interface Period {
  from: string | null;
  to: string;
  /** The end is today because the card has no end day. */
  toToday: boolean;
}

export function periodOf(card: Pick<ProjectCard, 'actualStart' | 'plannedStart' | 'actualEnd' | 'plannedEnd'>, today: string): Period {
  const end = card.actualEnd ?? card.plannedEnd;
  return { from: card.actualStart ?? card.plannedStart, to: end ?? today, toToday: end === null };
}

export interface SocialReturn {
  card: ProjectCard;
  /** Shadow price and its source; null when none was ever set. */
  settings: store.Settings | null;
  items: store.Item[];
  period: Period;
  /** The card's areas with their buurten (what the hours are counted in). */
  areaCodes: string[];
  /** Hours per source of the help ledger, with their counts (hours null: the start day is unknown). */
  hours: HoursSource[];
  /** Funded initiatives in the areas and period (hours are not recorded for initiatives); null when the start day is unknown. */
  initiatives: { funded: number } | null;
  /** Labels of the card's cost lines without an amount (why the costs are unknown). */
  unknownCostLines: string[];
  calc: CalcResult;
  canEdit: boolean;
}

async function expand(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const code of codes) for (const c of await descendantCodes(db, tenantId, code).catch(() => [code])) out.add(c);
  return [...out];
}

const FUNDED = ['decided', 'paid', 'accounted'] as const;

async function fundedInitiatives(
  db: DbOrTrx,
  tenantId: string,
  codes: readonly string[],
  period: Period,
): Promise<{ funded: number } | null> {
  if (period.from === null) return null;
  const from = period.from;
  const seen = new Set<string>();
  for (const code of codes) {
    for (const a of await listApplications(db, tenantId, { areaCode: code, status: FUNDED })) {
      if (a.decision !== 'full' && a.decision !== 'partial') continue;
      const day = a.startsOn ?? (a.decidedAt ? localDate(a.decidedAt) : null);
      if (day !== null && day >= from && day <= period.to) seen.add(a.id);
    }
  }
  return { funded: seen.size };
}

/** The social return of a card: every number with where it comes from (see SocialReturn), and the calculation. */
export async function socialReturnOf(db: DbOrTrx, principal: Principal, tenantId: string, cardId: string): Promise<SocialReturn> {
  authorize(can(principal, 'socialReturn.view', { tenantId }));
  const card = await getCard(db, principal, tenantId, cardId);
  const [settings, items, areaCodes] = await Promise.all([
    store.findSettings(db, tenantId, card.id),
    store.listItems(db, tenantId, card.id),
    expand(db, tenantId, card.areaCodes),
  ]);
  const period = periodOf(card, localDate(principal.now));
  let hours: HoursSource[];
  if (period.from === null) {
    hours = (['matches', 'weeks', 'circles'] as const).map((key) => ({
      key,
      hours: null,
      count: 0,
      certainty: key === 'circles' ? 'medium' : 'high',
    }));
  } else {
    const h = await volunteerHoursIn(db, tenantId, { areaCodes, from: period.from, to: period.to });
    hours = [
      { key: 'matches', hours: h.matches.hours, count: h.matches.count, certainty: 'high' },
      { key: 'weeks', hours: h.weeks.hours, count: h.weeks.count, certainty: 'high' },
      { key: 'circles', hours: h.circles.hours, count: h.circles.count, certainty: 'medium' },
    ];
  }
  const money = cardMoney(card);
  const costLines = card.budgetLines.filter((l) => l.kind === 'cost');
  const price = settings?.shadowPriceCents ?? null;
  const calc = computeSocialReturn({
    costCents: money.total.costCents,
    hasCostLines: costLines.length > 0,
    shadowPrice: price === null ? null : { centsPerHour: price, certainty: settings!.shadowPriceCertainty },
    hours,
    items,
  });
  return {
    card,
    settings,
    items,
    period,
    areaCodes,
    hours,
    initiatives: await fundedInitiatives(db, tenantId, card.areaCodes, period),
    unknownCostLines: costLines.filter((l) => l.amountCents === null).map((l) => l.label || String(l.year ?? '')),
    calc,
    canEdit: mayEdit(principal, card),
  };
}

/** Set (or clear, with `centsPerHour` null) the card's shadow price; a price needs its source. */
export async function setShadowPrice(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  cardId: string,
  input: ShadowPriceInput,
  opts: { isDemo?: boolean } = {},
): Promise<void> {
  const d = parse(shadowPriceInput, input);
  await inTransaction(db, async (trx) => {
    const card = await editableCard(trx, principal, tenantId, cardId);
    await store.saveShadowPrice(
      trx,
      tenantId,
      card.id,
      { cents: d.centsPerHour, source: d.source, certainty: d.certainty, isDemo: opts.isDemo ?? false },
      principal.userId,
      principal.now,
    );
  });
}

function fields(d: z.output<typeof itemInput>, isDemo: boolean): store.ItemFields {
  return { ...d, isDemo };
}

/** Add an avoided cost or valued outcome with its amount, certainty and source. */
export async function addItem(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  cardId: string,
  input: ItemInput,
  opts: { isDemo?: boolean } = {},
): Promise<string> {
  const d = parse(itemInput, input);
  return inTransaction(db, async (trx) => {
    const card = await editableCard(trx, principal, tenantId, cardId);
    await store.ensureSettings(trx, tenantId, card.id, principal.userId, principal.now);
    return store.insertItem(trx, tenantId, card.id, fields(d, opts.isDemo ?? false), principal.userId, principal.now);
  });
}

/** One item of the card, for its edit form: Forbidden unless the principal may edit, NotFound when it is not there. */
export async function getItem(db: DbOrTrx, principal: Principal, tenantId: string, cardId: string, itemId: string): Promise<store.Item> {
  const card = await editableCard(db, principal, tenantId, cardId);
  const item = (await store.listItems(db, tenantId, card.id)).find((i) => i.id === itemId);
  if (!item) throw NotFound();
  return item;
}

/** Change an item (a changed item is no longer a demo value). */
export async function updateItem(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  cardId: string,
  itemId: string,
  input: ItemInput,
): Promise<void> {
  const d = parse(itemInput, input);
  await inTransaction(db, async (trx) => {
    const card = await editableCard(trx, principal, tenantId, cardId);
    if (!z.string().uuid().safeParse(itemId).success) throw NotFound();
    if (!(await store.updateItem(trx, tenantId, card.id, itemId, fields(d, false)))) throw NotFound();
  });
}

export async function removeItem(db: DbOrTrx, principal: Principal, tenantId: string, cardId: string, itemId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const card = await editableCard(trx, principal, tenantId, cardId);
    if (!z.string().uuid().safeParse(itemId).success) throw NotFound();
    if (!(await store.deleteItem(trx, tenantId, card.id, itemId))) throw NotFound();
  });
}
