import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';

/** A jsonb value (the tables type jsonb columns by their parsed value; the driver needs the text). */
export const jsonb = <T>(value: T) => sql<T>`cast(${JSON.stringify(value)} as jsonb)`;

/** SQL of voting rounds: the round, the initiatives on its ballot, paper codes and ballots. */

export interface RoundRow {
  id: string;
  fundId: string;
  nameNl: string;
  nameEn: string;
  voting: 'none' | 'approval' | 'knapsack';
  votingOpensOn: string | null;
  votingClosesOn: string | null;
  votingBudgetCents: number | null;
  areaCodes: string[];
  isDemo: boolean;
}

export async function findRound(db: DbOrTrx, tenantId: string, roundId: string): Promise<RoundRow | null> {
  const r = await db
    .selectFrom('initiative_rounds')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', roundId)
    .select([
      'id',
      'fund_id',
      'name_nl',
      'name_en',
      'voting',
      'voting_opens_on',
      'voting_closes_on',
      'voting_budget_cents',
      'area_codes',
      'is_demo',
    ])
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    fundId: r.fund_id,
    nameNl: r.name_nl,
    nameEn: r.name_en,
    voting: r.voting,
    votingOpensOn: r.voting_opens_on,
    votingClosesOn: r.voting_closes_on,
    votingBudgetCents: r.voting_budget_cents,
    areaCodes: r.area_codes,
    isDemo: r.is_demo,
  };
}

/** Voting rounds of the municipality, newest voting first. */
export async function listVotingRounds(db: DbOrTrx, tenantId: string): Promise<RoundRow[]> {
  const rows = await db
    .selectFrom('initiative_rounds')
    .where('tenant_id', '=', tenantId)
    .where('voting', '!=', 'none')
    .select('id')
    .orderBy('voting_opens_on', 'desc')
    .orderBy('id')
    .execute();
  const out: RoundRow[] = [];
  for (const r of rows) out.push((await findRound(db, tenantId, r.id))!);
  return out;
}

export interface BallotApplication {
  id: string;
  reference: string;
  title: string;
  groupName: string;
  areaCode: string;
  requestedCents: number;
  submittedAt: string | null;
  isDemo: boolean;
}

/**
 * The initiatives on a round's ballot: in the round, status in_review or decided, not rejected, and
 * a feasibility review with at least one point, every point ok (docs/initiatives-voting.md).
 */
export async function listBallotApplications(db: DbOrTrx, tenantId: string, roundId: string): Promise<BallotApplication[]> {
  const rows = await db
    .selectFrom('initiative_applications')
    .where('tenant_id', '=', tenantId)
    .where('round_id', '=', roundId)
    .where('status', 'in', ['in_review', 'decided'])
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decision', '!=', 'rejected')]))
    .select(['id', 'reference', 'title', 'group_name', 'area_code', 'requested_cents', 'submitted_at', 'feasibility', 'is_demo'])
    .orderBy('reference')
    .execute();
  return rows
    .filter((r) => r.feasibility.length > 0 && r.feasibility.every((p) => p.ok))
    .map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      groupName: r.group_name,
      areaCode: r.area_code,
      requestedCents: r.requested_cents,
      submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      isDemo: r.is_demo,
    }));
}

export async function insertVoteCodes(
  db: DbOrTrx,
  tenantId: string,
  roundId: string,
  codes: readonly { hash: string; areaCode: string | null }[],
): Promise<void> {
  if (codes.length === 0) return;
  await db
    .insertInto('initiative_vote_codes')
    .values(codes.map((c) => ({ tenant_id: tenantId, round_id: roundId, code_hash: c.hash, area_code: c.areaCode })))
    .execute();
}

export async function findVoteCode(
  db: DbOrTrx,
  tenantId: string,
  hash: string,
): Promise<{ id: string; roundId: string; areaCode: string | null; used: boolean } | null> {
  const r = await db
    .selectFrom('initiative_vote_codes')
    .where('tenant_id', '=', tenantId)
    .where('code_hash', '=', hash)
    .select(['id', 'round_id', 'area_code', 'used'])
    .executeTakeFirst();
  return r ? { id: r.id, roundId: r.round_id, areaCode: r.area_code, used: r.used } : null;
}

/** Marks an unused code used; false when it was used already (also by a ballot cast at the same moment). */
export async function claimVoteCode(db: DbOrTrx, tenantId: string, id: string): Promise<boolean> {
  const res = await db
    .updateTable('initiative_vote_codes')
    .set({ used: true })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('used', '=', false)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function countVoteCodes(db: DbOrTrx, tenantId: string, roundId: string): Promise<{ total: number; used: number }> {
  const r = await db
    .selectFrom('initiative_vote_codes')
    .where('tenant_id', '=', tenantId)
    .where('round_id', '=', roundId)
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) filter (where used)::int`.as('used')])
    .executeTakeFirstOrThrow();
  return { total: r.total, used: r.used };
}

export async function ballotExists(db: DbOrTrx, tenantId: string, roundId: string, voterKey: string): Promise<boolean> {
  const r = await db
    .selectFrom('initiative_ballots')
    .where('tenant_id', '=', tenantId)
    .where('round_id', '=', roundId)
    .where('voter_key', '=', voterKey)
    .select('id')
    .executeTakeFirst();
  return r !== undefined;
}

/** Inserts a ballot; false when this voter has one in the round already (unique key). */
export async function insertBallot(
  db: DbOrTrx,
  b: { tenantId: string; roundId: string; voterKey: string; applicationIds: string[]; channel: 'account' | 'paper'; castOn: string },
): Promise<boolean> {
  const res = await db
    .insertInto('initiative_ballots')
    .values({
      tenant_id: b.tenantId,
      round_id: b.roundId,
      voter_key: b.voterKey,
      application_ids: jsonb(b.applicationIds),
      channel: b.channel,
      cast_on: b.castOn,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'round_id', 'voter_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return res !== undefined;
}

export async function listBallots(
  db: DbOrTrx,
  tenantId: string,
  roundId: string,
): Promise<{ applicationIds: string[]; channel: string }[]> {
  const rows = await db
    .selectFrom('initiative_ballots')
    .where('tenant_id', '=', tenantId)
    .where('round_id', '=', roundId)
    .select(['application_ids', 'channel'])
    .execute();
  return rows.map((r) => ({ applicationIds: r.application_ids, channel: r.channel }));
}
