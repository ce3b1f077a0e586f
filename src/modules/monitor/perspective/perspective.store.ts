import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ContributionKind } from './perspective.questions.ts';

/** SQL on the wijkperspectief's two tables (monitor_perspectives, monitor_perspective_contributions). */

export interface VersionRow {
  version: number;
  status: 'draft' | 'agreed';
  content: Record<string, unknown>;
  isDemo: boolean;
  createdAt: Date;
  agreedAt: Date | null;
}

export interface ContributionRow {
  id: string;
  kind: ContributionKind;
  question: number | null;
  text: string;
  organisationId: string | null;
  isDemo: boolean;
  createdAt: Date;
}

/** Every version of an area's wijkperspectief, oldest first. */
export async function listVersions(db: DbOrTrx, tenantId: string, areaCode: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('monitor_perspectives')
    .select(['version', 'status', 'content', 'is_demo', 'created_at', 'agreed_at'])
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    status: r.status,
    content: r.content,
    isDemo: r.is_demo,
    createdAt: r.created_at,
    agreedAt: r.agreed_at,
  }));
}

/** Adds the next version (its number one above the highest); returns the number, or null when another writer took it. */
export async function insertVersion(
  db: DbOrTrx,
  v: { tenantId: string; areaCode: string; content: Record<string, unknown>; createdBy: string | null; isDemo?: boolean; now: Date },
): Promise<number | null> {
  const next = sql<number>`(select coalesce(max(version), 0) + 1 from monitor_perspectives where tenant_id = ${v.tenantId} and area_code = ${v.areaCode})`;
  const row = await db
    .insertInto('monitor_perspectives')
    .values({
      tenant_id: v.tenantId,
      area_code: v.areaCode,
      version: next,
      status: 'draft',
      content: JSON.stringify(v.content),
      is_demo: v.isDemo ?? false,
      created_by: v.createdBy,
      created_at: v.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'area_code', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return row?.version ?? null;
}

/** Marks a draft version agreed; false when there is no such draft. */
export async function markAgreed(db: DbOrTrx, tenantId: string, areaCode: string, version: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('monitor_perspectives')
    .set({ status: 'agreed', agreed_at: now })
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The contributions for an area, oldest first. */
export async function listContributions(db: DbOrTrx, tenantId: string, areaCode: string): Promise<ContributionRow[]> {
  const rows = await db
    .selectFrom('monitor_perspective_contributions')
    .select(['id', 'kind', 'question', 'text', 'organisation_id', 'is_demo', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('area_code', '=', areaCode)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    question: r.question,
    text: r.text,
    organisationId: r.organisation_id,
    isDemo: r.is_demo,
    createdAt: r.created_at,
  }));
}

export async function insertContribution(
  db: DbOrTrx,
  c: {
    tenantId: string;
    areaCode: string;
    kind: ContributionKind;
    question: number | null;
    text: string;
    organisationId: string | null;
    authorId: string | null;
    isDemo?: boolean;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('monitor_perspective_contributions')
    .values({
      tenant_id: c.tenantId,
      area_code: c.areaCode,
      kind: c.kind,
      question: c.question,
      text: c.text,
      organisation_id: c.organisationId,
      author_id: c.authorId,
      is_demo: c.isDemo ?? false,
      created_at: c.now,
    })
    .execute();
}

/** Per area: the newest version and whether any version is agreed, and the number of contributions. */
export async function overviewRows(
  db: DbOrTrx,
  tenantId: string,
): Promise<{
  versions: Map<string, { newest: number; newestStatus: 'draft' | 'agreed'; agreed: number | null }>;
  contributions: Map<string, number>;
}> {
  const [vs, cs] = await Promise.all([
    db
      .selectFrom('monitor_perspectives')
      .select(['area_code', 'version', 'status'])
      .where('tenant_id', '=', tenantId)
      .orderBy('area_code')
      .orderBy('version')
      .execute(),
    db
      .selectFrom('monitor_perspective_contributions')
      .select(['area_code', (eb) => eb.fn.countAll<string>().as('n')])
      .where('tenant_id', '=', tenantId)
      .groupBy('area_code')
      .execute(),
  ]);
  const versions = new Map<string, { newest: number; newestStatus: 'draft' | 'agreed'; agreed: number | null }>();
  for (const r of vs) {
    const before = versions.get(r.area_code);
    versions.set(r.area_code, {
      newest: r.version,
      newestStatus: r.status,
      agreed: r.status === 'agreed' ? r.version : (before?.agreed ?? null),
    });
  }
  return { versions, contributions: new Map(cs.map((c) => [c.area_code, Number(c.n)])) };
}
