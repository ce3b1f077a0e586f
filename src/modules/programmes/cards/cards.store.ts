import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Angle, ProjectLevel, ProjectStatus } from '../programmes.tables.ts';

/** Queries of project cards with their areas, leads, goals and budget lines (this module's tables only). */

export type LadderRung = 'inform' | 'consult' | 'advise' | 'coproduce' | 'decide';

export interface ProjectLead {
  id: string;
  /** A role ("opbouwwerker Kern 8"), never a person's name from the seeds. */
  roleLabel: string;
  userId: string | null;
  /** The card's areas this lead covers (empty: all). */
  areaCodes: string[];
}

export interface BudgetLine {
  id: string;
  kind: 'cost' | 'coverage';
  year: number | null;
  recurrence: 'one_off' | 'per_year';
  /** null: unknown (never 0). */
  amountCents: number | null;
  /** Coverage source key (see money.ts COVERAGE_SOURCES); null for costs. */
  source: string | null;
  label: string;
  sourceNote: string;
  sort: number;
}

export interface CardFields {
  programmeId: string;
  number: string;
  titleNl: string;
  titleEn: string;
  aimNl: string;
  aimEn: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  periodText: string;
  ownerOrganisationId: string | null;
  ownerText: string;
  parties: string[];
  targetGroups: string[];
  angles: Angle[];
  level: ProjectLevel | null;
  ladderRung: LadderRung | null;
  anchoring: string[];
  status: ProjectStatus;
  fromActionId: string | null;
  fromLineActivityId: string | null;
  flags: string[];
  sourceNote: string;
  isDemo: boolean;
}

export interface ProjectCard extends CardFields {
  id: string;
  tenantId: string;
  createdBy: string | null;
  areaCodes: string[];
  leads: ProjectLead[];
  goalIds: string[];
  budgetLines: BudgetLine[];
}

export type NewLead = Omit<ProjectLead, 'id'>;
export type NewBudgetLine = Omit<BudgetLine, 'id' | 'sort'>;

function cardValues(c: CardFields) {
  return {
    programme_id: c.programmeId,
    number: c.number,
    title_nl: c.titleNl,
    title_en: c.titleEn,
    aim_nl: c.aimNl,
    aim_en: c.aimEn,
    planned_start: c.plannedStart,
    planned_end: c.plannedEnd,
    actual_start: c.actualStart,
    actual_end: c.actualEnd,
    period_text: c.periodText,
    owner_organisation_id: c.ownerOrganisationId,
    owner_text: c.ownerText,
    parties: JSON.stringify(c.parties) as unknown as string[],
    target_groups: JSON.stringify(c.targetGroups) as unknown as string[],
    angles: JSON.stringify(c.angles) as unknown as Angle[],
    level: c.level,
    ladder_rung: c.ladderRung,
    anchoring: JSON.stringify(c.anchoring) as unknown as string[],
    status: c.status,
    from_action_id: c.fromActionId,
    from_line_activity_id: c.fromLineActivityId,
    flags: JSON.stringify(c.flags) as unknown as string[],
    source_note: c.sourceNote,
    is_demo: c.isDemo,
  };
}

/** Cards with everything, of a municipality; narrowed by programme, ids or area. */
export async function selectCards(
  db: DbOrTrx,
  tenantId: string,
  filter: { programmeId?: string; ids?: readonly string[]; areaCode?: string } = {},
): Promise<ProjectCard[]> {
  let q = db.selectFrom('programme_projects').selectAll().where('tenant_id', '=', tenantId);
  if (filter.programmeId) q = q.where('programme_id', '=', filter.programmeId);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('id', 'in', [...filter.ids]);
  }
  if (filter.areaCode) {
    const code = filter.areaCode;
    q = q.where('id', 'in', (s) =>
      s.selectFrom('programme_project_areas').select('project_id').where('tenant_id', '=', tenantId).where('area_code', '=', code),
    );
  }
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [areas, leads, goals, lines] = await Promise.all([
    db
      .selectFrom('programme_project_areas')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', 'in', ids)
      .orderBy('area_code')
      .execute(),
    db
      .selectFrom('programme_project_leads')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', 'in', ids)
      .orderBy('role_label')
      .execute(),
    db.selectFrom('programme_project_goals').selectAll().where('tenant_id', '=', tenantId).where('project_id', 'in', ids).execute(),
    db
      .selectFrom('programme_project_budget_lines')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('project_id', 'in', ids)
      .orderBy('sort')
      .orderBy('year')
      .execute(),
  ]);
  const cards = rows.map((r): ProjectCard => ({
    id: r.id,
    tenantId: r.tenant_id,
    programmeId: r.programme_id,
    number: r.number,
    titleNl: r.title_nl,
    titleEn: r.title_en,
    aimNl: r.aim_nl,
    aimEn: r.aim_en,
    plannedStart: r.planned_start,
    plannedEnd: r.planned_end,
    actualStart: r.actual_start,
    actualEnd: r.actual_end,
    periodText: r.period_text,
    ownerOrganisationId: r.owner_organisation_id,
    ownerText: r.owner_text,
    parties: r.parties,
    targetGroups: r.target_groups,
    angles: r.angles,
    level: r.level,
    ladderRung: r.ladder_rung,
    anchoring: r.anchoring,
    status: r.status,
    fromActionId: r.from_action_id,
    fromLineActivityId: r.from_line_activity_id,
    flags: r.flags,
    sourceNote: r.source_note,
    isDemo: r.is_demo,
    createdBy: r.created_by,
    areaCodes: areas.filter((a) => a.project_id === r.id).map((a) => a.area_code),
    leads: leads
      .filter((l) => l.project_id === r.id)
      .map((l) => ({ id: l.id, roleLabel: l.role_label, userId: l.user_id, areaCodes: l.area_codes })),
    goalIds: goals.filter((g) => g.project_id === r.id).map((g) => g.goal_id),
    budgetLines: lines
      .filter((l) => l.project_id === r.id)
      .map((l) => ({
        id: l.id,
        kind: l.kind,
        year: l.year,
        recurrence: l.recurrence,
        amountCents: l.amount_cents === null ? null : Number(l.amount_cents),
        source: l.source,
        label: l.label,
        sourceNote: l.source_note,
        sort: l.sort,
      })),
  }));
  // Numbers as the document gives them ("1" … "10", "1a"): numeric first.
  return cards.sort((a, b) => a.programmeId.localeCompare(b.programmeId) || a.number.localeCompare(b.number, 'nl', { numeric: true }));
}

export async function insertCard(db: DbOrTrx, tenantId: string, c: CardFields, createdBy: string | null): Promise<string> {
  const r = await db
    .insertInto('programme_projects')
    .values({ tenant_id: tenantId, ...cardValues(c), created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateCardRow(db: DbOrTrx, tenantId: string, id: string, c: CardFields, now: Date): Promise<void> {
  await db
    .updateTable('programme_projects')
    .set({ ...cardValues(c), updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function setCardStatus(db: DbOrTrx, tenantId: string, id: string, status: ProjectStatus, now: Date): Promise<void> {
  await db
    .updateTable('programme_projects')
    .set({ status, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function cardNumberTaken(
  db: DbOrTrx,
  tenantId: string,
  programmeId: string,
  number: string,
  exceptId?: string,
): Promise<boolean> {
  let q = db
    .selectFrom('programme_projects')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .where('number', '=', number);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Replaces a card's areas, leads, goals and budget lines (inside the caller's transaction). */
export async function replaceCardParts(
  db: DbOrTrx,
  tenantId: string,
  projectId: string,
  parts: { areaCodes: readonly string[]; leads: readonly NewLead[]; goalIds: readonly string[]; budgetLines: readonly NewBudgetLine[] },
): Promise<void> {
  for (const table of [
    'programme_project_areas',
    'programme_project_leads',
    'programme_project_goals',
    'programme_project_budget_lines',
  ] as const) {
    await db.deleteFrom(table).where('tenant_id', '=', tenantId).where('project_id', '=', projectId).execute();
  }
  if (parts.areaCodes.length > 0) {
    await db
      .insertInto('programme_project_areas')
      .values([...new Set(parts.areaCodes)].map((area_code) => ({ tenant_id: tenantId, project_id: projectId, area_code })))
      .execute();
  }
  if (parts.leads.length > 0) {
    await db
      .insertInto('programme_project_leads')
      .values(
        parts.leads.map((l) => ({
          tenant_id: tenantId,
          project_id: projectId,
          role_label: l.roleLabel,
          user_id: l.userId,
          area_codes: JSON.stringify(l.areaCodes) as unknown as string[],
        })),
      )
      .execute();
  }
  if (parts.goalIds.length > 0) {
    await db
      .insertInto('programme_project_goals')
      .values([...new Set(parts.goalIds)].map((goal_id) => ({ tenant_id: tenantId, project_id: projectId, goal_id })))
      .execute();
  }
  if (parts.budgetLines.length > 0) {
    await db
      .insertInto('programme_project_budget_lines')
      .values(
        parts.budgetLines.map((l, i) => ({
          tenant_id: tenantId,
          project_id: projectId,
          kind: l.kind,
          year: l.year,
          recurrence: l.recurrence,
          amount_cents: l.amountCents,
          source: l.source,
          label: l.label,
          source_note: l.sourceNote,
          sort: i,
        })),
      )
      .execute();
  }
}

/** An action-table row, as the "make a card from this row" form needs it. */
export interface ActionRowForCard {
  id: string;
  programmeId: string;
  number: number;
  targetGroup: string;
  actionNl: string;
  initiator: string;
  planning: string;
  angles: Angle[];
  anchoring: string[];
  projectId: string | null;
}

export async function findActionRow(db: DbOrTrx, tenantId: string, id: string): Promise<ActionRowForCard | null> {
  const r = await db.selectFrom('programme_actions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    programmeId: r.programme_id,
    number: r.number,
    targetGroup: r.target_group,
    actionNl: r.action_nl,
    initiator: r.initiator,
    planning: r.planning,
    angles: r.angles,
    anchoring: r.anchoring,
    projectId: r.project_id,
  };
}

export async function setActionProject(db: DbOrTrx, tenantId: string, actionId: string, projectId: string): Promise<void> {
  await db
    .updateTable('programme_actions')
    .set({ project_id: projectId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', actionId)
    .execute();
}
