/** Queries on wijkschouw sessions, their participants and their signals (signals module only). */
import { sql, type Insertable, type Selectable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalsWijkschouwParticipantsTable, SignalsWijkschouwSessionsTable, WijkschouwStatus } from './wijkschouw.tables.ts';

export type SessionRow = Omit<Selectable<SignalsWijkschouwSessionsTable>, 'walk_date'> & { walk_date: string };
export type ParticipantRow = Selectable<SignalsWijkschouwParticipantsTable>;

const walkDate = sql<string>`to_char(s.walk_date, 'YYYY-MM-DD')`.as('walk_date');
const SESSION_COLUMNS = [
  's.tenant_id',
  's.id',
  's.title',
  's.area_code',
  's.meeting_point',
  's.organiser_user_id',
  's.status',
  's.closed_at',
  's.is_demo',
  's.created_at',
  's.updated_at',
] as const;

export async function insertSession(db: DbOrTrx, row: Insertable<SignalsWijkschouwSessionsTable>): Promise<string> {
  const r = await db.insertInto('signals_wijkschouw_sessions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertParticipants(db: DbOrTrx, rows: Insertable<SignalsWijkschouwParticipantsTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('signals_wijkschouw_participants').values(rows).execute();
}

export async function findSession(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SessionRow | null> {
  let q = db
    .selectFrom('signals_wijkschouw_sessions as s')
    .select([...SESSION_COLUMNS, walkDate])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) ?? null;
}

/** Sessions of a tenant, newest walk first; only those of the user (organiser or linked participant) unless `all`. */
export async function listSessions(db: DbOrTrx, tenantId: string, opts: { userId: string; all: boolean; limit: number }) {
  let q = db
    .selectFrom('signals_wijkschouw_sessions as s')
    .select([...SESSION_COLUMNS, walkDate])
    .select((eb) =>
      eb
        .selectFrom('signals_wijkschouw_signals as l')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('l.tenant_id', '=', 's.tenant_id')
        .whereRef('l.session_id', '=', 's.id')
        .as('signal_count'),
    )
    .where('s.tenant_id', '=', tenantId);
  if (!opts.all) {
    q = q.where((eb) =>
      eb.or([
        eb('s.organiser_user_id', '=', opts.userId),
        eb.exists(
          eb
            .selectFrom('signals_wijkschouw_participants as p')
            .select('p.id')
            .whereRef('p.tenant_id', '=', 's.tenant_id')
            .whereRef('p.session_id', '=', 's.id')
            .where('p.user_id', '=', opts.userId),
        ),
      ]),
    );
  }
  return q.orderBy('s.walk_date', 'desc').orderBy('s.created_at', 'desc').limit(opts.limit).execute();
}

export function listParticipants(db: DbOrTrx, tenantId: string, sessionId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('signals_wijkschouw_participants')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function maxParticipantPosition(db: DbOrTrx, tenantId: string, sessionId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_wijkschouw_participants')
    .select((eb) => eb.fn.max<number | null>('position').as('m'))
    .where('tenant_id', '=', tenantId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(r?.m ?? -1);
}

export async function isParticipantUser(db: DbOrTrx, tenantId: string, sessionId: string, userId: string): Promise<boolean> {
  const r = await db
    .selectFrom('signals_wijkschouw_participants')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!r;
}

export async function setStatus(db: DbOrTrx, tenantId: string, id: string, status: WijkschouwStatus, now: Date): Promise<void> {
  await db
    .updateTable('signals_wijkschouw_sessions')
    .set({ status, closed_at: status === 'closed' ? now : null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Link a signal to a session; false when the signal is linked already (to this or another session). */
export async function linkSignal(
  db: DbOrTrx,
  row: { tenant_id: string; session_id: string; signal_id: string; created_at: Date },
): Promise<boolean> {
  const r = await db
    .insertInto('signals_wijkschouw_signals')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'signal_id']).doNothing())
    .returning('signal_id')
    .executeTakeFirst();
  return !!r;
}

export async function sessionOfSignal(db: DbOrTrx, tenantId: string, signalId: string): Promise<string | null> {
  const r = await db
    .selectFrom('signals_wijkschouw_signals')
    .select('session_id')
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .executeTakeFirst();
  return r?.session_id ?? null;
}

/** The session's signals with category and routed organisation id, in the order they were recorded. */
export function listSessionSignals(db: DbOrTrx, tenantId: string, sessionId: string) {
  return db
    .selectFrom('signals_wijkschouw_signals as l')
    .innerJoin('signals_signals as g', (j) => j.onRef('g.tenant_id', '=', 'l.tenant_id').onRef('g.id', '=', 'l.signal_id'))
    .innerJoin('signals_categories as c', (j) => j.onRef('c.tenant_id', '=', 'g.tenant_id').onRef('c.id', '=', 'g.category_id'))
    .select([
      'g.id',
      'g.public_id',
      'g.state',
      'g.address',
      'g.latitude',
      'g.longitude',
      'g.buurt_code',
      'g.wijk_code',
      'g.organisation_id',
      'g.reporter_email',
      'g.created_at',
      'c.name as category_name',
      'c.sensitive',
    ])
    .where('l.tenant_id', '=', tenantId)
    .where('l.session_id', '=', sessionId)
    .orderBy('l.created_at')
    .orderBy('g.public_id')
    .execute();
}
export type SessionSignalRow = Awaited<ReturnType<typeof listSessionSignals>>[number];

/**
 * Make the organiser the reporter of a signal recorded on the walk, after it was created without
 * an e-mail address (so no separate confirmation mail went out; the closing mail carries the links).
 */
export async function setOrganiserAsReporter(
  db: DbOrTrx,
  tenantId: string,
  signalId: string,
  reporter: { name: string | null; email: string; userId: string | null },
): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ reporter_name: reporter.name, reporter_email: reporter.email, reporter_user_id: reporter.userId, wants_feedback: true })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', signalId)
    .execute();
}
