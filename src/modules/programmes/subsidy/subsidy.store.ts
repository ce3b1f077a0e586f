/** Queries of the subsidy proposals (only this module's tables). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SubsidyProposalsTable } from '../programmes.tables.ts';

export type ProposalRow = Selectable<SubsidyProposalsTable>;

export async function insertProposal(db: DbOrTrx, row: Insertable<SubsidyProposalsTable>): Promise<string> {
  return (await db.insertInto('programme_subsidy_proposals').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export function proposalById(db: DbOrTrx, tenantId: string, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('programme_subsidy_proposals').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Proposals of the municipality, or only of these organisations (null: all). */
export function listProposals(db: DbOrTrx, tenantId: string, organisationIds: readonly string[] | null): Promise<ProposalRow[]> {
  let q = db.selectFrom('programme_subsidy_proposals').selectAll().where('tenant_id', '=', tenantId);
  if (organisationIds !== null) {
    if (organisationIds.length === 0) return Promise.resolve([]);
    q = q.where('organisation_id', 'in', organisationIds);
  }
  return q.orderBy('created_at', 'desc').orderBy('title').execute();
}

export async function updateProposal(db: DbOrTrx, tenantId: string, id: string, set: Updateable<SubsidyProposalsTable>): Promise<void> {
  await db.updateTable('programme_subsidy_proposals').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** The goals of the municipality's programmes, to link a proposal to. */
export function goalsOfTenant(
  db: DbOrTrx,
  tenantId: string,
): Promise<{ id: string; programme_id: string; programme_title: string; number: string; title_nl: string; title_en: string }[]> {
  return db
    .selectFrom('programme_goals as g')
    .innerJoin('programmes as p', (j) => j.onRef('p.tenant_id', '=', 'g.tenant_id').onRef('p.id', '=', 'g.programme_id'))
    .select(['g.id', 'g.programme_id', 'p.title_nl as programme_title', 'g.number', 'g.title_nl', 'g.title_en'])
    .where('g.tenant_id', '=', tenantId)
    .orderBy('p.title_nl')
    .orderBy('g.sort')
    .orderBy('g.number')
    .execute();
}
