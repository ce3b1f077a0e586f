/**
 * Accountability afterwards (Rotterdam checks afterwards): the applicant tells what happened, how
 * many took part and what was spent, with photos and receipts, and submits it once. At submission
 * the spot-check rule (spot-check.ts) decides whether the coordinator checks it; the coordinator
 * records the check's result. Photos are public only when the applicant ticked "mag getoond
 * worden"; receipts never are. The applicant also reads the decision letter here.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { AppError, Conflict, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { can } from '../policies.ts';
import * as store from './account.store.ts';
import { MAX_PHOTOS, MAX_RECEIPTS, prepareFile } from './files.ts';
import { isSpotChecked, newSpotCheckSecret } from './spot-check.ts';

export const MAX_WHAT_HAPPENED = 4000;
export const MAX_ALT = 200;
export const MAX_RESULT = 1000;

const owners = (a: { applicant_user_id: string | null; entered_by: string | null }) => [a.applicant_user_id, a.entered_by];

/** The application, for its applicant (or helper) and coordinators; NotFound for anyone else (no hint that it exists). */
async function loadOwn(db: DbOrTrx, principal: Principal, tenantId: string, reference: string) {
  const a = await store.applicationForAccount(db, tenantId, reference);
  if (!a || !can(principal, 'initiative.account', { tenantId, userIds: owners(a) })) throw NotFound('initiatives.review.error.notFound');
  return a;
}

const granted = (a: store.AccountApplication) => (a.decision === 'full' || a.decision === 'partial') && (a.granted_cents ?? 0) > 0;

export interface AccountPageModel {
  reference: string;
  title: string;
  group: string;
  status: string;
  decision: 'full' | 'partial' | 'rejected' | null;
  grantedCents: number | null;
  paidCents: number;
  letter: string;
  decidedOn: string | null;
  /** Files may still be added and the account submitted. */
  canAccount: boolean;
  isCoordinator: boolean;
  files: { id: string; kind: 'photo' | 'receipt'; fileName: string; altText: string; shownPublicly: boolean }[];
  account: {
    whatHappened: string;
    participants: number | null;
    spentCents: number | null;
    submittedOn: string;
    spotCheck: boolean;
    spotCheckResult: string;
    spotCheckedOn: string | null;
  } | null;
  isDemo: boolean;
}

/** The applicant's page after the decision: the letter, payouts so far, files and the account. */
export async function accountPage(db: DbOrTrx, principal: Principal, tenantId: string, reference: string): Promise<AccountPageModel> {
  const a = await loadOwn(db, principal, tenantId, reference);
  const [files, account] = await Promise.all([store.filesOf(db, tenantId, a.id), store.accountOf(db, tenantId, a.id)]);
  return {
    reference: a.reference,
    title: a.title,
    group: a.group_name,
    status: a.status,
    decision: a.decision,
    grantedCents: a.granted_cents,
    paidCents: a.paid_cents,
    letter: a.decision_letter,
    decidedOn: a.decided_at ? localDate(a.decided_at) : null,
    canAccount: granted(a) && !account && can(principal, 'initiative.account', { tenantId, userIds: owners(a) }),
    isCoordinator: can(principal, 'initiative.spotCheck', { tenantId }),
    files: files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.file_name, altText: f.alt_text, shownPublicly: f.shown_publicly })),
    account: account
      ? {
          whatHappened: account.what_happened,
          participants: account.participants,
          spentCents: account.spent_cents,
          submittedOn: account.submitted_on,
          spotCheck: account.spot_check,
          spotCheckResult: account.spot_check_result,
          spotCheckedOn: account.spot_checked_on,
        }
      : null,
    isDemo: a.is_demo,
  };
}

async function openForAccount(db: DbOrTrx, principal: Principal, tenantId: string, reference: string) {
  const a = await loadOwn(db, principal, tenantId, reference);
  if (!granted(a)) throw Conflict('initiatives.account.error.notGranted', { file: 'initiatives.account.error.notGranted' });
  if (await store.accountOf(db, tenantId, a.id)) {
    throw Conflict('initiatives.account.error.alreadySubmitted', { whatHappened: 'initiatives.account.error.alreadySubmitted' });
  }
  return a;
}

export interface UploadInput {
  kind: 'photo' | 'receipt';
  fileName: string;
  bytes: Buffer;
  altText: string;
  shownPublicly: boolean;
}

/** Add a photo or receipt before the account is submitted (checked, re-encoded; refused types get a clear message). */
export async function addFile(db: DbOrTrx, principal: Principal, tenantId: string, reference: string, input: UploadInput): Promise<void> {
  const a = await openForAccount(db, principal, tenantId, reference);
  const existing = await store.filesOf(db, tenantId, a.id);
  const max = input.kind === 'photo' ? MAX_PHOTOS : MAX_RECEIPTS;
  if (existing.filter((f) => f.kind === input.kind).length >= max) {
    throw new AppError(422, 'too_many_files', 'initiatives.account.error.tooMany', { file: 'initiatives.account.error.tooMany' }, { max });
  }
  const file = await prepareFile(input.kind, input.bytes, input.fileName);
  await inTransaction(db, async (trx) => {
    await store.insertFile(trx, {
      tenantId,
      applicationId: a.id,
      kind: input.kind,
      contentType: file.contentType,
      bytes: file.bytes,
      altText: input.altText,
      fileName: file.fileName,
      shownPublicly: input.shownPublicly,
      now: principal.now,
    });
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'upload',
      entity: 'initiative_file',
      entityId: a.id,
      detail: { kind: input.kind, bytes: file.bytes.length, shownPublicly: input.kind === 'photo' && input.shownPublicly },
    });
  });
}

/** Remove a file again, as long as the account is not submitted. */
export async function removeFile(db: DbOrTrx, principal: Principal, tenantId: string, reference: string, fileId: string): Promise<void> {
  const a = await openForAccount(db, principal, tenantId, reference);
  if (!(await store.deleteFile(db, tenantId, a.id, fileId))) throw NotFound();
}

export interface AccountInput {
  whatHappened: string;
  participants: number | null;
  spentCents: number | null;
}

/** Submit the account, once. Returns whether the spot-check rule chose it. */
export async function submitAccount(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  input: AccountInput,
): Promise<{ spotCheck: boolean }> {
  const a = await openForAccount(db, principal, tenantId, reference);
  const text = input.whatHappened.trim();
  if (text === '' || text.length > MAX_WHAT_HAPPENED) {
    throw new AppError(422, 'invalid', 'error.invalid', { whatHappened: 'initiatives.account.error.whatHappened' });
  }
  return inTransaction(db, async (trx) => {
    const secret = await store.spotCheckSecret(trx, tenantId, a.fund_id, newSpotCheckSecret());
    const spotCheck = isSpotChecked(secret, a.id, a.spot_check_percent);
    const inserted = await store.insertAccount(trx, {
      tenantId,
      applicationId: a.id,
      whatHappened: text,
      participants: input.participants,
      spentCents: input.spentCents,
      day: localDate(principal.now),
      spotCheck,
    });
    if (!inserted) {
      throw Conflict('initiatives.account.error.alreadySubmitted', { whatHappened: 'initiatives.account.error.alreadySubmitted' });
    }
    await store.markAccounted(trx, tenantId, a.id, principal.now);
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'account',
      entity: 'initiative_application',
      entityId: a.id,
      detail: { spotCheck },
    });
    return { spotCheck };
  });
}

/** The coordinator records the result of a spot check (only on an account the rule chose). */
export async function recordSpotCheck(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  result: string,
): Promise<void> {
  authorize(can(principal, 'initiative.spotCheck', { tenantId }));
  const a = await loadOwn(db, principal, tenantId, reference);
  const text = result.trim();
  if (text === '' || text.length > MAX_RESULT) {
    throw new AppError(422, 'invalid', 'error.invalid', { result: 'initiatives.account.error.result' });
  }
  await inTransaction(db, async (trx) => {
    if (!(await store.setSpotCheckResult(trx, tenantId, a.id, text, localDate(principal.now)))) {
      throw Conflict('initiatives.account.error.notChosen', { result: 'initiatives.account.error.notChosen' });
    }
    await recordAudit(trx, {
      tenantId,
      actorUserId: principal.userId,
      action: 'spot_check',
      entity: 'initiative_application',
      entityId: a.id,
    });
  });
}

/** A file's bytes: a photo the applicant let be shown for anyone; other files only for the applicant and coordinators. */
export async function fileBytes(db: DbOrTrx, principal: Principal, tenantId: string, fileId: string) {
  const f = await store.fileWithBytes(db, tenantId, fileId);
  if (!f) throw NotFound();
  const isPublic = f.kind === 'photo' && f.shown_publicly;
  if (!isPublic) {
    const o = await store.applicationOwners(db, tenantId, f.application_id);
    if (!o || !can(principal, 'initiative.account', { tenantId, userIds: owners(o) })) throw NotFound();
  }
  return { contentType: f.content_type, bytes: Buffer.from(f.bytes), kind: f.kind, fileName: f.file_name, isPublic };
}

/** Photos the applicants let be shown, per application id (for the public fund and neighbourhood pages). */
export async function publicPhotos(db: DbOrTrx, tenantId: string, applicationIds: readonly string[]) {
  const rows = await store.publicPhotoRows(db, tenantId, applicationIds);
  return rows.map((r) => ({
    applicationId: r.application_id,
    url: (slug: string) => `/${slug}/samen-doen/bestanden/${r.id}`,
    altText: r.alt_text,
  }));
}
