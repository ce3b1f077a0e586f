/**
 * Funds of the initiatives module (issue 15): the coordinator keeps a fund's rules, its budget per
 * year (per wijk, for a group of buurten, or for the whole municipality), co-funding and rounds;
 * everyone sees the public fund page. Budgets that do not add up are refused, nothing half-written
 * (funds.money.ts holds the arithmetic).
 */
import { z } from 'zod';
import { Invalid, NotFound, type FieldErrors } from '../../../platform/errors.ts';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { isSingleLine, singleLine, multiLine } from '../../../platform/input.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import * as facade from '../initiatives.service.ts';
import * as store from './funds.store.ts';
import { checkBudgetYear, checkCofunding, isCents, type BudgetLineInput } from './funds.money.ts';

const cents = z.number().refine(isCents, 'initiatives.funds.error.cents');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date');

export const fundInput = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'initiatives.funds.error.slug'),
  nameNl: singleLine(z.string().trim().min(1, 'form.required').max(120)),
  nameEn: singleLine(z.string().trim().max(120)).default(''),
  descriptionNl: multiLine(z.string().trim().max(4000)).default(''),
  descriptionEn: multiLine(z.string().trim().max(4000)).default(''),
  ownerText: singleLine(z.string().trim().max(200)).default(''),
  maxPerInitiativeCents: cents
    .refine((n) => n > 0, 'initiatives.funds.error.cents')
    .nullable()
    .default(null),
  minCosigners: z
    .number()
    .int('initiatives.funds.error.cosigners')
    .min(0, 'initiatives.funds.error.cosigners')
    .max(20, 'initiatives.funds.error.cosigners')
    .default(0),
  ownContribution: z.enum(['none', 'money', 'money_or_kind']).default('none'),
  eligibilityNl: multiLine(z.string().trim().max(4000)).default(''),
  eligibilityEn: multiLine(z.string().trim().max(4000)).default(''),
  leadTimeDays: z
    .number()
    .int('initiatives.funds.error.days')
    .min(0, 'initiatives.funds.error.days')
    .max(365, 'initiatives.funds.error.days')
    .default(0),
  acknowledgeWorkingDays: z.number().int().min(1).max(30).default(3),
  decideWeeks: z.number().int().min(1).max(26).default(6),
  spotCheckPercent: z.number().int().min(0).max(100).default(10),
  sourceNote: singleLine(z.string().trim().max(400)).default(''),
  isDemo: z.boolean().default(false),
});
export type FundInput = z.input<typeof fundInput>;

export const roundInput = z
  .object({
    nameNl: singleLine(z.string().trim().min(1, 'form.required').max(120)),
    nameEn: singleLine(z.string().trim().max(120)).default(''),
    kind: z.enum(['dated', 'rolling']),
    opensOn: day,
    closesOn: day.nullable().default(null),
    budgetId: z.uuid().nullable().default(null),
    voting: z.enum(['none', 'approval', 'knapsack']).default('none'),
    votingOpensOn: day.nullable().default(null),
    votingClosesOn: day.nullable().default(null),
    votingBudgetCents: cents.nullable().default(null),
    areaCodes: z.array(z.string().max(20)).max(50).default([]),
    isDemo: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'dated' && !r.closesOn) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'form.required' });
    if (r.closesOn && r.closesOn < r.opensOn) {
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'initiatives.funds.error.closesBeforeOpens' });
    }
    if (r.voting !== 'none') {
      if (!r.votingOpensOn) ctx.addIssue({ code: 'custom', path: ['votingOpensOn'], message: 'form.required' });
      if (!r.votingClosesOn) ctx.addIssue({ code: 'custom', path: ['votingClosesOn'], message: 'form.required' });
      if (r.votingOpensOn && r.votingClosesOn && r.votingClosesOn < r.votingOpensOn) {
        ctx.addIssue({ code: 'custom', path: ['votingClosesOn'], message: 'initiatives.funds.error.closesBeforeOpens' });
      }
    }
  });
export type RoundInput = z.input<typeof roundInput>;

/** zod issues → field errors (first message per field; paths joined with dots). */
export function fieldsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const i of error.issues) {
    const key = i.path.join('.') || '_';
    if (!(key in out)) out[key] = (i.message.includes('.') ? i.message : 'error.invalid') as FieldErrors[string];
  }
  return out;
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw Invalid(fieldsOf(r.error));
  return r.data;
}

async function fundOr404(db: DbOrTrx, tenantId: string, fundId: string): Promise<store.FundRow> {
  const f = await store.fundById(db, tenantId, fundId);
  if (!f) throw NotFound();
  return f;
}

/** The areas a list may name: wijk and buurt codes of this municipality; unknown codes are a field error. */
async function checkAreas(db: DbOrTrx, tenantId: string, codes: readonly string[], field: string): Promise<FieldErrors> {
  for (const c of codes) {
    const a = await getArea(db, tenantId, c);
    if (!a || a.level === 'municipality') return { [field]: 'initiatives.funds.error.area' };
  }
  return {};
}

function fundRow(tenantId: string, f: z.output<typeof fundInput>) {
  return {
    tenant_id: tenantId,
    slug: f.slug,
    name_nl: f.nameNl,
    name_en: f.nameEn,
    description_nl: f.descriptionNl,
    description_en: f.descriptionEn,
    owner_text: f.ownerText,
    max_per_initiative_cents: f.maxPerInitiativeCents,
    min_cosigners: f.minCosigners,
    own_contribution: f.ownContribution,
    eligibility_nl: f.eligibilityNl,
    eligibility_en: f.eligibilityEn,
    lead_time_days: f.leadTimeDays,
    acknowledge_working_days: f.acknowledgeWorkingDays,
    decide_weeks: f.decideWeeks,
    spot_check_percent: f.spotCheckPercent,
    source_note: f.sourceNote,
    is_demo: f.isDemo,
  };
}

/** Fixed page names under `/{tenant}/samen-doen/`: a fund with one of these short names would hide a page or be hidden by it. */
export const RESERVED_FUND_SLUGS: ReadonlySet<string> = new Set([
  'aanvraag',
  'beoordelen',
  'bestanden',
  'mijn-aanvragen',
  'steun',
  'verantwoorden',
]);

export async function createFund(db: DbOrTrx, principal: Principal, tenantId: string, input: FundInput): Promise<facade.Fund> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  const f = parse(fundInput, input);
  if (RESERVED_FUND_SLUGS.has(f.slug)) throw Invalid({ slug: 'initiatives.funds.error.slugReserved' });
  if (await store.fundBySlug(db, tenantId, f.slug)) throw Invalid({ slug: 'initiatives.funds.error.slugTaken' });
  return facade.toFund(await store.insertFund(db, fundRow(tenantId, f)));
}

/** Change a fund's rules (the slug stays). */
export async function updateFund(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  fundId: string,
  input: Omit<FundInput, 'slug'> & { status?: 'active' | 'closed' },
): Promise<facade.Fund> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  const existing = await fundOr404(db, tenantId, fundId);
  const f = parse(fundInput, { ...input, slug: existing.slug });
  const { tenant_id: _t, slug: _s, ...set } = fundRow(tenantId, f);
  await store.updateFund(db, tenantId, fundId, { ...set, status: input.status ?? existing.status });
  return facade.toFund((await store.fundById(db, tenantId, fundId))!);
}

/** buurt code → wijk code for the municipality. */
async function parents(db: DbOrTrx, tenantId: string): Promise<Map<string, string | null>> {
  return new Map((await listAreas(db, tenantId, { level: 'neighbourhood' })).map((a) => [a.code, a.parentCode]));
}

/**
 * Set a fund's budgets for one year, all lines at once. `totalCents` is the total as stated (in a
 * council decision, say): it must equal the sum. Lines keep their id when given (rounds refer to them).
 */
export async function setBudgets(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  fundId: string,
  input: { year: number; totalCents: number | null; lines: (BudgetLineInput & { id?: string; labelEn?: string; sourceNote?: string })[] },
): Promise<void> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  await fundOr404(db, tenantId, fundId);
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) throw Invalid({ year: 'initiatives.funds.error.year' });
  if (input.lines.length === 0 || input.lines.length > 50) throw Invalid({ lines: 'initiatives.funds.error.lines' });
  const errors = checkBudgetYear(input, await parents(db, tenantId));
  for (const [i, l] of input.lines.entries()) Object.assign(errors, await checkAreas(db, tenantId, l.areaCodes, `lines.${i}.areas`));
  if (Object.keys(errors).length > 0) throw Invalid(errors, 'initiatives.funds.error.budget');
  await inTransaction(db, async (trx) => {
    const existing = new Set((await store.budgetsOf(trx, tenantId, fundId, input.year)).map((b) => b.id));
    const keep = input.lines.flatMap((l) => (l.id && existing.has(l.id) ? [l.id] : []));
    await store.deleteBudgetsExcept(trx, tenantId, fundId, input.year, keep);
    for (const l of input.lines) {
      const row = {
        label_nl: l.label.trim(),
        label_en: l.labelEn?.trim() ?? '',
        area_codes: [...new Set(l.areaCodes)],
        amount_cents: l.amountCents,
        source_note: l.sourceNote ?? '',
      };
      if (l.id && existing.has(l.id)) await store.updateBudget(trx, tenantId, l.id, row);
      else await store.insertBudget(trx, { ...row, tenant_id: tenantId, fund_id: fundId, year: input.year });
    }
  });
}

/** Add co-funding (e.g. € 5 per corporation home × homes); amount must equal per unit × units. */
export async function addCofunding(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  fundId: string,
  input: {
    year: number;
    sourceName: string;
    perUnitCents: number | null;
    units: number | null;
    amountCents: number;
    areaCodes: string[];
    sourceNote?: string;
  },
): Promise<void> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  await fundOr404(db, tenantId, fundId);
  const errors = checkCofunding(input);
  if (!input.sourceName.trim() || input.sourceName.trim().length > 200 || !isSingleLine(input.sourceName)) {
    errors['source'] = 'form.required';
  }
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2100) errors['year'] = 'initiatives.funds.error.year';
  Object.assign(errors, await checkAreas(db, tenantId, input.areaCodes, 'areas'));
  if (Object.keys(errors).length > 0) throw Invalid(errors, 'initiatives.funds.error.budget');
  await store.insertCofunding(db, {
    tenant_id: tenantId,
    fund_id: fundId,
    year: input.year,
    source_name: input.sourceName.trim(),
    per_unit_cents: input.perUnitCents,
    units: input.units,
    amount_cents: input.amountCents,
    area_codes: [...new Set(input.areaCodes)],
    source_note: input.sourceNote ?? '',
  });
}

export async function removeCofunding(db: DbOrTrx, principal: Principal, tenantId: string, fundId: string, id: string): Promise<void> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  await store.deleteCofunding(db, tenantId, fundId, id);
}

/** Add a round (dated or rolling); voting fields are stored for the voting feature. */
export async function addRound(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  fundId: string,
  input: RoundInput,
): Promise<facade.Round> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  await fundOr404(db, tenantId, fundId);
  const r = parse(roundInput, input);
  const errors = await checkAreas(db, tenantId, r.areaCodes, 'areaCodes');
  if (r.budgetId && !(await store.budgetsOf(db, tenantId, fundId)).some((b) => b.id === r.budgetId)) {
    errors['budgetId'] = 'initiatives.funds.error.budgetUnknown';
  }
  if (Object.keys(errors).length > 0) throw Invalid(errors);
  const row = await store.insertRound(db, {
    tenant_id: tenantId,
    fund_id: fundId,
    budget_id: r.budgetId,
    name_nl: r.nameNl,
    name_en: r.nameEn,
    kind: r.kind,
    opens_on: r.opensOn,
    closes_on: r.kind === 'rolling' ? r.closesOn : r.closesOn,
    voting: r.voting,
    voting_opens_on: r.votingOpensOn,
    voting_closes_on: r.votingClosesOn,
    voting_budget_cents: r.votingBudgetCents,
    area_codes: r.areaCodes,
    is_demo: r.isDemo,
  });
  return facade.toRound(row);
}
