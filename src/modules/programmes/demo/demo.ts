/**
 * The programmes module's demo data (demoSeed): per demo municipality its programme from the seeds,
 * written straight into this module's tables, one transaction per municipality. Idempotent: a
 * municipality that already has the programme (by slug) is left alone. Every row carries its
 * seed and line; the one invented row (Groningen's subsidy proposal) is is_demo and labelled.
 * What comes from where: docs/programmes-demo.md.
 */
import { inTransaction, type DbOrTrx, type Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { linkTargetsToGoal, listIndicatorTargets } from '../../monitor/monitor.service.ts';
import type { DemoAction, DemoCard, DemoForum, DemoGoal, DemoProgramme, DemoProgrammeBudgetLine } from './demo.types.ts';
import { HHW_FORUMS, HHW_GOAL_TARGETS, HHW_GOALS, HHW_LINE_ACTIVITIES, HHW_PROGRAMME, HHW_TENANT } from './heerhugowaard.ts';
import { HHW_CARDS } from './heerhugowaard-cards.ts';
import { KRIMPEN_ACTIONS, KRIMPEN_FORUMS, KRIMPEN_PROGRAMME, KRIMPEN_TENANT } from './krimpen.ts';
import {
  GRONINGEN_ACTIONS,
  GRONINGEN_BUDGET,
  GRONINGEN_DEMO_PROPOSAL,
  GRONINGEN_FORUMS,
  GRONINGEN_GOALS,
  GRONINGEN_PROGRAMME,
  GRONINGEN_TENANT,
} from './groningen.ts';

type Orgs = ReadonlyMap<string, string> | undefined;

/** A jsonb value as the driver takes it (text), typed as the column. */
const json = <T>(v: T): T => JSON.stringify(v) as unknown as T;

async function insertProgramme(trx: Trx, tenantId: string, p: DemoProgramme): Promise<string | null> {
  const exists = await trx
    .selectFrom('programmes')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('slug', '=', p.slug)
    .executeTakeFirst();
  if (exists) return null;
  const r = await trx
    .insertInto('programmes')
    .values({
      tenant_id: tenantId,
      slug: p.slug,
      title_nl: p.titleNl,
      title_en: p.titleEn,
      summary_nl: p.summaryNl,
      summary_en: p.summaryEn,
      owner_role: p.ownerRole,
      start_year: p.startYear,
      end_year: p.endYear,
      status: 'active',
      source_note: p.sourceNote,
      is_demo: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Inserts goals (tactical before operational); their ids by number. */
async function insertGoals(trx: Trx, tenantId: string, programmeId: string, goals: readonly DemoGoal[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [sort, g] of goals.entries()) {
    const r = await trx
      .insertInto('programme_goals')
      .values({
        tenant_id: tenantId,
        programme_id: programmeId,
        parent_id: g.parent === null ? null : ids.get(g.parent)!,
        number: g.number,
        title_nl: g.titleNl,
        title_en: g.titleEn,
        description_nl: g.descriptionNl ?? '',
        description_en: g.descriptionEn ?? '',
        sort,
        source_note: g.sourceNote,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(g.number, r.id);
  }
  return ids;
}

async function insertCard(
  trx: Trx,
  tenantId: string,
  programmeId: string,
  c: DemoCard,
  goals: Map<string, string>,
  orgs: Orgs,
): Promise<void> {
  const { id } = await trx
    .insertInto('programme_projects')
    .values({
      tenant_id: tenantId,
      programme_id: programmeId,
      number: c.number,
      title_nl: c.titleNl,
      title_en: c.titleEn,
      aim_nl: c.aimNl,
      aim_en: c.aimEn,
      planned_start: c.plannedStart,
      planned_end: c.plannedEnd,
      period_text: c.periodText,
      owner_organisation_id: (c.ownerOrganisation && orgs?.get(c.ownerOrganisation)) || null,
      owner_text: c.ownerText,
      parties: json(c.parties),
      target_groups: json(c.targetGroups),
      angles: json([]),
      level: null,
      ladder_rung: null,
      anchoring: json([]),
      status: 'planned',
      from_action_id: null,
      from_line_activity_id: null,
      flags: json(c.flags),
      source_note: c.sourceNote,
      is_demo: false,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (c.areaCodes.length > 0) {
    await trx
      .insertInto('programme_project_areas')
      .values(c.areaCodes.map((area_code) => ({ tenant_id: tenantId, project_id: id, area_code })))
      .execute();
  }
  for (const l of c.leads) {
    await trx
      .insertInto('programme_project_leads')
      .values({ tenant_id: tenantId, project_id: id, role_label: l.roleLabel, user_id: null, area_codes: json(l.areaCodes) })
      .execute();
  }
  await trx
    .insertInto('programme_project_goals')
    .values(c.goals.map((n) => ({ tenant_id: tenantId, project_id: id, goal_id: goals.get(n)! })))
    .execute();
  await trx
    .insertInto('programme_project_budget_lines')
    .values(
      c.lines.map((l, sort) => ({
        tenant_id: tenantId,
        project_id: id,
        kind: l.kind,
        year: l.year,
        recurrence: l.recurrence,
        amount_cents: l.amountCents,
        source: l.source,
        label: l.label,
        source_note: l.sourceNote,
        sort,
      })),
    )
    .execute();
}

async function insertActions(trx: Trx, tenantId: string, programmeId: string, actions: readonly DemoAction[]): Promise<void> {
  await trx
    .insertInto('programme_actions')
    .values(
      actions.map((a) => ({
        tenant_id: tenantId,
        programme_id: programmeId,
        number: a.number,
        target_group: a.targetGroup,
        action_nl: a.actionNl,
        action_en: a.actionEn,
        initiator: a.initiator,
        planning: a.planning,
        angles: json(a.angles),
        anchoring: json(a.anchoring),
        project_id: null,
        flags: json(a.flags),
        source_note: a.sourceNote,
      })),
    )
    .execute();
}

async function insertForums(trx: Trx, tenantId: string, programmeId: string, forums: readonly DemoForum[]): Promise<void> {
  await trx
    .insertInto('programme_forums')
    .values(
      forums.map((f) => ({
        tenant_id: tenantId,
        programme_id: programmeId,
        name: f.name,
        kind: f.kind,
        rhythm_months: f.rhythmMonths,
        description_nl: f.descriptionNl,
        description_en: f.descriptionEn,
        area_codes: json([]),
        source_note: f.sourceNote,
        is_demo: false,
      })),
    )
    .execute();
}

async function insertProgrammeBudget(
  trx: Trx,
  tenantId: string,
  programmeId: string,
  lines: readonly DemoProgrammeBudgetLine[],
): Promise<void> {
  await trx
    .insertInto('programme_budget_lines')
    .values(
      lines.map((l, sort) => ({
        tenant_id: tenantId,
        programme_id: programmeId,
        side: l.side,
        year: l.year,
        label_nl: l.labelNl,
        label_en: l.labelEn,
        amount_cents: l.amountCents,
        source_note: l.sourceNote,
        sort,
      })),
    )
    .execute();
}

/** Ties the monitor's eight targets of Heerhugowaard (its demo seed made them) to the two tactical goals. */
async function linkHeerhugowaardTargets(trx: Trx, goals: Map<string, string>, now: Date): Promise<void> {
  const system = systemPrincipal(HHW_TENANT, now);
  const targets = (await listIndicatorTargets(trx, system, HHW_TENANT)).filter((t) => t.areaCode === null);
  for (const [goal, codes] of Object.entries(HHW_GOAL_TARGETS)) {
    const ids = targets.filter((t) => codes.includes(t.indicatorCode)).map((t) => t.id);
    if (ids.length > 0) await linkTargetsToGoal(trx, system, HHW_TENANT, goals.get(goal)!, ids);
  }
}

async function seedHeerhugowaard(trx: Trx, orgs: Orgs, now: Date): Promise<void> {
  const programmeId = await insertProgramme(trx, HHW_TENANT, HHW_PROGRAMME);
  if (!programmeId) return;
  const goals = await insertGoals(trx, HHW_TENANT, programmeId, HHW_GOALS);
  await trx
    .insertInto('programme_line_activities')
    .values(
      HHW_LINE_ACTIVITIES.map((a) => ({
        tenant_id: HHW_TENANT,
        programme_id: programmeId,
        number: a.number,
        title_nl: a.titleNl,
        title_en: a.titleEn,
        project_id: null,
        source_note: a.sourceNote,
      })),
    )
    .execute();
  for (const card of HHW_CARDS) await insertCard(trx, HHW_TENANT, programmeId, card, goals, orgs);
  await insertForums(trx, HHW_TENANT, programmeId, HHW_FORUMS);
  await linkHeerhugowaardTargets(trx, goals, now);
}

async function seedKrimpen(trx: Trx): Promise<void> {
  const programmeId = await insertProgramme(trx, KRIMPEN_TENANT, KRIMPEN_PROGRAMME);
  if (!programmeId) return;
  await insertActions(trx, KRIMPEN_TENANT, programmeId, KRIMPEN_ACTIONS);
  await insertForums(trx, KRIMPEN_TENANT, programmeId, KRIMPEN_FORUMS);
}

async function seedGroningen(trx: Trx): Promise<void> {
  const programmeId = await insertProgramme(trx, GRONINGEN_TENANT, GRONINGEN_PROGRAMME);
  if (!programmeId) return;
  const goals = await insertGoals(trx, GRONINGEN_TENANT, programmeId, GRONINGEN_GOALS);
  await insertProgrammeBudget(trx, GRONINGEN_TENANT, programmeId, GRONINGEN_BUDGET);
  await insertActions(trx, GRONINGEN_TENANT, programmeId, GRONINGEN_ACTIONS);
  await insertForums(trx, GRONINGEN_TENANT, programmeId, GRONINGEN_FORUMS);
  const p = GRONINGEN_DEMO_PROPOSAL;
  await trx
    .insertInto('programme_subsidy_proposals')
    .values({
      tenant_id: GRONINGEN_TENANT,
      programme_id: programmeId,
      organisation_id: null,
      organisation_name: p.organisationName,
      title: p.title,
      summary: p.summary,
      start_year: p.startYear,
      end_year: p.endYear,
      requested_cents: p.requestedCents,
      conditions: json(p.conditions),
      goal_ids: json(p.goalNumbers.map((n) => goals.get(n)!)),
      area_codes: json([]),
      decision: 'pending',
      granted_cents: null,
      decision_reasons: '',
      decided_on: null,
      decided_by: null,
      is_demo: true,
    })
    .execute();
}

/** The demo seed of the module (also usable on its own: it opens a transaction per municipality when given a database). */
export async function programmesDemoSeed(db: DbOrTrx, args: DemoSeedArgs): Promise<void> {
  const has = (id: string) => args.tenants.some((t) => t.id === id);
  if (has(HHW_TENANT)) await inTransaction(db, (trx) => seedHeerhugowaard(trx, args.organisations.get(HHW_TENANT), args.now));
  if (has(KRIMPEN_TENANT)) await inTransaction(db, (trx) => seedKrimpen(trx));
  if (has(GRONINGEN_TENANT)) await inTransaction(db, (trx) => seedGroningen(trx));
}
