import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { ProjectStatus } from '../programmes.tables.ts';

/** A project card of a programme that is not a draft, with its areas and days (for the live indicators). */
export interface CardSpan {
  id: string;
  status: ProjectStatus;
  start: string | null;
  end: string | null;
  areaCodes: string[];
}

/** Every card of the tenant's non-draft programmes, with its areas: a few hundred rows at most. */
export async function cardSpans(db: DbOrTrx, tenantId: string): Promise<CardSpan[]> {
  const cards = await db
    .selectFrom('programme_projects as p')
    .innerJoin('programmes as g', (j) => j.onRef('g.tenant_id', '=', 'p.tenant_id').onRef('g.id', '=', 'p.programme_id'))
    .select(['p.id', 'p.status', 'p.planned_start', 'p.planned_end', 'p.actual_start', 'p.actual_end'])
    .where('p.tenant_id', '=', tenantId)
    .where('g.status', '!=', 'draft')
    .execute();
  if (cards.length === 0) return [];
  const areas = await db
    .selectFrom('programme_project_areas')
    .select(['project_id', 'area_code'])
    .where('tenant_id', '=', tenantId)
    .where(
      'project_id',
      'in',
      cards.map((c) => c.id),
    )
    .execute();
  const byCard = new Map<string, string[]>();
  for (const a of areas) byCard.set(a.project_id, [...(byCard.get(a.project_id) ?? []), a.area_code]);
  return cards.map((c) => ({
    id: c.id,
    status: c.status,
    start: c.actual_start ?? c.planned_start,
    end: c.actual_end ?? c.planned_end,
    areaCodes: byCard.get(c.id) ?? [],
  }));
}
