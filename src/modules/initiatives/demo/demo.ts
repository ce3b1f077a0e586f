import type { Trx } from '../../../platform/db/database.ts';
import type { DemoSeedArgs } from '../../../platform/module.ts';
import { localDate } from '../../../platform/time.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { DEMO_BALLOTS, KRIMPEN_APPS } from './krimpen.ts';
import { hashCode } from '../voting/voting.service.ts';
import * as store from './demo.store.ts';

/**
 * The initiatives module's demo data (docs/initiatives-voting.md, "Demo"):
 * - Krimpen aan den IJssel (GM0542): the "Fonds bewonersinitiatieven" of seed 000 (l.133, l.142). The
 *   seed gives no amounts or rules: rules, budget, applications and ballots are invented (is_demo,
 *   "demo-waarde, verzonnen"). Applications in every state (draft … accounted, one rejected, one
 *   partial) and one knapsack voting round, open around the demo's day, with demo ballots.
 * - Groningen (GM0014): Zwolle's wijkbudgetten of 2008 (seed 001 l.199) with the seed's amounts,
 *   applied to demo areas (Zwolle is not a tenant): € 100.000 for one wijk, € 100.000 for two buurten
 *   together, € 40.000 for social projects, plus € 5 per corporation home (the number of homes is invented).
 * - Heerhugowaard (GM1980): the innovation fund "Zo kan het ook" (seed 001 l.494) and its € 20.000 to
 *   the Kan Wel buurtcoach (l.774-778).
 * Idempotent: a municipality whose fund exists already is skipped.
 */

export const DEMO = 'demo-waarde, verzonnen';
export const KRIMPEN_FUND = 'fonds-bewonersinitiatieven';
export const ZWOLLE_FUND = 'wijkbudgetten-model-zwolle';
export const HHW_FUND = 'zo-kan-het-ook';
/** Paper codes of the demo round that anyone may try (documented; demo only). */
export const DEMO_CODES = ['DEMO-STEM-0001', 'DEMO-STEM-0002', 'DEMO-STEM-0003'] as const;

export function addDays(ymd: string, days: number): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const at = (ymd: string) => new Date(`${ymd}T10:00:00Z`);

async function areaCodesOf(trx: Trx, tenantId: string, wijk: string, n: number): Promise<string[]> {
  const buurten = (await listAreas(trx, tenantId, { level: 'neighbourhood', parentCode: wijk })).map((a) => a.code).sort();
  return buurten.length >= n ? buurten.slice(0, n) : [wijk];
}

async function seedKrimpen(trx: Trx, tenantId: string, now: Date): Promise<void> {
  if (await store.fundExists(trx, tenantId, KRIMPEN_FUND)) return;
  const today = localDate(now);
  const year = Number(today.slice(0, 4));
  const fundId = await store.insertFund(trx, {
    tenant_id: tenantId,
    slug: KRIMPEN_FUND,
    name_nl: 'Fonds bewonersinitiatieven',
    name_en: 'Residents’ initiatives fund',
    description_nl: 'Bewonersinitiatieven faciliteren via een fonds (seed 000, l.133). De regels en bedragen zijn demo-waarden, verzonnen.',
    description_en: 'Supporting residents’ initiatives through a fund (seed 000, l.133). The rules and amounts are demo values, invented.',
    owner_text: 'Gemeente Krimpen aan den IJssel',
    max_per_initiative_cents: 250_000,
    min_cosigners: 2,
    own_contribution: 'money_or_kind',
    eligibility_nl: `Bewoners van Krimpen aan den IJssel; een activiteit voor de buurt, open voor iedereen (${DEMO}).`,
    eligibility_en: 'Residents of Krimpen aan den IJssel; an activity for the neighbourhood, open to all (demo value, invented).',
    lead_time_days: 14,
    source_note: `Fonds: seed 000 l.133, l.142. Regels, budget en aanvragen: ${DEMO}.`,
    is_demo: true,
  });
  const budgetId = await store.insertBudget(trx, {
    tenant_id: tenantId,
    fund_id: fundId,
    year,
    label_nl: 'Heel Krimpen aan den IJssel',
    label_en: 'All of Krimpen aan den IJssel',
    area_codes: [],
    amount_cents: 1_500_000,
    source_note: `${DEMO}: seed 000 noemt geen bedrag (l.142)`,
  });
  const wijk = 'WK054200';
  const buurten = await areaCodesOf(trx, tenantId, wijk, 4);
  const rolling = await store.insertRound(trx, {
    tenant_id: tenantId,
    fund_id: fundId,
    budget_id: budgetId,
    name_nl: `Doorlopend ${year} (demo)`,
    name_en: `Rolling ${year} (demo)`,
    kind: 'rolling',
    opens_on: `${year}-01-01`,
    area_codes: [],
    is_demo: true,
  });
  const voting = await store.insertRound(trx, {
    tenant_id: tenantId,
    fund_id: fundId,
    budget_id: budgetId,
    name_nl: `Buurtbudget Krimpen ${year}: bewoners stemmen (demo)`,
    name_en: `Neighbourhood budget Krimpen ${year}: residents vote (demo)`,
    kind: 'dated',
    opens_on: addDays(today, -45),
    closes_on: addDays(today, -20),
    voting: 'knapsack',
    voting_opens_on: addDays(today, -3),
    voting_closes_on: addDays(today, 11),
    voting_budget_cents: 500_000,
    area_codes: [wijk],
    is_demo: true,
  });
  const ballotIds: string[] = [];
  for (const [i, a] of KRIMPEN_APPS.entries()) {
    const submitted = a.status === 'draft' ? null : at(addDays(today, -a.daysAgo));
    const decided = a.decision ? at(addDays(today, -a.daysAgo + 20)) : null;
    const granted = a.grantedEuros === undefined ? null : a.grantedEuros * 100;
    const paid = a.status === 'paid' || a.status === 'accounted' ? granted! : 0;
    const id = await store.insertApplication(trx, {
      tenant_id: tenantId,
      reference: `INI-${year}-${String(i + 1).padStart(4, '0')}`,
      fund_id: fundId,
      round_id: a.voting ? voting : rolling,
      group_name: a.group,
      title: a.title,
      what: a.what,
      for_whom: a.forWhom,
      area_code: buurten[i % buurten.length]!,
      starts_on: addDays(today, -a.daysAgo + 30),
      ends_on: addDays(today, -a.daysAgo + 30),
      budget_lines: [{ label: a.title, amount_cents: a.euros * 100 }],
      requested_cents: a.euros * 100,
      own_in_kind: 'Bewoners helpen mee met opbouwen en opruimen (demo)',
      status: a.status,
      submitted_at: submitted,
      acknowledged_at: submitted && a.status !== 'submitted' ? at(addDays(today, -a.daysAgo + 2)) : null,
      feasibility: a.feasibility ?? [],
      decision: a.decision ?? null,
      granted_cents: granted,
      decision_letter: a.decision
        ? `Besluit over "${a.title}": ${a.decision === 'rejected' ? 'afgewezen' : `toegekend € ${a.grantedEuros}`} (${DEMO}).`
        : '',
      decided_at: decided,
      paid_cents: paid,
      paid_on: paid > 0 ? addDays(today, -a.daysAgo + 25) : null,
      is_demo: true,
      created_at: submitted ?? now,
      updated_at: now,
    });
    if (a.voting && a.feasibility?.every((p) => p.ok)) ballotIds.push(id);
    if (a.account) {
      await store.insertAccount(trx, {
        tenant_id: tenantId,
        application_id: id,
        what_happened: `${a.account.what} (${DEMO})`,
        participants: a.account.participants,
        spent_cents: a.account.spentEuros * 100,
        submitted_on: addDays(today, -a.daysAgo + 60),
      });
    }
  }
  for (const [i, pick] of DEMO_BALLOTS.entries()) {
    const paper = i % 3 !== 2;
    await store.insertUsedCodeAndBallot(trx, {
      tenantId,
      roundId: voting,
      codeHash: paper ? hashCode(`DEMO-USED-${String(i).padStart(4, '0')}`) : null,
      voterKey: paper ? `paper:${hashCode(`DEMO-USED-${String(i).padStart(4, '0')}`)}` : `account:demo-${i}`,
      applicationIds: pick.map((n) => ballotIds[n]!),
      channel: paper ? 'paper' : 'account',
      castOn: addDays(today, -(i % 3)),
    });
  }
  await store.insertUnusedCodes(trx, tenantId, voting, DEMO_CODES.map(hashCode));
}

async function seedZwolleModel(trx: Trx, tenantId: string, now: Date): Promise<void> {
  if (await store.fundExists(trx, tenantId, ZWOLLE_FUND)) return;
  const year = Number(localDate(now).slice(0, 4));
  const note = 'model uit Zwolle (seed 001 l.199), toegepast op een demowijk';
  const fundId = await store.insertFund(trx, {
    tenant_id: tenantId,
    slug: ZWOLLE_FUND,
    name_nl: 'Wijkbudgetten (model uit Zwolle)',
    name_en: 'Neighbourhood budgets (Zwolle model)',
    description_nl:
      'Zwolle gaf in 2008 € 240.000 aan wijkbudgetten: € 100.000 voor de wijk Holtenbroek, € 100.000 voor twee buurten van Stadshagen samen en € 40.000 voor sociale projecten. De woningcorporaties gaven € 5 per corporatiewoning erbij. Hier toegepast op demogebieden van Groningen.',
    description_en:
      'In 2008 Zwolle gave € 240,000 in neighbourhood budgets: € 100,000 for the Holtenbroek wijk, € 100,000 for two buurten of Stadshagen together and € 40,000 for social projects. The housing corporations added € 5 per corporation home. Applied here to demo areas of Groningen.',
    owner_text: 'Gemeente (model uit Zwolle)',
    source_note: note,
    is_demo: true,
  });
  const wijk = 'WK001404';
  const twoBuurten = await areaCodesOf(trx, tenantId, 'WK001411', 2);
  const budgets: [string, string, string[], number][] = [
    ['Eén wijk: € 100.000 (in Zwolle: Holtenbroek)', 'One wijk: € 100,000 (in Zwolle: Holtenbroek)', [wijk], 10_000_000],
    [
      'Twee buurten samen: € 100.000 (in Zwolle: Pad & Tuin en Schoonhorst)',
      'Two buurten together: € 100,000 (in Zwolle: Pad & Tuin and Schoonhorst)',
      twoBuurten,
      10_000_000,
    ],
    ['Sociale projecten: € 40.000', 'Social projects: € 40,000', [], 4_000_000],
  ];
  for (const [nl, en, areas, cents] of budgets) {
    await store.insertBudget(trx, {
      tenant_id: tenantId,
      fund_id: fundId,
      year,
      label_nl: nl,
      label_en: en,
      area_codes: areas,
      amount_cents: cents,
      source_note: note,
    });
  }
  await store.insertCofunding(trx, {
    tenant_id: tenantId,
    fund_id: fundId,
    year,
    source_name: 'Woningcorporaties',
    per_unit_cents: 500,
    units: 2000,
    amount_cents: 1_000_000,
    area_codes: [wijk, ...twoBuurten],
    source_note: `€ 5 per corporatiewoning: seed 001 l.199; aantal corporatiewoningen (2000): ${DEMO}`,
  });
}

async function seedHeerhugowaard(trx: Trx, tenantId: string): Promise<void> {
  if (await store.fundExists(trx, tenantId, HHW_FUND)) return;
  const source = 'Meedoen is winnen, gemeente Heerhugowaard 2009 (seed 001 l.494, l.774-778)';
  const fundId = await store.insertFund(trx, {
    tenant_id: tenantId,
    slug: HHW_FUND,
    name_nl: 'Innovatiefonds "Zo kan het ook"',
    name_en: 'Innovation fund "Zo kan het ook"',
    description_nl: 'Het innovatiefonds van Heerhugowaard. In 2010 gaf het € 20.000 aan de buurtcoach van Kan Wel.',
    description_en: 'Heerhugowaard’s innovation fund. In 2010 it gave € 20,000 to the Kan Wel neighbourhood coach.',
    owner_text: 'Gemeente Heerhugowaard',
    source_note: source,
  });
  await store.insertApplication(trx, {
    tenant_id: tenantId,
    reference: 'INI-2010-0001',
    fund_id: fundId,
    group_name: 'Kan Wel',
    title: 'Buurtcoach Kan Wel in Rivierenwijk en Molenwijk',
    what: 'Een buurtcoach die bewoners helpt zelf iets op te zetten. Kosten € 30.000 per jaar; dekking € 20.000 uit Zo kan het ook 2010; voor € 10.000 ontbreekt nog dekking.',
    for_whom: 'Bewoners van Rivierenwijk en Molenwijk',
    area_code: 'WK198017',
    budget_lines: [{ label: 'Bijdrage uit Zo kan het ook 2010 voor de buurtcoach', amount_cents: 2_000_000 }],
    requested_cents: 2_000_000,
    status: 'decided',
    feasibility: [],
    decision: 'full',
    granted_cents: 2_000_000,
    decision_letter: `Dekking: Kan Wel € 20.000 uit Zo kan het ook 2010 (${source}).`,
    is_demo: false,
  });
}

export async function initiativesDemoSeed(trx: Trx, args: DemoSeedArgs): Promise<void> {
  for (const t of args.tenants) {
    if (t.id === 'GM0542') await seedKrimpen(trx, t.id, args.now);
    if (t.id === 'GM0014') await seedZwolleModel(trx, t.id, args.now);
    if (t.id === 'GM1980') await seedHeerhugowaard(trx, t.id);
  }
}
