/**
 * Answering a survey (issue 13): by the open link, with a personal code, or on paper by a volunteer
 * on the respondent's behalf. One response per code: in one transaction the code is marked used
 * (only if it was not) and the response stored. A response holds the buurt, the channel, the
 * answers, the item-set versions and the day, and nothing else: no person, no code, no time of day.
 */
import { Conflict, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas, placeAddress } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import { itemSet } from '../itemsets/itemsets.ts';
import type { ItemSet } from '../itemsets/itemsets.types.ts';
import { codeHash, normaliseCode } from '../builder/codes.ts';
import * as store from './respond.store.ts';

export type Availability = 'open' | 'notYetOpen' | 'closed';
export type Channel = 'link' | 'invitation' | 'paper';

export interface QuestionItem {
  /** The form field and the answer's key: `<set>.<key>`. */
  name: string;
  text: string;
  kind: 'scale' | 'number';
  options: { value: string; label: string }[];
  min: number | null;
  max: number | null;
  optional: boolean;
}

export interface QuestionSet {
  set: string;
  version: string;
  title: string;
  items: QuestionItem[];
}

/** What the questionnaire page shows. */
export interface SurveyView {
  id: string;
  title: string;
  intro: string;
  availability: Availability;
  opensOn: string | null;
  closesOn: string | null;
  sets: QuestionSet[];
  buurten: { value: string; label: string }[];
  isDemo: boolean;
}

/** Open, not yet open (draft, or before the opening day) or closed (closed, or after the closing day). */
export function availabilityOf(s: Pick<store.SurveyRow, 'status' | 'opens_on' | 'closes_on'>, today: string): Availability {
  if (s.status === 'closed') return 'closed';
  if (s.status === 'draft') return 'notYetOpen';
  if (s.opens_on && today < s.opens_on) return 'notYetOpen';
  if (s.closes_on && today > s.closes_on) return 'closed';
  return 'open';
}

function setsOf(s: store.SurveyRow): ItemSet[] {
  return s.item_sets.flatMap((ref) => {
    const found = itemSet(ref.set, ref.version);
    return found ? [found] : [];
  });
}

function questionSets(s: store.SurveyRow, locale: Locale): QuestionSet[] {
  const en = locale === 'en';
  return setsOf(s).map((is) => ({
    set: is.set,
    version: is.version,
    title: en ? is.titleEn : is.titleNl,
    items: is.items.map((it) => ({
      name: `${is.set}.${it.key}`,
      text: en ? it.textEn : it.textNl,
      kind: it.kind,
      options: (it.options ?? []).map((o) => ({ value: String(o.value), label: en ? o.labelEn : o.labelNl })),
      min: it.min ?? null,
      max: it.max ?? null,
      optional: it.optional ?? false,
    })),
  }));
}

/** The buurten a respondent can choose: those of the survey's wijk, or all of the municipality. */
async function buurtenOf(db: DbOrTrx, s: store.SurveyRow): Promise<{ value: string; label: string }[]> {
  const areas = await listAreas(db, s.tenant_id, { level: 'neighbourhood', ...(s.area_code ? { parentCode: s.area_code } : {}) });
  return areas.map((a) => ({ value: a.code, label: a.name }));
}

async function viewOf(db: DbOrTrx, s: store.SurveyRow, locale: Locale, now: Date): Promise<SurveyView> {
  const en = locale === 'en';
  return {
    id: s.id,
    title: en && s.title_en ? s.title_en : s.title_nl,
    intro: en && s.intro_en ? s.intro_en : s.intro_nl,
    availability: availabilityOf(s, localDate(now)),
    opensOn: s.opens_on,
    closesOn: s.closes_on,
    sets: questionSets(s, locale),
    buurten: await buurtenOf(db, s),
    isDemo: s.is_demo,
  };
}

/** The survey behind an open link (NotFound for an unknown token or a survey without a link). */
export async function surveyByLink(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  token: string,
  locale: Locale,
): Promise<SurveyView> {
  authorize(can(principal, 'survey.respond', { tenantId }));
  const s = await store.surveyByToken(db, tenantId, token);
  if (!s) throw NotFound('surveys.respond.error.linkUnknown');
  return viewOf(db, s, locale, principal.now);
}

/** A survey by id for paper entry. */
export async function surveyForPaper(db: DbOrTrx, principal: Principal, tenantId: string, id: string, locale: Locale): Promise<SurveyView> {
  authorize(can(principal, 'survey.enterPaper', { tenantId }));
  const s = await store.surveyById(db, tenantId, id);
  if (!s) throw NotFound();
  return viewOf(db, s, locale, principal.now);
}

/** Open surveys for paper entry: title and id. */
export async function openSurveysForPaper(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  locale: Locale,
): Promise<{ id: string; title: string; isDemo: boolean }[]> {
  authorize(can(principal, 'survey.enterPaper', { tenantId }));
  const today = localDate(principal.now);
  return (await store.openSurveys(db, tenantId))
    .filter((s) => availabilityOf(s, today) === 'open')
    .map((s) => ({ id: s.id, title: locale === 'en' && s.title_en ? s.title_en : s.title_nl, isDemo: s.is_demo }));
}

/** The survey a code belongs to, when the code is known and not used (field errors on `code` otherwise). */
export async function surveyByCode(
  db: DbOrTrx,
  principal: Principal,
  args: { tenantId: string; code: string; locale: Locale; kind?: 'paper' },
): Promise<SurveyView> {
  authorize(can(principal, args.kind === 'paper' ? 'survey.enterPaper' : 'survey.respond', { tenantId: args.tenantId }));
  const code = normaliseCode(args.code);
  const inv = code ? await store.invitationByHash(db, args.tenantId, codeHash(code)) : undefined;
  if (!inv || (args.kind === 'paper' && inv.kind !== 'paper')) throw Invalid({ code: 'surveys.respond.error.codeUnknown' });
  if (inv.used) throw Conflict('surveys.respond.error.codeUsed', { code: 'surveys.respond.error.codeUsed' });
  const s = await store.surveyById(db, args.tenantId, inv.survey_id);
  if (!s) throw Invalid({ code: 'surveys.respond.error.codeUnknown' });
  return viewOf(db, s, args.locale, principal.now);
}

/** Read the answers from a form: `<set>.<key>` → value; field errors for what is missing or not allowed. */
export function readAnswers(
  sets: readonly QuestionSet[],
  body: Record<string, unknown>,
  opts: { allEmptyAllowed: boolean },
): { answers: Record<string, number | null>; fields: FieldErrors } {
  const answers: Record<string, number | null> = {};
  const fields: FieldErrors = {};
  for (const set of sets) {
    for (const it of set.items) {
      const raw = body[it.name];
      const v = typeof raw === 'string' ? raw.trim() : '';
      if (v === '') {
        if (it.optional || opts.allEmptyAllowed) answers[it.name] = null;
        else fields[it.name] = 'surveys.respond.error.required';
        continue;
      }
      if (it.kind === 'scale') {
        if (it.options.some((o) => o.value === v)) answers[it.name] = Number(v);
        else fields[it.name] = 'surveys.respond.error.option';
        continue;
      }
      const n = /^[0-9]{1,6}$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || (it.min !== null && n < it.min) || (it.max !== null && n > it.max)) {
        fields[it.name] = 'surveys.respond.error.number';
      } else answers[it.name] = n;
    }
  }
  return { answers, fields };
}

/** The buurt of the response: chosen from the list, or found from the postcode (never stored). */
async function buurtOf(
  db: DbOrTrx,
  tenantId: string,
  view: SurveyView,
  body: Record<string, unknown>,
  fields: FieldErrors,
): Promise<string | null> {
  const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string).trim() : '');
  const chosen = str('buurt');
  if (chosen) {
    if (view.buurten.some((b) => b.value === chosen)) return chosen;
    fields.buurt = 'surveys.respond.error.buurt';
    return null;
  }
  const postcode = str('postcode');
  if (!postcode) {
    fields.buurt = 'surveys.respond.error.buurtOrPostcode';
    return null;
  }
  const placed = await placeAddress(db, tenantId, { postcode, houseNumber: str('huisnummer') });
  if (!placed.ok) {
    fields[placed.field === 'huisnummer' ? 'huisnummer' : 'postcode'] = placed.messageKey;
    return null;
  }
  if (!placed.buurtCode || !view.buurten.some((b) => b.value === placed.buurtCode)) {
    fields.postcode = 'surveys.respond.error.outsideArea';
    return null;
  }
  return placed.buurtCode;
}

/**
 * Store one response. `code` for a personal or paper code (used once, in the same transaction),
 * absent for the open link. Field errors come back as Invalid (422), a used code as Conflict (409),
 * a survey that is not open as Conflict too.
 */
export async function submitResponse(
  db: DbOrTrx,
  principal: Principal,
  args: {
    tenantId: string;
    channel: Channel;
    token?: string;
    surveyId?: string;
    code?: string;
    body: Record<string, unknown>;
    locale: Locale;
  },
): Promise<void> {
  const { tenantId, channel } = args;
  authorize(can(principal, channel === 'paper' ? 'survey.enterPaper' : 'survey.respond', { tenantId }));
  const hash = args.code !== undefined ? codeHash(normaliseCode(args.code) ?? '') : null;
  let s: store.SurveyRow | undefined;
  if (channel === 'link') s = args.token ? await store.surveyByToken(db, tenantId, args.token) : undefined;
  else if (hash) {
    const inv = await store.invitationByHash(db, tenantId, hash);
    if (inv && (channel !== 'paper' || inv.kind === 'paper') && (!args.surveyId || inv.survey_id === args.surveyId)) {
      if (inv.used) throw Conflict('surveys.respond.error.codeUsed', { code: 'surveys.respond.error.codeUsed' });
      s = await store.surveyById(db, tenantId, inv.survey_id);
    }
    if (!s) throw Invalid({ code: 'surveys.respond.error.codeUnknown' });
  }
  if (!s) throw NotFound();
  const view = await viewOf(db, s, args.locale, principal.now);
  if (view.availability !== 'open') {
    throw Conflict(view.availability === 'closed' ? 'surveys.respond.closed' : 'surveys.respond.notYetOpen');
  }
  const { answers, fields } = readAnswers(view.sets, args.body, { allEmptyAllowed: channel === 'paper' });
  const buurt = await buurtOf(db, tenantId, view, args.body, fields);
  if (Object.keys(fields).length > 0 || !buurt) throw Invalid(fields);
  const survey = s;
  await inTransaction(db, async (trx) => {
    if (hash && !(await store.claimInvitation(trx, tenantId, hash, survey.id))) {
      throw Conflict('surveys.respond.error.codeUsed', { code: 'surveys.respond.error.codeUsed' });
    }
    await store.insertResponses(trx, [
      {
        tenant_id: tenantId,
        survey_id: survey.id,
        area_code: buurt,
        channel,
        answers: JSON.stringify(answers),
        item_versions: JSON.stringify(Object.fromEntries(view.sets.map((x) => [x.set, x.version]))),
        submitted_on: localDate(principal.now),
        is_demo: false,
      },
    ]);
  });
}
