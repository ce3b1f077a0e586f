/**
 * Project cards (issue 14): create, change, list. Everything of one card is written in one
 * transaction; refused with field messages (nothing half-written): a card without a goal, an area
 * outside the municipality, a lead for an area the card does not cover, a negative or non-integer
 * amount, a budget line in a year outside the project's period, coverage above cost (per year and
 * in total). Professionals keep the cards of their own organisation (`project.edit`, reach
 * `organisation`); the coordinator all of the municipality's.
 */
import { z } from 'zod';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import type { Principal } from '../../../platform/principal.ts';
import { getArea } from '../../areas/areas.service.ts';
import { getOrganisation } from '../../people/people.service.ts';
import { can } from '../policies.ts';
import { allow, getProgrammeById, seesDrafts } from '../core/core.service.ts';
import * as core from '../core/core.store.ts';
import * as store from './cards.store.ts';
import type { ProjectCard } from './cards.store.ts';
import { COVERAGE_SOURCES, computeMoney, moneyProblems, type CardMoney } from './money.ts';

const text = (max: number) => z.string().trim().max(max, 'programmes.error.tooLong').default('');
const texts = z.array(z.string().trim().min(1).max(300, 'programmes.error.tooLong')).max(40).default([]);
const day = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'programmes.error.day')
    .nullable(),
);
const areaCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}[0-9]{4,8}$/, 'programmes.error.area');

export const budgetLineInput = z
  .object({
    kind: z.enum(['cost', 'coverage'], 'form.invalidValue'),
    year: z
      .number('programmes.error.year')
      .int('programmes.error.year')
      .min(1990, 'programmes.error.year')
      .max(2100, 'programmes.error.year')
      .nullable(),
    recurrence: z.enum(['one_off', 'per_year'], 'form.invalidValue').default('one_off'),
    /** Integer cents; null: unknown. Sign and integrality are checked by money.ts (clear messages). */
    amountCents: z.number('programmes.error.amount').nullable(),
    source: z.enum(COVERAGE_SOURCES, 'programmes.error.source').nullable().default(null),
    label: text(300),
    sourceNote: text(500),
  })
  .refine((l) => l.kind === 'cost' || l.source !== null, { path: ['source'], message: 'programmes.error.source' })
  .refine((l) => l.source !== 'other' || l.label !== '', { path: ['label'], message: 'programmes.error.otherLabel' });

export const cardInput = z.object({
  programmeId: z.string().uuid('form.invalidValue'),
  number: z.string().trim().min(1, 'form.required').max(20, 'programmes.error.tooLong'),
  titleNl: z.string().trim().min(1, 'form.required').max(300, 'programmes.error.tooLong'),
  titleEn: text(300),
  aimNl: text(6000),
  aimEn: text(6000),
  plannedStart: day.default(null),
  plannedEnd: day.default(null),
  actualStart: day.default(null),
  actualEnd: day.default(null),
  periodText: text(100),
  ownerOrganisationId: z.preprocess((v) => (v === '' ? null : v), z.string().uuid('form.invalidValue').nullable()).default(null),
  ownerText: text(300),
  parties: texts,
  targetGroups: texts,
  angles: z.array(z.enum(['broaden', 'deepen', 'connect'], 'form.invalidValue')).default([]),
  level: z.enum(['basic', 'prevention', 'lasting_support'], 'form.invalidValue').nullable().default(null),
  ladderRung: z.enum(['inform', 'consult', 'advise', 'coproduce', 'decide'], 'form.invalidValue').nullable().default(null),
  anchoring: texts,
  status: z.enum(['idea', 'planned', 'running', 'ended', 'handed_back', 'stopped'], 'form.invalidValue').default('planned'),
  flags: texts,
  sourceNote: text(1000),
  areaCodes: z.array(areaCode).min(1, 'programmes.error.noArea').max(60),
  leads: z
    .array(
      z.object({
        roleLabel: z.string().trim().min(1, 'form.required').max(200),
        userId: z.string().uuid().nullable().default(null),
        areaCodes: z.array(areaCode).default([]),
      }),
    )
    .max(10)
    .default([]),
  goalIds: z.array(z.string().uuid('programmes.error.goal')).min(1, 'programmes.error.noGoal'),
  budgetLines: z.array(budgetLineInput).max(60).default([]),
});
export type CardInput = z.input<typeof cardInput>;
type CardData = z.output<typeof cardInput>;

/** The card's money: totals per year and source, the gap per year and in total (money.ts). */
export function cardMoney(card: Pick<ProjectCard, 'budgetLines'>): CardMoney {
  return computeMoney(card.budgetLines);
}

/** Whether the principal may change this card (the card page shows the edit link). */
export function canEditCard(principal: Principal, card: ProjectCard): boolean {
  return can(principal, 'project.edit', { tenantId: card.tenantId, organisationIds: [card.ownerOrganisationId] });
}

/** Cards with areas, leads, goals and budget lines, of the programmes the principal may see. */
export async function listCards(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: { programmeId?: string; areaCode?: string } = {},
): Promise<ProjectCard[]> {
  allow(principal, tenantId, 'programme.view');
  const visible = await core.selectProgrammes(db, tenantId, { includeDrafts: seesDrafts(principal) });
  const ids = new Set(visible.map((p) => p.id));
  if (filter.programmeId && !ids.has(filter.programmeId)) return [];
  const cards = await store.selectCards(db, tenantId, filter);
  return cards.filter((c) => ids.has(c.programmeId));
}

/** One card (NotFound when its programme is a draft the principal may not see). */
export async function getCard(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<ProjectCard> {
  allow(principal, tenantId, 'programme.view');
  if (!z.string().uuid().safeParse(id).success) throw NotFound();
  const [card] = await store.selectCards(db, tenantId, { ids: [id] });
  if (!card) throw NotFound();
  await getProgrammeById(db, principal, tenantId, card.programmeId);
  return card;
}

function yearOf(d: string | null): number | null {
  return d === null ? null : Number(d.slice(0, 4));
}

/** Everything the database must agree with; field messages keyed as the input's paths. */
async function crossCheck(db: DbOrTrx, tenantId: string, d: CardData, exceptId?: string): Promise<void> {
  const errors: FieldErrors = {};
  const programme = await core.findProgramme(db, tenantId, { id: d.programmeId });
  if (!programme) throw NotFound();
  if (await store.cardNumberTaken(db, tenantId, d.programmeId, d.number, exceptId)) errors.number = 'programmes.error.numberTaken';
  const goals = await core.selectGoals(db, tenantId, d.programmeId);
  if (d.goalIds.some((g) => !goals.some((x) => x.id === g))) errors.goalIds = 'programmes.error.goal';
  for (const [i, code] of d.areaCodes.entries()) {
    if (!(await getArea(db, tenantId, code))) errors[`areaCodes.${i}`] = 'programmes.error.areaOutside';
  }
  d.leads.forEach((l, i) => {
    if (l.areaCodes.some((c) => !d.areaCodes.includes(c))) errors[`leads.${i}.areaCodes`] = 'programmes.error.leadArea';
  });
  if (d.ownerOrganisationId) {
    try {
      await getOrganisation(db, tenantId, d.ownerOrganisationId);
    } catch {
      errors.ownerOrganisationId = 'programmes.error.organisation';
    }
  }
  if (d.plannedStart && d.plannedEnd && d.plannedEnd < d.plannedStart) errors.plannedEnd = 'programmes.error.endBeforeStart';
  if (d.actualStart && d.actualEnd && d.actualEnd < d.actualStart) errors.actualEnd = 'programmes.error.endBeforeStart';
  const period = { fromYear: yearOf(d.plannedStart), toYear: yearOf(d.plannedEnd) };
  for (const p of moneyProblems(d.budgetLines, period)) {
    if (p.index === 'total') errors.budgetLines = 'programmes.error.coverageAboveCostTotal';
    else if (p.index >= 0) {
      const field = p.problem === 'yearOutsidePeriod' ? 'year' : 'amountCents';
      errors[`budgetLines.${p.index}.${field}`] = `programmes.error.${p.problem}`;
    }
  }
  if (Object.keys(errors).length > 0) throw Invalid(errors);
}

function parse(input: CardInput): CardData {
  const parsed = checkForm(cardInput, input);
  if (!parsed.ok) throw Invalid(parsed.errors);
  return parsed.data;
}

function fieldsOf(
  d: CardData,
  extra: { fromActionId: string | null; fromLineActivityId: string | null; isDemo: boolean },
): store.CardFields {
  const { areaCodes: _a, leads: _l, goalIds: _g, budgetLines: _b, ...rest } = d;
  return { ...rest, ...extra };
}

function partsOf(d: CardData) {
  return {
    areaCodes: d.areaCodes,
    leads: d.leads,
    goalIds: d.goalIds,
    budgetLines: d.budgetLines.map((l) => ({ ...l, amountCents: l.amountCents })),
  };
}

/**
 * Create a card. `fromActionId`: the action-table row it comes from (its project_id is set);
 * `fromLineActivityId`: the line activity that stopped working (its project_id is set).
 */
export async function createCard(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: CardInput,
  opts: { fromActionId?: string; fromLineActivityId?: string; isDemo?: boolean } = {},
): Promise<string> {
  const d = parse(input);
  allow(principal, tenantId, 'project.create', { organisationIds: [d.ownerOrganisationId] });
  return inTransaction(db, async (trx) => {
    await crossCheck(trx, tenantId, d);
    if (opts.fromActionId) {
      const row = await store.findActionRow(trx, tenantId, opts.fromActionId);
      if (!row || row.programmeId !== d.programmeId) throw NotFound();
      if (row.projectId) throw Invalid({ fromActionId: 'programmes.error.actionHasCard' });
    }
    if (opts.fromLineActivityId) {
      const line = (await core.selectLineActivities(trx, tenantId, d.programmeId)).find((l) => l.id === opts.fromLineActivityId);
      if (!line) throw NotFound();
      if (line.projectId) throw Invalid({ fromLineActivityId: 'programmes.error.lineHasCard' });
    }
    const id = await store.insertCard(
      trx,
      tenantId,
      fieldsOf(d, {
        fromActionId: opts.fromActionId ?? null,
        fromLineActivityId: opts.fromLineActivityId ?? null,
        isDemo: opts.isDemo ?? false,
      }),
      principal.userId,
    );
    await store.replaceCardParts(trx, tenantId, id, partsOf(d));
    if (opts.fromActionId) await store.setActionProject(trx, tenantId, opts.fromActionId, id);
    if (opts.fromLineActivityId) await core.setLineActivityProject(trx, tenantId, opts.fromLineActivityId, id);
    return id;
  });
}

/** Change a card: allowed on the card as it is and as it will be (a professional cannot hand it to another organisation). */
export async function updateCard(db: DbOrTrx, principal: Principal, tenantId: string, id: string, input: CardInput): Promise<void> {
  const d = parse(input);
  return inTransaction(db, async (trx) => {
    const [card] = await store.selectCards(trx, tenantId, { ids: z.string().uuid().safeParse(id).success ? [id] : [] });
    if (!card) throw NotFound();
    allow(principal, tenantId, 'project.edit', { organisationIds: [card.ownerOrganisationId] });
    allow(principal, tenantId, 'project.edit', { organisationIds: [d.ownerOrganisationId] });
    if (d.programmeId !== card.programmeId) throw Invalid({ programmeId: 'form.invalidValue' });
    await crossCheck(trx, tenantId, d, id);
    await store.updateCardRow(
      trx,
      tenantId,
      id,
      fieldsOf(d, { fromActionId: card.fromActionId, fromLineActivityId: card.fromLineActivityId, isDemo: card.isDemo }),
      principal.now,
    );
    await store.replaceCardParts(trx, tenantId, id, partsOf(d));
  });
}

/** The line activity stopped working: it becomes a project card (Heerhugowaard l.472-474). */
export async function makeProjectFromLineActivity(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  lineActivityId: string,
  input: CardInput,
): Promise<string> {
  return createCard(db, principal, tenantId, input, { fromLineActivityId: lineActivityId });
}

/** At its end a project goes back to the line: status handed_back. */
export async function handBackToLine(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<void> {
  const card = await getCard(db, principal, tenantId, id);
  allow(principal, tenantId, 'project.edit', { organisationIds: [card.ownerOrganisationId] });
  await store.setCardStatus(db, tenantId, id, 'handed_back', principal.now);
}

/** The action-table row a new card starts from (pre-filled form); NotFound outside the municipality. */
export async function actionRowForCard(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  actionId: string,
): Promise<store.ActionRowForCard> {
  allow(principal, tenantId, 'project.create');
  if (!z.string().uuid().safeParse(actionId).success) throw NotFound();
  const row = await store.findActionRow(db, tenantId, actionId);
  if (!row) throw NotFound();
  return row;
}
