/**
 * Creating a signal: validated, located, routed, numbered, with its first history step, tracking
 * token, confirmation mail and audit record in one transaction (the signals core's write path; the
 * web form, Open311, the neighbourhood inspection, merging and the demo all come through here).
 * Re-exported by signals.service.ts, the module's facade.
 */
import { DateTime } from 'luxon';
import type { Db, DbOrTrx, Trx } from '../../platform/db/database.ts';
import { AppError, Conflict, Invalid, type FieldErrors } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/index.ts';
import { auditWrite } from '../../platform/audit/audit.service.ts';
import { writeTogether, type Write } from '../../platform/db/together.ts';
import { locatePoint } from '../areas/areas.service.ts';
import * as cats from './config/categories.store.ts';
import * as store from './signals.store.ts';
import { publicNumber } from './public-id.ts';
import { claimNumber, releaseNumber, type ClaimedNumber } from './numbers.ts';
import { checkAnswers, findHardStop } from './config/questions.ts';
import { routeSignal } from './config/routing.ts';
import { confirmationMailWrites, trackingTokenWrite, type LinkBase } from './tracking/tracking.service.ts';
import type { SignalSource } from './signals.tables.ts';
import { addWorkingDays } from './workdays.ts';
import { ZONE } from '../../platform/time.ts';
import { MAX_ADDRESS, MAX_DESCRIPTION, MAX_EMAIL, MAX_NAME } from './signals.schemas.ts';

export interface NewSignal {
  tenantId: string;
  /** The category's id or its service_code. */
  category: { id: string } | { serviceCode: string };
  description: string;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null };
  wantsFeedback?: boolean;
  reporterUserId?: string | null;
  createdBy?: string | null;
  source?: SignalSource;
  /** Raw answers to the extra questions by question key. */
  answers?: Readonly<Record<string, unknown>>;
  idempotencyKey?: string | null;
  locale: Locale;
  links: LinkBase;
  now: Date;
  isDemo?: boolean;
}

export interface CreatedSignal {
  signal: store.SignalRow;
  /** The reporter's tracking token (plain); null when the submission was a replay. */
  trackingToken: string | null;
  replayed: boolean;
}

/** What a caller stores with a new signal, in its transaction: it may write itself, or return writes to go with the signal's own. */
export type AlsoHook = (trx: Trx, created: CreatedSignal) => Promise<readonly Write[] | void>;

/** Trimmed text, or null when empty. */
export const clean = (s: string | null | undefined) => {
  const v = (s ?? '').trim();
  return v ? v : null;
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Create a signal: checks category, answers, contact and location, routes it and queues the
 * confirmation mail, all in one transaction; `also` runs in that same transaction after a new
 * signal (not after a replay), for what the caller stores with it. Replays of an idempotency key
 * return the first signal. Round trips: the signal and its first step are one statement; its
 * tracking token, confirmation mail and job, audit record and the writes `also` returns are one
 * more (`writeTogether`).
 *
 * Numbering (numbers.ts): given the database, the signal's count comes from this process's block,
 * claimed before the transaction begins, so signals of one tenant never wait on the counter row.
 * Given a transaction (a caller that writes more in it), the count is taken one by one inside it,
 * as before: correct, but concurrent signals of the tenant then wait for that transaction's commit.
 */
export async function createSignal(db: DbOrTrx, input: NewSignal, also?: AlsoHook): Promise<CreatedSignal> {
  const year = DateTime.fromJSDate(input.now, { zone: ZONE }).year;
  if (db.isTransaction) return createIn(db as Trx, input, year, null, also);
  const claimed = await claimNumber(db as Db, input.tenantId, year);
  const use = { used: false };
  try {
    return await (db as Db).transaction().execute((trx) => createIn(trx, input, year, { claimed, use }, also));
  } finally {
    // Refused or replayed before the insert: the count was never stored, so it may be handed out again.
    if (!use.used) releaseNumber(db as Db, claimed);
  }
}

async function createIn(
  trx: Trx,
  input: NewSignal,
  year: number,
  numbering: { claimed: ClaimedNumber; use: { used: boolean } } | null,
  also: AlsoHook | undefined,
): Promise<CreatedSignal> {
  const key = clean(input.idempotencyKey);
  // One query: the category, its routing, and whether the key was seen before (a replay).
  const found = await cats.findCategoryWithRouting(trx, input.tenantId, input.category, key);
  if (key && (!found || found.replayOf)) {
    // A replay gives the first signal back, even when its category has gone since.
    const existing = await store.findSignalByIdempotencyKey(trx, input.tenantId, key);
    if (existing) return { signal: existing, trackingToken: null, replayed: true };
  }
  const category = found?.category;
  if (!found || !category || !category.active) throw Invalid({ category: 'signals.error.category' }, 'signals.error.category');

  const errors: FieldErrors = {};
  const description = clean(input.description);
  if (!description) errors.description = 'signals.error.descriptionRequired';
  else if (description.length > MAX_DESCRIPTION) errors.description = 'signals.error.descriptionTooLong';
  const hard = findHardStop(
    category.questions,
    Object.fromEntries(Object.entries(input.answers ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : ''])),
  );
  if (hard?.hardStop) throw new AppError(422, 'hard_stop', 'signals.error.hardStop', undefined, { message: hard.hardStop.message });
  const { answers, errors: answerErrors } = checkAnswers(category.questions, input.answers ?? {});
  Object.assign(errors, answerErrors);

  const name = clean(input.reporter?.name);
  const email = clean(input.reporter?.email)?.toLowerCase() ?? null;
  const phone = clean(input.reporter?.phone);
  const wantsFeedback = input.wantsFeedback ?? false;
  if (email && (email.length > MAX_EMAIL || !EMAIL.test(email))) errors.email = 'signals.error.email';
  if ((name?.length ?? 0) > MAX_NAME) errors.name = 'signals.error.tooLong';
  if (phone && !/^[+0-9 ()-]{6,20}$/.test(phone)) errors.phone = 'signals.error.phone';
  if ((wantsFeedback || category.sensitive) && !email && !errors.email) {
    errors.email = category.sensitive ? 'signals.error.emailSensitive' : 'signals.error.emailFeedback';
  }

  const address = clean(input.address);
  if (address && address.length > MAX_ADDRESS) errors.address = 'signals.error.tooLong';
  const lat = input.latitude ?? null;
  const lon = input.longitude ?? null;
  if (
    (lat === null) !== (lon === null) ||
    (lat !== null && (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon!) > 180))
  ) {
    errors.location = 'signals.error.coordinates';
  } else if (lat === null && !address) errors.location = 'signals.error.locationRequired';
  let buurt: string | null = null;
  let wijk: string | null = null;
  if (lat !== null && lon !== null && !errors.location) {
    const where = await locatePoint(trx, input.tenantId, lon, lat);
    if (!where.district && !where.neighbourhood) errors.location = 'signals.error.outside';
    buurt = where.neighbourhood?.code ?? null;
    wijk = where.district?.code ?? null;
  }
  if (Object.keys(errors).length) throw Invalid(errors);

  const organisationId = routeSignal(
    found.rules.map((r) => ({ groupId: r.group_id, categoryId: r.category_id, areaCode: r.area_code, organisationId: r.organisation_id })),
    { categoryId: category.id, groupId: category.group_id, buurtCode: buurt, wijkCode: wijk },
    found.defaultOrganisationId,
  );
  // Unique, but neither order nor gaps tell how many signals (sensitive ones too) there are (public-id.ts).
  let count: { number: number; key: string; from: number };
  if (numbering) {
    numbering.use.used = true;
    count = numbering.claimed;
  } else count = await store.nextNumber(trx, input.tenantId, year);
  // The signal and its first step (gemeld) in one statement.
  const signal = await store.insertSignalWithFirstStep(
    trx,
    {
      tenant_id: input.tenantId,
      public_id: `SIG-${year}-${publicNumber(count.number, count.key, count.from)}`,
      category_id: category.id,
      description: description!,
      latitude: lat,
      longitude: lon,
      address,
      buurt_code: buurt,
      wijk_code: wijk,
      reporter_name: name,
      reporter_email: email,
      reporter_phone: phone,
      wants_feedback: wantsFeedback && !!email,
      reporter_user_id: input.reporterUserId ?? null,
      reporter_locale: input.locale,
      created_by: input.createdBy ?? null,
      source: input.source ?? 'web',
      state: 'gemeld',
      organisation_id: organisationId,
      deadline_at: addWorkingDays(input.now, category.deadline_days),
      answers,
      idempotency_key: key,
      is_demo: input.isDemo ?? false,
      created_at: input.now,
      updated_at: input.now,
    },
    { actorUserId: input.createdBy ?? input.reporterUserId ?? null, reason: input.source ?? 'web' },
  );
  if (!signal) {
    const existing = key ? await store.findSignalByIdempotencyKey(trx, input.tenantId, key) : null;
    if (!existing) throw Conflict();
    return { signal: existing, trackingToken: null, replayed: true };
  }
  const { token: trackingToken, write: tokenWrite } = trackingTokenWrite(trx, {
    tenantId: input.tenantId,
    signalId: signal.id,
    followerId: null,
    now: input.now,
  });
  const created = { signal, trackingToken, replayed: false };
  const alsoWrites = (also ? await also(trx, created) : undefined) ?? [];
  // The token, the mail and its job, the audit record and the caller's writes: one statement.
  await writeTogether(trx, [
    tokenWrite,
    ...confirmationMailWrites(trx, signal, {
      categoryName: category.name,
      links: input.links,
      locale: input.locale,
      token: trackingToken,
      now: input.now,
    }),
    auditWrite(trx, {
      tenantId: input.tenantId,
      actorUserId: input.createdBy ?? input.reporterUserId ?? null,
      action: 'create',
      entity: 'signal',
      entityId: signal.id,
      detail: { source: signal.source, onBehalf: !!input.createdBy },
    }),
    ...alsoWrites,
  ]);
  return created;
}
