/**
 * The survey builder (issue 13): a coordinator makes a survey from the standard item sets (each
 * stored with its latest version), chooses the area and period, the dates, the open link and the
 * threshold, and makes personal or paper codes (shown once; only their hashes are stored).
 */
import { Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { recordAudit, type AuditEntry } from '../../../platform/audit/audit.service.ts';
import { newToken } from '../../../platform/tokens.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import { ITEM_SETS, latestVersion } from '../itemsets/itemsets.ts';
import type { SurveyItemSetRef } from '../surveys.tables.ts';
import * as store from './builder.store.ts';
import { codeHash, formatCode, newCode } from './codes.ts';
import type { SurveyForm } from './builder.schemas.ts';

type Audit = Pick<AuditEntry, 'actorUserId' | 'ip'>;

/** A line of the list of surveys. */
export interface SurveyLine {
  id: string;
  title: string;
  period: string;
  areaCode: string | null;
  status: 'draft' | 'open' | 'closed';
  opensOn: string | null;
  closesOn: string | null;
  openLinkToken: string | null;
  minRespondents: number;
  isDemo: boolean;
  codes: number;
  codesUsed: number;
  responses: number;
}

/** The form values of a survey (strings, as the form shows them). */
export type SurveyValues = Record<string, string | string[]>;

/** A standard item set the builder offers: its latest version. */
export interface ItemSetChoice {
  set: string;
  version: string;
  title: string;
  items: number;
}

export function itemSetChoices(locale: Locale): ItemSetChoice[] {
  const sets = [...new Set(ITEM_SETS.map((s) => s.set))];
  return sets.flatMap((set) => {
    const version = latestVersion(set);
    const s = ITEM_SETS.find((x) => x.set === set && x.version === version);
    return s ? [{ set, version: s.version, title: locale === 'en' ? s.titleEn : s.titleNl, items: s.items.length }] : [];
  });
}

/** The areas a survey can cover: the municipality (value '') and its wijken. */
export async function areaChoices(db: DbOrTrx, tenantId: string): Promise<{ value: string; label: string }[]> {
  const wijken = await listAreas(db, tenantId, { level: 'district' });
  return wijken.map((w) => ({ value: w.code, label: w.name }));
}

export async function listSurveys(db: DbOrTrx, principal: Principal, tenantId: string, locale: Locale): Promise<SurveyLine[]> {
  authorize(can(principal, 'survey.manage', { tenantId }));
  const [rows, counts] = await Promise.all([store.listSurveys(db, tenantId), store.surveyCounts(db, tenantId)]);
  return rows.map((r) => {
    const c = counts.get(r.id) ?? { codes: 0, used: 0, responses: 0 };
    return {
      id: r.id,
      title: locale === 'en' && r.title_en ? r.title_en : r.title_nl,
      period: r.period,
      areaCode: r.area_code,
      status: r.status,
      opensOn: r.opens_on,
      closesOn: r.closes_on,
      openLinkToken: r.open_link_token,
      minRespondents: r.min_respondents,
      isDemo: r.is_demo,
      codes: c.codes,
      codesUsed: c.used,
      responses: c.responses,
    };
  });
}

/** A survey as form values, with its line (counts, link), for the edit page. */
export async function surveyForEdit(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  id: string,
  locale: Locale,
): Promise<{ line: SurveyLine; values: SurveyValues }> {
  authorize(can(principal, 'survey.manage', { tenantId }));
  const line = (await listSurveys(db, principal, tenantId, locale)).find((l) => l.id === id);
  const r = await store.findSurvey(db, tenantId, id);
  if (!line || !r) throw NotFound();
  return {
    line,
    values: {
      title_nl: r.title_nl,
      title_en: r.title_en,
      intro_nl: r.intro_nl,
      intro_en: r.intro_en,
      item_sets: r.item_sets.map((s) => s.set),
      area_code: r.area_code ?? '',
      period: r.period,
      opens_on: r.opens_on ?? '',
      closes_on: r.closes_on ?? '',
      ...(r.open_link_token ? { open_link: '1' } : {}),
      status: r.status,
      min_respondents: String(r.min_respondents),
    },
  };
}

/** Check the form beyond its schema: known item sets, a wijk of this municipality, dates in order. */
async function checkSurvey(db: DbOrTrx, tenantId: string, input: SurveyForm): Promise<{ sets: SurveyItemSetRef[]; area: string | null }> {
  const fields: FieldErrors = {};
  const sets: SurveyItemSetRef[] = [];
  for (const set of new Set(input.item_sets)) {
    const version = latestVersion(set);
    if (!version) fields.item_sets = 'surveys.builder.error.itemSet';
    else sets.push({ set, version });
  }
  if (sets.length === 0) fields.item_sets ??= 'surveys.builder.error.noItemSet';
  let area: string | null = null;
  if (input.area_code && input.area_code !== tenantId) {
    const a = await getArea(db, tenantId, input.area_code);
    if (!a || a.level !== 'district') fields.area_code = 'surveys.builder.error.area';
    else area = a.code;
  }
  if (input.opens_on && input.closes_on && input.closes_on < input.opens_on) fields.closes_on = 'surveys.builder.error.closesBeforeOpens';
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  return { sets, area };
}

/** Create (no id) or update a survey; returns its id. Existing item-set versions are kept; new sets get their latest version. */
export async function saveSurvey(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; id?: string; input: SurveyForm; audit: Audit; now: Date },
): Promise<string> {
  authorize(can(principal, 'survey.manage', { tenantId: args.tenantId }));
  const { input, tenantId } = args;
  const { sets, area } = await checkSurvey(db, tenantId, input);
  return inTransaction(db, async (trx) => {
    const existing = args.id ? await store.findSurvey(trx, tenantId, args.id) : undefined;
    if (args.id && !existing) throw NotFound();
    const kept = sets.map((s) => existing?.item_sets.find((e) => e.set === s.set) ?? s);
    const token = input.open_link ? (existing?.open_link_token ?? newToken()) : null;
    const values = {
      title_nl: input.title_nl,
      title_en: input.title_en,
      intro_nl: input.intro_nl,
      intro_en: input.intro_en,
      item_sets: JSON.stringify(kept),
      area_code: area,
      period: input.period,
      status: input.status,
      opens_on: input.opens_on || null,
      closes_on: input.closes_on || null,
      open_link_token: token,
      min_respondents: input.min_respondents,
    };
    let id: string;
    if (existing) {
      await store.updateSurvey(trx, tenantId, existing.id, values);
      id = existing.id;
    } else {
      id = await store.insertSurvey(trx, { tenant_id: tenantId, ...values, created_by: principal.userId, created_at: args.now });
    }
    await recordAudit(trx, {
      tenantId,
      ...args.audit,
      action: existing ? 'update' : 'create',
      entity: 'survey',
      entityId: id,
      detail: { status: input.status, itemSets: kept.map((s) => `${s.set}@${s.version}`) },
    });
    return id;
  });
}

/** Make `count` new codes for a survey; returns them printed (`ABCDE-FGHJK`). They are never shown again. */
export async function makeCodes(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; surveyId: string; count: number; kind: 'personal' | 'paper'; audit: Audit; now: Date },
): Promise<string[]> {
  authorize(can(principal, 'survey.codes', { tenantId: args.tenantId }));
  return inTransaction(db, async (trx) => {
    const survey = await store.findSurvey(trx, args.tenantId, args.surveyId);
    if (!survey) throw NotFound();
    const codes = new Set<string>();
    while (codes.size < args.count) codes.add(newCode());
    await store.insertInvitations(
      trx,
      [...codes].map((c) => ({
        tenantId: args.tenantId,
        surveyId: survey.id,
        codeHash: codeHash(c),
        kind: args.kind,
        areaCode: survey.area_code,
        now: args.now,
      })),
    );
    await recordAudit(trx, {
      tenantId: args.tenantId,
      ...args.audit,
      action: 'create',
      entity: 'survey_codes',
      entityId: survey.id,
      detail: { count: args.count, kind: args.kind },
    });
    return [...codes].map(formatCode);
  });
}
