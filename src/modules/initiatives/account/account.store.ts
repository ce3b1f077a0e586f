/** SQL of accountability: the application it is about, its photos and receipts, the account itself and the spot-check key. Only this module's tables. */
import type { DbOrTrx } from '../../../platform/db/database.ts';

export function applicationForAccount(db: DbOrTrx, tenantId: string, reference: string) {
  return db
    .selectFrom('initiative_applications as a')
    .innerJoin('initiative_funds as f', (j) => j.onRef('f.tenant_id', '=', 'a.tenant_id').onRef('f.id', '=', 'a.fund_id'))
    .select([
      'a.id',
      'a.reference',
      'a.fund_id',
      'a.title',
      'a.group_name',
      'a.status',
      'a.applicant_user_id',
      'a.entered_by',
      'a.decision',
      'a.granted_cents',
      'a.paid_cents',
      'a.decision_letter',
      'a.decided_at',
      'a.is_demo',
      'f.spot_check_percent',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.reference', '=', reference)
    .executeTakeFirst();
}
export type AccountApplication = NonNullable<Awaited<ReturnType<typeof applicationForAccount>>>;

export function filesOf(db: DbOrTrx, tenantId: string, applicationId: string) {
  return db
    .selectFrom('initiative_files')
    .select(['id', 'kind', 'content_type', 'byte_size', 'alt_text', 'file_name', 'shown_publicly', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .orderBy('kind', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('file_name', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export function fileWithBytes(db: DbOrTrx, tenantId: string, id: string) {
  return db
    .selectFrom('initiative_files')
    .select(['id', 'application_id', 'kind', 'content_type', 'bytes', 'shown_publicly', 'file_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The people an application belongs to (applicant and whoever applied on their behalf), by application id. */
export function applicationOwners(db: DbOrTrx, tenantId: string, applicationId: string) {
  return db
    .selectFrom('initiative_applications')
    .select(['applicant_user_id', 'entered_by'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', applicationId)
    .executeTakeFirst();
}

export async function insertFile(
  db: DbOrTrx,
  f: {
    tenantId: string;
    applicationId: string;
    kind: 'photo' | 'receipt';
    contentType: string;
    bytes: Buffer;
    altText: string;
    fileName: string;
    shownPublicly: boolean;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('initiative_files')
    .values({
      tenant_id: f.tenantId,
      application_id: f.applicationId,
      kind: f.kind,
      content_type: f.contentType,
      bytes: f.bytes,
      byte_size: f.bytes.length,
      alt_text: f.altText,
      file_name: f.fileName,
      shown_publicly: f.kind === 'photo' && f.shownPublicly,
      created_at: f.now,
    })
    .execute();
}

export async function deleteFile(db: DbOrTrx, tenantId: string, applicationId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('initiative_files')
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export function accountOf(db: DbOrTrx, tenantId: string, applicationId: string) {
  return db
    .selectFrom('initiative_accounts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
}

/** Insert the account; false when one exists already (an account is submitted once). */
export async function insertAccount(
  db: DbOrTrx,
  a: {
    tenantId: string;
    applicationId: string;
    whatHappened: string;
    participants: number | null;
    spentCents: number | null;
    day: string;
    spotCheck: boolean;
  },
): Promise<boolean> {
  const row = await db
    .insertInto('initiative_accounts')
    .values({
      tenant_id: a.tenantId,
      application_id: a.applicationId,
      what_happened: a.whatHappened,
      participants: a.participants,
      spent_cents: a.spentCents,
      submitted_on: a.day,
      spot_check: a.spotCheck,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'application_id']).doNothing())
    .returning('application_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setSpotCheckResult(
  db: DbOrTrx,
  tenantId: string,
  applicationId: string,
  result: string,
  day: string,
): Promise<boolean> {
  const r = await db
    .updateTable('initiative_accounts')
    .set({ spot_check_result: result, spot_checked_on: day })
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('spot_check', '=', true)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markAccounted(db: DbOrTrx, tenantId: string, applicationId: string, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('initiative_applications')
    .set({ status: 'accounted', updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', applicationId)
    .where('status', 'in', ['decided', 'paid'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The fund's spot-check secret, created (random) the first time. */
export async function spotCheckSecret(db: DbOrTrx, tenantId: string, fundId: string, fresh: string): Promise<string> {
  await db
    .insertInto('initiative_spot_check_keys')
    .values({ tenant_id: tenantId, fund_id: fundId, secret: fresh })
    .onConflict((oc) => oc.columns(['tenant_id', 'fund_id']).doNothing())
    .execute();
  const row = await db
    .selectFrom('initiative_spot_check_keys')
    .select('secret')
    .where('tenant_id', '=', tenantId)
    .where('fund_id', '=', fundId)
    .executeTakeFirstOrThrow();
  return row.secret;
}

/** Photos the applicants let be shown, of these applications (for public pages). */
export function publicPhotoRows(db: DbOrTrx, tenantId: string, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('initiative_files')
    .select(['id', 'application_id', 'alt_text'])
    .where('tenant_id', '=', tenantId)
    .where('application_id', 'in', [...applicationIds])
    .where('kind', '=', 'photo')
    .where('shown_publicly', '=', true)
    .orderBy('created_at', 'asc')
    .execute();
}
