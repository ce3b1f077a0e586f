/**
 * What the fund pages show (issue 15): the public overview and fund page (rules, rounds, this
 * year's budgets with what is left, funded initiatives) and the coordinator's fund page.
 */
import { NotFound } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { can } from '../policies.ts';
import * as facade from '../initiatives.service.ts';
import * as store from './funds.store.ts';

export interface FundPage {
  fund: facade.Fund;
  year: number;
  rounds: (facade.Round & { open: boolean })[];
  budgets: { id: string; label: string; areaNames: string[]; amountCents: number; left: facade.BudgetLeft | null }[];
  cofunding: { sourceName: string; perUnitCents: number | null; units: number | null; amountCents: number; areaNames: string[] }[];
  funded: { reference: string; groupName: string; title: string; areaName: string; grantedCents: number; isDemo: boolean }[];
}

async function areaNames(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<string[]> {
  return Promise.all(codes.map(async (c) => (await getArea(db, tenantId, c))?.name ?? c));
}

/** The public page of a fund: rules, rounds, this year's budgets with what is left, funded initiatives. */
export async function fundPage(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<FundPage> {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const fund = await facade.getFund(db, tenantId, slug);
  if (!fund) throw NotFound();
  const today = localDate(principal.now);
  const year = Number(today.slice(0, 4));
  const rounds = (await facade.listRounds(db, tenantId, fund.id)).map((r) => ({ ...r, open: facade.roundIsOpen(r, today) }));
  const budgetRows = await store.budgetsOf(db, tenantId, fund.id, year);
  const budgets = [];
  for (const b of budgetRows) {
    const probe = b.area_codes[0];
    const left = probe ? await facade.fundBudgetLeft(db, tenantId, fund.id, year, probe) : await wideLeft(db, tenantId, fund.id, year);
    budgets.push({
      id: b.id,
      label: b.label_nl,
      areaNames: await areaNames(db, tenantId, b.area_codes),
      amountCents: b.amount_cents,
      left,
    });
  }
  const cofunding = [];
  for (const c of await store.cofundingOf(db, tenantId, fund.id, year)) {
    cofunding.push({
      sourceName: c.source_name,
      perUnitCents: c.per_unit_cents,
      units: c.units,
      amountCents: c.amount_cents,
      areaNames: await areaNames(db, tenantId, c.area_codes),
    });
  }
  const funded = [];
  for (const a of await facade.listApplications(db, tenantId, { fundId: fund.id, status: ['decided', 'paid', 'accounted'] })) {
    if (a.decision !== 'full' && a.decision !== 'partial') continue;
    funded.push({
      reference: a.reference,
      groupName: a.groupName,
      title: a.title,
      areaName: (await getArea(db, tenantId, a.areaCode))?.name ?? a.areaCode,
      grantedCents: a.grantedCents ?? 0,
      isDemo: a.isDemo,
    });
  }
  return { fund, year, rounds, budgets, cofunding, funded };
}

/** What is left of the municipality-wide budget: probe with a buurt no area budget covers, else null. */
async function wideLeft(db: DbOrTrx, tenantId: string, fundId: string, year: number): Promise<facade.BudgetLeft | null> {
  const budgets = await store.budgetsOf(db, tenantId, fundId, year);
  const covered = new Set(budgets.flatMap((b) => b.area_codes));
  const free = (await listAreas(db, tenantId, { level: 'neighbourhood' })).find(
    (a) => !covered.has(a.code) && !(a.parentCode && covered.has(a.parentCode)),
  );
  return free ? facade.fundBudgetLeft(db, tenantId, fundId, year, free.code) : null;
}

/** The public overview: the municipality's active funds with their open rounds. */
export async function fundsOverview(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
): Promise<(facade.Fund & { openRounds: facade.Round[] })[]> {
  authorize(can(principal, 'initiative.view', { tenantId }));
  const today = localDate(principal.now);
  const out = [];
  for (const f of await facade.listFunds(db, tenantId)) {
    if (f.status !== 'active') continue;
    out.push({ ...f, openRounds: (await facade.listRounds(db, tenantId, f.id)).filter((r) => facade.roundIsOpen(r, today)) });
  }
  return out;
}

/** The coordinator's page of a fund: rules, budgets of all years, co-funding, rounds, and the areas to choose from. */
export async function adminFundView(db: DbOrTrx, principal: Principal, tenantId: string, slug: string) {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  const row = await store.fundBySlug(db, tenantId, slug);
  if (!row) throw NotFound();
  const wijken = await listAreas(db, tenantId, { level: 'district' });
  const buurten = await listAreas(db, tenantId, { level: 'neighbourhood' });
  return {
    fund: facade.toFund(row),
    rounds: (await store.roundsOf(db, tenantId, row.id)).map(facade.toRound),
    budgets: (await store.budgetsOf(db, tenantId, row.id)).map((b) => ({
      id: b.id,
      year: b.year,
      label: b.label_nl,
      areaCodes: b.area_codes,
      amountCents: b.amount_cents,
    })),
    cofunding: (await store.cofundingOf(db, tenantId, row.id)).map((c) => ({
      id: c.id,
      year: c.year,
      sourceName: c.source_name,
      perUnitCents: c.per_unit_cents,
      units: c.units,
      amountCents: c.amount_cents,
    })),
    areas: [
      ...wijken.map((a) => ({ value: a.code, label: `${a.name} (wijk)` })),
      ...buurten.map((a) => ({ value: a.code, label: a.name })),
    ],
    year: Number(localDate(principal.now).slice(0, 4)),
  };
}

/** The coordinator's list of funds. */
export async function adminFunds(db: DbOrTrx, principal: Principal, tenantId: string): Promise<facade.Fund[]> {
  authorize(can(principal, 'initiative.funds.manage', { tenantId }));
  return facade.listFunds(db, tenantId);
}
