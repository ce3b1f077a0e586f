import { sql } from 'kysely';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Angle } from '../programmes.tables.ts';

/** SQL of the action table (programme_actions, with the cards its rows became). */

/** A jsonb value from a JS value (the driver would send an array as a Postgres array). */
export const jsonb = <T>(v: T) => sql<T>`cast(${JSON.stringify(v)} as jsonb)`;

export interface ActionRow {
  id: string;
  number: number;
  target_group: string;
  action_nl: string;
  action_en: string;
  initiator: string;
  planning: string;
  angles: Angle[];
  anchoring: string[];
  project_id: string | null;
  project_number: string | null;
  project_title: string | null;
  flags: string[];
  source_note: string;
}

/** Every row of a programme's table by number, with the card a row became. */
export function listActions(db: DbOrTrx, tenantId: string, programmeId: string): Promise<ActionRow[]> {
  return db
    .selectFrom('programme_actions as a')
    .leftJoin('programme_projects as p', (j) => j.onRef('p.tenant_id', '=', 'a.tenant_id').onRef('p.id', '=', 'a.project_id'))
    .select([
      'a.id',
      'a.number',
      'a.target_group',
      'a.action_nl',
      'a.action_en',
      'a.initiator',
      'a.planning',
      'a.angles',
      'a.anchoring',
      'a.project_id',
      'p.number as project_number',
      'p.title_nl as project_title',
      'a.flags',
      'a.source_note',
    ])
    .where('a.tenant_id', '=', tenantId)
    .where('a.programme_id', '=', programmeId)
    .orderBy('a.number')
    .execute();
}

export interface ActionValues {
  number: number;
  targetGroup: string;
  action: string;
  initiator: string;
  planning: string;
  angles: Angle[];
  anchoring: string[];
}

/** Adds a row; null when the number is taken in this programme. */
export async function insertAction(db: DbOrTrx, tenantId: string, programmeId: string, v: ActionValues): Promise<string | null> {
  const row = await db
    .insertInto('programme_actions')
    .values({
      tenant_id: tenantId,
      programme_id: programmeId,
      number: v.number,
      target_group: v.targetGroup,
      action_nl: v.action,
      initiator: v.initiator,
      planning: v.planning,
      angles: jsonb(v.angles),
      anchoring: jsonb(v.anchoring),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'programme_id', 'number']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Is the number used by another row of the programme? */
export async function numberTaken(db: DbOrTrx, tenantId: string, programmeId: string, num: number, exceptId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programme_actions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('number', '=', num)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Changes a row; a changed Dutch action text clears the English one (it no longer matches); false when the row is not in the programme. */
export async function updateAction(db: DbOrTrx, tenantId: string, programmeId: string, id: string, v: ActionValues): Promise<boolean> {
  const res = await db
    .updateTable('programme_actions')
    .set({
      number: v.number,
      target_group: v.targetGroup,
      action_nl: v.action,
      action_en: sql<string>`case when action_nl = ${v.action} then action_en else '' end`,
      initiator: v.initiator,
      planning: v.planning,
      angles: jsonb(v.angles),
      anchoring: jsonb(v.anchoring),
    })
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
