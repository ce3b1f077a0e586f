/**
 * Applying to a fund (issue 15): a signed-in resident applies (or a volunteer, professional or
 * coordinator on their behalf: entered_by), names co-signers from the buurt who each confirm by a
 * link (only the token's hash is kept; the link is shown once), and follows the application on a
 * tracking page. Every rule is checked before anything is written; then one transaction stores the
 * application and its co-signers.
 */
import { z } from 'zod';
import { Conflict, Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, reachOf, type Principal } from '../../../platform/principal.ts';
import { multiLine, singleLine } from '../../../platform/input.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { localDate } from '../../../platform/time.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { getArea, listAreas, placeAddress } from '../../areas/areas.service.ts';
import { can, RULES } from '../policies.ts';
import * as facade from '../initiatives.service.ts';
import { fieldsOf } from '../funds/funds.service.ts';
import { isCents } from '../funds/funds.money.ts';
import * as funds from '../funds/funds.store.ts';
import * as store from './apply.store.ts';
import { enteredByOrg, resolveSubject, subjectContactFor, subjectInput, type SubjectContact } from './behalf.ts';
import { checkLinks } from './links.ts';
import { linkApplication } from '../youth/youth.service.ts';
import { forgetCosignerMail, queueCosignerMails } from './cosigner-mail.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date');
const cents = z.number().refine(isCents, 'initiatives.funds.error.cents');

export const applicationInput = z.object({
  fundId: z.uuid(),
  roundId: z.uuid().nullable().default(null),
  groupName: singleLine(z.string().trim().min(1, 'form.required').max(120)),
  title: singleLine(z.string().trim().min(1, 'form.required').max(160)),
  what: multiLine(z.string().trim().min(1, 'form.required').max(4000)),
  forWhom: multiLine(z.string().trim().min(1, 'form.required').max(2000)),
  areaCode: z.string().min(1, 'form.required').max(20),
  startsOn: day,
  endsOn: day.nullable().default(null),
  budgetLines: z
    .array(z.object({ label: singleLine(z.string().trim().min(1, 'form.required').max(160)), amountCents: cents }))
    .min(1, 'initiatives.apply.error.lines')
    .max(20),
  requestedCents: cents.refine((n) => n > 0, 'initiatives.apply.error.requested'),
  ownMoneyCents: cents.default(0),
  ownInKind: multiLine(z.string().trim().max(1000)).default(''),
  cosigners: z
    .array(
      z.object({
        displayName: singleLine(z.string().trim().min(1, 'form.required').max(80)),
        postcode: z.string().trim().max(10),
        /** Optional: the link is mailed to it (cosigner-mail.ts); kept only in that outbox mail. */
        email: z.string().trim().max(254).default(''),
      }),
    )
    .max(20)
    .default([]),
  /** Entered by a volunteer, professional or coordinator for a resident (who may have no account). */
  onBehalf: z.boolean().default(false),
  /** With onBehalf: whose application it is (behalf.ts). */
  subject: subjectInput,
  /** Started from an open call or a youth idea (links.ts). */
  callId: z.uuid().nullable().default(null),
  youthIdeaId: z.uuid().nullable().default(null),
});
export type ApplicationInput = z.input<typeof applicationInput>;

export interface Submitted {
  application: facade.Application;
  /** The co-signers' tokens, shown once (only their hashes are kept); `mailed`: also sent to their address. */
  cosignerTokens: { displayName: string; token: string; mailed: boolean }[];
}

/** Where a co-signer's link points (`…/{tenant}/samen-doen/steun/`), and the language of the mails. */
export interface SubmitOptions {
  linkBase?: string;
  locale?: Locale;
}

function addDays(dayText: string, n: number): string {
  const d = new Date(`${dayText}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The round the application goes to: the one named, or the fund's open round covering the buurt. */
async function roundFor(db: DbOrTrx, tenantId: string, fundId: string, roundId: string | null, areaCode: string, today: string) {
  const open = (await facade.openRoundsFor(db, tenantId, areaCode, today)).filter((r) => r.fundId === fundId);
  if (roundId) {
    const r = await facade.getRound(db, tenantId, roundId);
    if (!r || r.fundId !== fundId) return { error: { roundId: 'initiatives.apply.error.roundUnknown' } as FieldErrors };
    if (!facade.roundIsOpen(r, today)) return { error: { roundId: 'initiatives.apply.error.roundClosed' } as FieldErrors };
    if (!open.some((o) => o.id === r.id)) return { error: { areaCode: 'initiatives.apply.error.areaNotInRound' } as FieldErrors };
    return { round: r };
  }
  const round = open[0];
  if (!round) return { error: { roundId: 'initiatives.apply.error.roundClosed' } as FieldErrors };
  return { round };
}

/** Check everything; returns the field errors (empty when the application may be stored). */
async function check(db: DbOrTrx, tenantId: string, fund: facade.Fund, a: z.output<typeof applicationInput>, today: string) {
  const errors: FieldErrors = {};
  const area = await getArea(db, tenantId, a.areaCode);
  if (!area || area.level !== 'neighbourhood') errors['areaCode'] = 'initiatives.apply.error.buurt';
  if (fund.status !== 'active') errors['fundId'] = 'initiatives.apply.error.fundClosed';
  const r = errors['areaCode'] ? { error: {} } : await roundFor(db, tenantId, fund.id, a.roundId, a.areaCode, today);
  Object.assign(errors, r.error ?? {});
  if (fund.maxPerInitiativeCents !== null && a.requestedCents > fund.maxPerInitiativeCents) {
    errors['requestedCents'] = 'initiatives.apply.error.aboveMax';
  }
  const sum = a.budgetLines.reduce((s, l) => s + l.amountCents, 0);
  if (sum !== a.requestedCents) errors['budgetLines'] = 'initiatives.apply.error.linesMismatch';
  if (fund.ownContribution === 'money' && a.ownMoneyCents <= 0) errors['ownMoneyCents'] = 'initiatives.apply.error.ownMoney';
  if (fund.ownContribution === 'money_or_kind' && a.ownMoneyCents <= 0 && !a.ownInKind) {
    errors['ownInKind'] = 'initiatives.apply.error.ownEither';
  }
  const earliest = addDays(today, fund.leadTimeDays);
  if (a.startsOn < earliest) errors['startsOn'] = 'initiatives.apply.error.leadTime';
  if (a.endsOn && a.endsOn < a.startsOn) errors['endsOn'] = 'initiatives.apply.error.endsBeforeStarts';
  if (a.cosigners.length < fund.minCosigners) errors['cosigners'] = 'initiatives.apply.error.tooFewCosigners';
  const cosignerAreas: (string | null)[] = [];
  for (const [i, c] of a.cosigners.entries()) {
    if (c.email !== '' && !z.email().safeParse(c.email).success) errors[`cosigners.${i}.email`] = 'initiatives.apply.behalf.error.email';
    const placed = await placeAddress(db, tenantId, { postcode: c.postcode });
    if (!placed.ok) {
      errors[`cosigners.${i}.postcode`] = placed.reason === 'outside' ? 'initiatives.apply.error.cosignerOutside' : placed.messageKey;
      cosignerAreas.push(null);
    } else if (placed.buurtCode !== a.areaCode) {
      errors[`cosigners.${i}.postcode`] = 'initiatives.apply.error.cosignerOutside';
      cosignerAreas.push(placed.buurtCode);
    } else cosignerAreas.push(placed.buurtCode);
  }
  return { errors, round: 'round' in r ? r.round : null, cosignerAreas, earliest };
}

/** Submit an application. Refused with field errors (422) and nothing written when a rule is not met. */
export async function submitApplication(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: ApplicationInput,
  opts: SubmitOptions = {},
): Promise<Submitted> {
  const parsed = applicationInput.safeParse(input);
  const onBehalf = parsed.success ? parsed.data.onBehalf : input.onBehalf === true;
  // Applying for oneself: the application will be the principal's own (reach `own`).
  authorize(
    principal.userId !== null &&
      can(principal, onBehalf ? 'initiative.applyOnBehalf' : 'initiative.apply', { tenantId, userIds: [principal.userId] }),
  );
  if (!parsed.success) throw Invalid(fieldsOf(parsed.error), 'initiatives.apply.error.form');
  const a = parsed.data;
  const fund = await facade.getFundById(db, tenantId, a.fundId);
  if (!fund) throw NotFound();
  const today = localDate(principal.now);
  const { errors, round, cosignerAreas } = await check(db, tenantId, fund, a, today);
  const subject = onBehalf
    ? await resolveSubject(db, tenantId, a.subject, { mayFindAccount: can(principal, 'initiative.findAccount', { tenantId }) })
    : null;
  Object.assign(errors, subject?.errors ?? {});
  Object.assign(errors, await checkLinks(db, principal, { tenantId, fundId: fund.id, callId: a.callId, youthIdeaId: a.youthIdeaId }));
  if (Object.keys(errors).length > 0 || !round) throw Invalid(errors, 'initiatives.apply.error.form');
  const mailed = a.cosigners.some((c) => c.email !== '');
  if (mailed && !opts.linkBase) throw new Error('submitApplication: a co-signer address needs opts.linkBase');
  const org = onBehalf ? await enteredByOrg(db, principal, tenantId) : '';
  const areaName = (await getArea(db, tenantId, a.areaCode))?.name ?? a.areaCode;
  const tokens = a.cosigners.map(() => newToken());
  const year = Number(today.slice(0, 4));
  const row = await inTransaction(db, async (trx) => {
    const n = (await store.lastReferenceNumber(trx, tenantId, year)) + 1;
    const app = await store.insertApplication(trx, {
      tenant_id: tenantId,
      reference: `INI-${year}-${String(n).padStart(4, '0')}`,
      fund_id: fund.id,
      round_id: round.id,
      applicant_user_id: onBehalf ? (subject?.applicantUserId ?? null) : principal.userId,
      entered_by: onBehalf ? principal.userId : null,
      entered_by_org: org,
      subject_name: subject?.subjectName ?? null,
      subject_phone: subject?.subjectPhone ?? null,
      subject_email: subject?.subjectEmail ?? null,
      call_id: a.callId,
      youth_idea_id: a.youthIdeaId,
      group_name: a.groupName,
      title: a.title,
      what: a.what,
      for_whom: a.forWhom,
      area_code: a.areaCode,
      starts_on: a.startsOn,
      ends_on: a.endsOn,
      budget_lines: a.budgetLines.map((l) => ({ label: l.label, amount_cents: l.amountCents })),
      requested_cents: a.requestedCents,
      own_money_cents: a.ownMoneyCents,
      own_in_kind: a.ownInKind,
      status: 'submitted',
      submitted_at: principal.now,
      created_at: principal.now,
      updated_at: principal.now,
    });
    const withMail = a.cosigners.flatMap((c, i) => (c.email !== '' ? [{ i, c }] : []));
    const mailIds = await queueCosignerMails(trx, {
      tenantId,
      locale: opts.locale ?? 'nl',
      now: principal.now,
      app: {
        reference: app.reference,
        title: a.title,
        groupName: a.groupName,
        areaName,
        requestedCents: a.requestedCents,
        fundName: opts.locale === 'en' && fund.nameEn ? fund.nameEn : fund.nameNl,
      },
      mails: withMail.map(({ i, c }) => ({ to: c.email, displayName: c.displayName, url: `${opts.linkBase}${tokens[i]!}` })),
    });
    const mailIdOf = new Map(withMail.map(({ i }, k) => [i, mailIds[k]!]));
    if (a.youthIdeaId) await linkApplication(trx, principal, { tenantId, ideaId: a.youthIdeaId, applicationId: app.id });
    await store.insertCosigners(
      trx,
      a.cosigners.map((c, i) => ({
        tenant_id: tenantId,
        application_id: app.id,
        display_name: c.displayName,
        postcode: c.postcode.replace(/\s/g, '').toUpperCase(),
        area_code: cosignerAreas[i] ?? null,
        token_hash: hashToken(tokens[i]!),
        mail_id: mailIdOf.get(i) ?? null,
      })),
    );
    return app;
  });
  return {
    application: facade.toApplication(row),
    cosignerTokens: a.cosigners.map((c, i) => ({ displayName: c.displayName, token: tokens[i]!, mailed: c.email !== '' })),
  };
}

export interface CosignView {
  displayName: string;
  confirmedOn: string | null;
  reference: string;
  title: string;
  groupName: string;
  what: string;
  areaName: string;
  requestedCents: number;
}

async function cosignerOr404(db: DbOrTrx, tenantId: string, token: string) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw NotFound('initiatives.cosign.unknown');
  const c = await store.cosignerByHash(db, tenantId, hashToken(token));
  if (!c) throw NotFound('initiatives.cosign.unknown');
  const app = await store.applicationById(db, tenantId, c.application_id);
  if (!app) throw NotFound('initiatives.cosign.unknown');
  return { c, app };
}

/** What a co-signer sees behind their link. */
export async function cosignView(db: DbOrTrx, principal: Principal, tenantId: string, token: string): Promise<CosignView> {
  authorize(can(principal, 'initiative.cosign', { tenantId }));
  const { c, app } = await cosignerOr404(db, tenantId, token);
  return {
    displayName: c.display_name,
    confirmedOn: c.confirmed_on,
    reference: app.reference,
    title: app.title,
    groupName: app.group_name,
    what: app.what,
    areaName: (await getArea(db, tenantId, app.area_code))?.name ?? app.area_code,
    requestedCents: app.requested_cents,
  };
}

/** The co-signer confirms (once; a second time is a Conflict). */
export async function confirmCosign(db: DbOrTrx, principal: Principal, tenantId: string, token: string): Promise<void> {
  authorize(can(principal, 'initiative.cosign', { tenantId }));
  const { c, app } = await cosignerOr404(db, tenantId, token);
  if (app.status === 'withdrawn') throw Conflict('initiatives.cosign.withdrawn');
  if (!(await store.confirmCosigner(db, tenantId, c.id, localDate(principal.now)))) throw Conflict('initiatives.cosign.already');
  // Confirmed: the address in the link's mail is no longer needed.
  await forgetCosignerMail(db, tenantId, c);
}

export type StepKey = 'submitted' | 'received' | 'inReview' | 'decision' | 'paid' | 'accounted';
export interface Step {
  key: StepKey;
  done: boolean;
  /** The day it happened, when known. */
  on: string | null;
}

const ORDER: Record<string, number> = {
  draft: 0,
  submitted: 1,
  acknowledged: 2,
  in_review: 3,
  decided: 4,
  paid: 5,
  accounted: 6,
  withdrawn: 0,
};

/** The tracking timeline: ingediend, ontvangen, in beoordeling, besluit, uitbetaald, verantwoord. */
export function timelineOf(a: facade.Application): Step[] {
  const at = ORDER[a.status] ?? 0;
  const d = (x: Date | null) => (x ? localDate(x) : null);
  return [
    { key: 'submitted', done: at >= 1, on: d(a.submittedAt) },
    { key: 'received', done: at >= 2, on: d(a.acknowledgedAt) },
    { key: 'inReview', done: at >= 3, on: null },
    { key: 'decision', done: at >= 4, on: d(a.decidedAt) },
    { key: 'paid', done: at >= 5, on: a.paidOn },
    { key: 'accounted', done: at >= 6, on: null },
  ];
}

export interface Tracking {
  application: facade.ApplicationWithCosigners;
  fund: facade.Fund;
  areaName: string;
  steps: Step[];
  minCosigners: number;
  confirmedCosigners: number;
  /** Entered on someone's behalf: the organisation ('' when none), never a person. */
  enteredOnBehalf: { org: string } | null;
  /** The contact of a resident without an account: only for who entered it and the coordinator (audited). */
  subject: SubjectContact | null;
}

/** The tracking page of one application: only the applicant (or who entered it) and the coordinator. */
export async function trackApplication(db: DbOrTrx, principal: Principal, tenantId: string, reference: string): Promise<Tracking> {
  const row = /^INI-\d{4}-\d{4,6}$/.test(reference) ? await store.applicationByReference(db, tenantId, reference) : undefined;
  // Unknown and not-yours look the same: no reference is confirmed to a stranger.
  if (!row || !can(principal, 'initiative.track', { tenantId, userIds: [row.applicant_user_id, row.entered_by] })) {
    authorize(principal.tenantId === tenantId && can(principal, 'initiative.track'));
    throw NotFound();
  }
  const application = (await facade.getApplication(db, tenantId, row.id))!;
  const fund = (await facade.getFundById(db, tenantId, row.fund_id))!;
  const seesContact =
    principal.userId !== null && (row.entered_by === principal.userId || reachOf(RULES, principal, 'initiative.track') === 'all');
  return {
    enteredOnBehalf: row.entered_by !== null ? { org: row.entered_by_org } : null,
    subject: seesContact ? await subjectContactFor(db, principal, tenantId, row) : null,
    application,
    fund,
    areaName: (await getArea(db, tenantId, row.area_code))?.name ?? row.area_code,
    steps: timelineOf(application),
    minCosigners: fund.minCosigners,
    confirmedCosigners: application.cosigners.filter((c) => c.confirmedOn !== null).length,
  };
}

/** The principal's own applications (as applicant or as the one who entered them); a coordinator sees all. */
export async function myApplications(db: DbOrTrx, principal: Principal, tenantId: string): Promise<facade.Application[]> {
  authorize(principal.tenantId === tenantId && can(principal, 'initiative.track') && principal.userId !== null);
  const all = await store.listApplications(db, tenantId, {});
  const reach = reachOf(RULES, principal, 'initiative.track');
  return all
    .filter((a) => reach === 'all' || a.applicant_user_id === principal.userId || a.entered_by === principal.userId)
    .map(facade.toApplication);
}

/** The funds and open rounds a buurt can apply to today (for the form's choices). */
export async function applyChoices(db: DbOrTrx, principal: Principal, tenantId: string, fundSlug: string) {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const fund = await funds.fundBySlug(db, tenantId, fundSlug);
  if (!fund) throw NotFound();
  const today = localDate(principal.now);
  const rounds = (await facade.listRounds(db, tenantId, fund.id)).filter((r) => facade.roundIsOpen(r, today));
  const buurten = (await listAreas(db, tenantId, { level: 'neighbourhood' })).map((a) => ({ value: a.code, label: a.name }));
  return {
    fund: facade.toFund(fund),
    rounds,
    buurten,
    earliestStart: addDays(today, fund.lead_time_days),
    canApplyOnBehalf: can(principal, 'initiative.applyOnBehalf', { tenantId }),
    canFindAccount: can(principal, 'initiative.findAccount', { tenantId }),
  };
}
