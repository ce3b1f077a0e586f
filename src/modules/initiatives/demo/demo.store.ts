import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type {
  InitiativeApplicationsTable,
  InitiativeBudgetsTable,
  InitiativeCofundingTable,
  InitiativeFundsTable,
  InitiativeRoundsTable,
} from '../initiatives.tables.ts';

/** Inserts of the module's demo data (demo.ts); only this module's tables. */

const jsonb = <T>(value: T) => sql<T>`cast(${JSON.stringify(value)} as jsonb)`;

export async function fundExists(db: DbOrTrx, tenantId: string, slug: string): Promise<boolean> {
  const r = await db
    .selectFrom('initiative_funds')
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', slug)
    .select('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertFund(db: DbOrTrx, row: Insertable<InitiativeFundsTable>): Promise<string> {
  const r = await db.insertInto('initiative_funds').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertBudget(
  db: DbOrTrx,
  row: Omit<Insertable<InitiativeBudgetsTable>, 'area_codes'> & { area_codes: string[] },
): Promise<string> {
  const r = await db
    .insertInto('initiative_budgets')
    .values({ ...row, area_codes: jsonb(row.area_codes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertCofunding(
  db: DbOrTrx,
  row: Omit<Insertable<InitiativeCofundingTable>, 'area_codes'> & { area_codes: string[] },
): Promise<void> {
  await db
    .insertInto('initiative_cofunding')
    .values({ ...row, area_codes: jsonb(row.area_codes) })
    .execute();
}

export async function insertRound(
  db: DbOrTrx,
  row: Omit<Insertable<InitiativeRoundsTable>, 'area_codes'> & { area_codes: string[] },
): Promise<string> {
  const r = await db
    .insertInto('initiative_rounds')
    .values({ ...row, area_codes: jsonb(row.area_codes) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

type AppInsert = Omit<Insertable<InitiativeApplicationsTable>, 'budget_lines' | 'feasibility'> & {
  budget_lines: { label: string; amount_cents: number }[];
  feasibility: { point: string; ok: boolean; reason: string }[];
};

export async function insertApplication(db: DbOrTrx, row: AppInsert): Promise<string> {
  const r = await db
    .insertInto('initiative_applications')
    .values({ ...row, budget_lines: jsonb(row.budget_lines), feasibility: jsonb(row.feasibility) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertAccount(
  db: DbOrTrx,
  row: {
    tenant_id: string;
    application_id: string;
    what_happened: string;
    participants: number | null;
    spent_cents: number | null;
    submitted_on: string;
  },
): Promise<void> {
  await db.insertInto('initiative_accounts').values(row).execute();
}

export async function insertUsedCodeAndBallot(
  db: DbOrTrx,
  b: {
    tenantId: string;
    roundId: string;
    codeHash: string | null;
    voterKey: string;
    applicationIds: string[];
    channel: 'account' | 'paper';
    castOn: string;
  },
): Promise<void> {
  if (b.codeHash) {
    await db
      .insertInto('initiative_vote_codes')
      .values({ tenant_id: b.tenantId, round_id: b.roundId, code_hash: b.codeHash, used: true })
      .execute();
  }
  await db
    .insertInto('initiative_ballots')
    .values({
      tenant_id: b.tenantId,
      round_id: b.roundId,
      voter_key: b.voterKey,
      application_ids: jsonb(b.applicationIds),
      channel: b.channel,
      cast_on: b.castOn,
    })
    .execute();
}

export async function insertUnusedCodes(db: DbOrTrx, tenantId: string, roundId: string, hashes: readonly string[]): Promise<void> {
  await db
    .insertInto('initiative_vote_codes')
    .values(hashes.map((h) => ({ tenant_id: tenantId, round_id: roundId, code_hash: h })))
    .execute();
}
