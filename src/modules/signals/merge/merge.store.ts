/** Queries of the merge and split part on signals, followers and actions (signals module only). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { SignalState } from '../workflow.ts';

/** Record that a duplicate was merged into a main signal. */
export async function setMergedInto(db: DbOrTrx, tenantId: string, duplicateId: string, mainId: string): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ merged_into_id: mainId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', duplicateId)
    .execute();
}

/** Record that a signal was split off from another one. */
export async function setSplitFrom(db: DbOrTrx, tenantId: string, childId: string, originalId: string): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ split_from_id: originalId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', childId)
    .execute();
}

/** Route a split-off signal to the organisation the handler chose. */
export async function setOrganisation(db: DbOrTrx, tenantId: string, signalId: string, organisationId: string): Promise<void> {
  await db
    .updateTable('signals_signals')
    .set({ organisation_id: organisationId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', signalId)
    .execute();
}

/** Move the open network actions of one signal to another; returns how many moved. */
export async function moveOpenActions(db: DbOrTrx, tenantId: string, fromSignalId: string, toSignalId: string, now: Date): Promise<number> {
  const moved = await db
    .updateTable('signals_actions')
    .set({ signal_id: toSignalId, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', fromSignalId)
    .where('status', '=', 'open')
    .returning('id')
    .execute();
  return moved.length;
}

/** The number of followers of a signal. */
export async function countFollowers(db: DbOrTrx, tenantId: string, signalId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_followers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Open, not merged signals of a category since a date, in the same buurt or inside a small box
 * around a point (the caller computes the exact distance).
 */
export function mergeCandidates(
  db: DbOrTrx,
  tenantId: string,
  args: {
    excludeId: string;
    categoryId: string;
    since: Date;
    states: readonly SignalState[];
    buurtCode: string | null;
    point: { lat: number; lon: number } | null;
  },
) {
  const { point, buurtCode } = args;
  return db
    .selectFrom('signals_signals as s')
    .select(['s.id', 's.public_id', 's.description', 's.address', 's.latitude', 's.longitude', 's.buurt_code', 's.state', 's.created_at'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.category_id', '=', args.categoryId)
    .where('s.id', '!=', args.excludeId)
    .where('s.merged_into_id', 'is', null)
    .where('s.state', 'in', args.states)
    .where('s.created_at', '>=', args.since)
    .where((eb) => {
      const alternatives = [];
      if (buurtCode) alternatives.push(eb('s.buurt_code', '=', buurtCode));
      if (point) {
        const dLat = 0.0006;
        const dLon = 0.0006 / Math.max(0.1, Math.cos((point.lat * Math.PI) / 180));
        alternatives.push(
          eb.and([
            eb('s.latitude', '>=', point.lat - dLat),
            eb('s.latitude', '<=', point.lat + dLat),
            eb('s.longitude', '>=', point.lon - dLon),
            eb('s.longitude', '<=', point.lon + dLon),
          ]),
        );
      }
      return alternatives.length ? eb.or(alternatives) : eb.lit(false);
    })
    .orderBy('s.created_at', 'desc')
    .limit(50)
    .execute();
}
