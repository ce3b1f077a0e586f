import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { linkTargetsToGoal, listIndicatorTargets } from '../../monitor/monitor.service.ts';
import { monitorDemoSeed } from '../../monitor/demo/demo.ts';
import { addBuckets, cardMoney, getProgramme, listCards, listGoals, listLineActivities, type Cents } from '../programmes.service.ts';
import { moneyProblems } from '../cards/money.ts';
import { cardInput } from '../cards/cards.service.ts';
import { programmeOverview } from '../overview/overview.service.ts';
import { programmesDemoSeed } from './demo.ts';

/**
 * Acceptance of issue 14's demo data: Heerhugowaard's totals per year and source are Bijlage 1's
 * (seed 001 l.863-905), and the only stated gap, € 10.000 for project 6 (l.778, l.901), comes out
 * of the budget lines through the module's money functions; Krimpen's action table has its 16 rows
 * with their angles (seed 000 l.118-138); Groningen's budget tables add up to € 1.245.000 and
 * € 1.200.000 with "pm" unknown (seed 003 l.463-492).
 */
const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };
const NOW = new Date('2026-12-07T09:00:00Z');
const TENANTS = [KRIMPEN, HHW, GRONINGEN];
const args = { tenants: TENANTS, organisations: new Map(), users: new Map(), now: NOW };
const euro = (n: number) => n * 100;

/** Bijlage 1 per year and source (euros). Project 5's € 3.000 WMO has no year there: it is placed in 2010, the card's year. */
const BIJLAGE_1_PER_YEAR: Record<number, Record<string, number>> = {
  2009: { wmo: 10000 },
  2010: { wmo: 12500 + 3000, general_budget: 31000 + 35000, innovation_fund: 20000 },
  2011: { wmo: 25000 },
};
/** Woonwaard's share of project 2 in 2009: on the card (l.607), not in Bijlage 1 (which lists the municipality's money). */
const CARD_2_PARTNER_2009 = 10000;

describe('programmes demo data from the seeds', () => {
  const ctx = useTestDb();

  before(async () => {
    const { db } = ctx.database;
    for (const t of TENANTS) await ensureTenant(db, t);
    await inTransaction(db, (trx) => monitorDemoSeed(trx, args));
    await programmesDemoSeed(db, args);
  });

  it('Heerhugowaard: Bijlage 1 per year and source, and € 10.000 missing for project 6 as the only gap', async () => {
    const { db } = ctx.database;
    const system = systemPrincipal(HHW.id, NOW);
    const programme = await getProgramme(db, system, HHW.id, 'meedoen-is-winnen');
    assert.equal(programme.ownerRole, 'programmamanager (WOC)');
    const cards = await listCards(db, system, HHW.id, { programmeId: programme.id });
    assert.deepEqual(cards.map((c) => c.number).sort(), ['1', '2', '3', '4', '5', '6', '7', '8']);

    // Totals per year over all cards, with the module's money functions.
    const moneys = new Map(cards.map((c) => [c.number, cardMoney(c)]));
    const years = [...new Set([...moneys.values()].flatMap((m) => m.years.map((y) => y.year)))].sort();
    assert.deepEqual(years, [2009, 2010, 2011]);
    const perYear = Object.fromEntries(
      years.map((year) => [year, addBuckets([...moneys.values()].flatMap((m) => m.years.filter((y) => y.year === year)))]),
    );
    const expected: Record<number, Record<string, Cents>> = {};
    for (const [y, bySource] of Object.entries(BIJLAGE_1_PER_YEAR)) {
      expected[Number(y)] = Object.fromEntries(Object.entries(bySource).map(([s, e]) => [s, euro(e)]));
    }
    expected[2009]!.partner = euro(CARD_2_PARTNER_2009);
    for (const year of years) assert.deepEqual(perYear[year]!.coverageBySource, expected[year], `coverage ${year}`);
    assert.deepEqual(
      years.map((y) => [y, perYear[y]!.costCents, perYear[y]!.gapCents]),
      [
        [2009, euro(20000), 0],
        [2010, euro(31000 + 35000 + 12500 + 3000 + 30000), euro(10000)],
        [2011, euro(25000), 0],
      ],
    );

    // The gap per card: € 10.000 for project 6, nothing for the cards with known amounts, unknown (not 0) where the seed gives none.
    const gaps = Object.fromEntries([...moneys].map(([n, m]) => [n, m.total.gapCents]));
    assert.deepEqual(gaps, { '1': null, '2': 0, '3': 0, '4': 0, '5': 0, '6': euro(10000), '7': null, '8': null });
    // The programme's financing overview says the same: € 10.000 known gap, unknown for 1, 7 and 8.
    const { financing } = await programmeOverview(db, system, HHW.id, 'meedoen-is-winnen');
    assert.equal(financing.knownGapCents, euro(10000));
    assert.deepEqual([...financing.unknownGapCards].sort(), ['1', '7', '8']);
    assert.deepEqual(
      financing.years.map((y) => [y.year, y.coverageBySource]),
      years.map((y) => [y, expected[y]]),
    );
    const six = moneys.get('6')!;
    assert.deepEqual(
      six.years.map((y) => [y.year, y.costCents, y.coverageCents, y.gapCents]),
      [[2010, euro(30000), euro(20000), euro(10000)]],
    );
    assert.deepEqual(six.total.coverageBySource, { innovation_fund: euro(20000) });
    // Unknown stays unknown: project 7's costs "Onbekend", coverage from the participatiebudget without an amount.
    const seven = cards.find((c) => c.number === '7')!;
    assert.deepEqual(
      seven.budgetLines.map((l) => [l.kind, l.amountCents, l.source]),
      [
        ['cost', null, null],
        ['coverage', null, 'participation'],
      ],
    );

    // Every card keeps to the card rules (no negative amount, no year outside its period, coverage not above cost).
    for (const c of cards) {
      const period = {
        fromYear: c.plannedStart ? Number(c.plannedStart.slice(0, 4)) : null,
        toYear: c.plannedEnd ? Number(c.plannedEnd.slice(0, 4)) : null,
      };
      assert.deepEqual(moneyProblems(c.budgetLines, period), [], `card ${c.number}`);
      const parsed = cardInput.safeParse(c);
      assert.ok(parsed.success, `card ${c.number} passes the card form's rules: ${parsed.error?.message ?? ''}`);
      assert.ok(c.goalIds.length > 0, `card ${c.number} serves a goal`);
      assert.match(c.sourceNote, /^Seed 001 .*l\.\d+/);
      for (const l of c.budgetLines) assert.match(l.sourceNote, /^Seed 001 .*l\.\d+/);
      for (const lead of c.leads) assert.match(lead.roleLabel, /^trekker .*naam in de bron weggelaten/);
    }

    // Areas and leads: Centrumwaard spans two wijken; card 6 has a lead per area.
    const byNumber = new Map(cards.map((c) => [c.number, c]));
    assert.deepEqual(byNumber.get('1')!.areaCodes.sort(), ['WK198013', 'WK198014']);
    assert.deepEqual(byNumber.get('6')!.areaCodes.sort(), ['WK198013', 'WK198016', 'WK198017', 'WK198022']);
    assert.deepEqual(
      byNumber
        .get('6')!
        .leads.map((l) => l.areaCodes.sort())
        .sort(),
      [['WK198013'], ['WK198016', 'WK198017']],
    );
    assert.equal(byNumber.get('1')!.periodText, '2010 ev');
    assert.equal(byNumber.get('1')!.plannedEnd, null);

    // The inconsistencies are kept and flagged.
    const flags = (n: string) => byNumber.get(n)!.flags.join(' ');
    assert.match(flags('1'), /Bijlage 1 zegt 2010-2011/);
    assert.match(flags('5'), /Bijlage 1 zegt 2010-2011/);
    assert.match(flags('6'), /alleen "Molen- en Rivierenwijk"/);
    assert.match(flags('2'), /drie keer anders/);
    assert.match(flags('7'), /Onbekend/);
    assert.match(flags('6'), /structureel jaarbedrag/);

    // Goals 1 (a, b) and 2 (a, b, c); the twelve line activities; the eight monitor targets tied to the two tactical goals.
    const goals = await listGoals(db, system, HHW.id, programme.id);
    assert.deepEqual(goals.map((g) => g.number).sort(), ['1', '1a', '1b', '2', '2a', '2b', '2c']);
    const goalId = (n: string) => goals.find((g) => g.number === n)!.id;
    for (const n of ['1a', '1b']) assert.equal(goals.find((g) => g.number === n)!.parentId, goalId('1'));
    for (const n of ['2a', '2b', '2c']) assert.equal(goals.find((g) => g.number === n)!.parentId, goalId('2'));
    const activities = await listLineActivities(db, system, HHW.id, programme.id);
    assert.deepEqual(
      activities.map((a) => a.number),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    );
    assert.equal(activities[8]!.titleNl, 'Zo kan het ook, innovatiefonds');
    const targets = await listIndicatorTargets(db, system, HHW.id);
    assert.equal(targets.length, 8);
    const goalOf = Object.fromEntries(targets.map((t) => [t.indicatorCode, t.programmeGoalId]));
    for (const code of ['wm09_active', 'wm10_involvement_satisfied', 'wm11_responsible', 'wm59_volunteering']) {
      assert.equal(goalOf[code], goalId('1'));
    }
    for (const code of ['wm07_cohesion', 'wm24_social_facilities', 'wm25_contact_opportunities', 'wm71_enough_contact']) {
      assert.equal(goalOf[code], goalId('2'));
    }
    // Another municipality cannot tie Heerhugowaard's targets to anything.
    await assert.rejects(
      linkTargetsToGoal(db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, null, [targets[0]!.id]),
      (e: AppError) => e instanceof AppError && e.status === 404,
    );
    assert.equal((await listIndicatorTargets(db, system, HHW.id)).filter((t) => t.programmeGoalId === null).length, 0);

    const forums = await db.selectFrom('programme_forums').selectAll().where('tenant_id', '=', HHW.id).orderBy('name').execute();
    assert.deepEqual(
      forums.map((f) => [f.name, f.kind]),
      [
        ['Klankbordgroep Meedoen is winnen', 'sounding_board'],
        ['Wijkpanels', 'panel'],
      ],
    );
    assert.match(
      forums[0]!.description_nl,
      /coördinator voorzieningen \(SRO\).*concernstaf.*coördinator wijkbeheer \(WOC\).*programmamanager \(WOC\)/,
    );
  });

  it('Krimpen: the action table of 16 rows with its angles and anchoring, row 134 as the seed has it', async () => {
    const { db } = ctx.database;
    const programme = await getProgramme(db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, 'oog-en-oor-voor-elkaar');
    const rows = await db
      .selectFrom('programme_actions')
      .selectAll()
      .where('tenant_id', '=', KRIMPEN.id)
      .where('programme_id', '=', programme.id)
      .orderBy('number')
      .execute();
    assert.equal(rows.length, 16);
    const code = (a: readonly string[]) => ['broaden', 'deepen', 'connect'].map((x, i) => (a.includes(x) ? 'BDV'[i] : '')).join('');
    assert.deepEqual(
      rows.map((r) => [Number(r.source_note.match(/l\.(\d+)$/)![1]), code(r.angles)]),
      [
        [119, 'B'],
        [120, 'B'],
        [121, 'BV'],
        [124, ''],
        [125, 'BV'],
        [126, 'BV'],
        [127, 'BV'],
        [128, 'BD'],
        [129, 'BV'],
        [130, 'BDV'],
        [131, 'BV'],
        [132, 'BD'],
        [133, 'BDV'],
        [134, 'BDV'],
        [135, 'BDV'],
        [138, 'BDV'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.target_group),
      [
        'Jeugd',
        'Jeugd',
        'Jeugd',
        'Jeugd',
        'Jeugd',
        'Sport',
        'Onderwijs',
        'Cultuur',
        'Veiligheid',
        'Werk en inkomen',
        ...Array(6).fill('Meer burgers betrekken'),
      ],
    );
    const r134 = rows[13]!;
    assert.equal(r134.action_nl, 'Opzoemer Mee');
    assert.equal(r134.initiator, 'Bewoners initiëren en organiseren; gemeente faciliteert.');
    assert.equal(r134.planning, 'Koppeling aan wijkschouw');
    assert.equal(r134.flags.length, 1);
    assert.deepEqual(rows[6]!.anchoring, ['Programma woonzorgzoning', 'Integraal Huisvestingsplan', 'Beleidskader Brede school']);
    assert.deepEqual(rows[14]!.anchoring, [], 'l.135 has no "borging in"');
    assert.equal(rows[15]!.planning, '2010 ontwerp 2011 realisering');

    const forums = await db.selectFrom('programme_forums').selectAll().where('tenant_id', '=', KRIMPEN.id).execute();
    assert.deepEqual(
      forums.map((f) => [f.name, f.kind, f.rhythm_months]),
      [['Werkgroep Sociale Samenhang', 'working_group', 2]],
    );
  });

  it('Groningen: budget tables of € 1.245.000 and € 1.200.000 with "pm" unknown, 14 actions, three levels and overleggen', async () => {
    const { db } = ctx.database;
    const system = systemPrincipal(GRONINGEN.id, NOW);
    const programme = await getProgramme(db, system, GRONINGEN.id, 'vitale-buurten');
    const lines = await db.selectFrom('programme_budget_lines').selectAll().where('tenant_id', '=', GRONINGEN.id).orderBy('sort').execute();
    const side = (s: string) => lines.filter((l) => l.side === s && l.programme_id === programme.id);
    const known = (ls: typeof lines) => ls.reduce((sum, l) => sum + (l.amount_cents ?? 0), 0);
    assert.equal(side('available').length, 8);
    assert.equal(known(side('available')), euro(1_245_000));
    assert.deepEqual(
      side('available')
        .filter((l) => l.amount_cents === null)
        .map((l) => l.label_nl),
      ['Wmo Awbz-pakketmaatregel (2010): pm'],
    );
    assert.equal(known(side('planned_use')), euro(1_200_000));
    assert.deepEqual(
      side('planned_use')
        .filter((l) => l.amount_cents === null)
        .map((l) => l.source_note),
      ['Seed 003 (Wmo in Vitale buurten, Groningen), l.482'],
    );
    assert.ok(lines.every((l) => /^Seed 003 .*l\.\d+/.test(l.source_note)));

    const actions = await db.selectFrom('programme_actions').selectAll().where('tenant_id', '=', GRONINGEN.id).orderBy('number').execute();
    assert.deepEqual(
      actions.map((a) => a.number),
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    assert.match(actions[9]!.action_nl, /De Kanteling/);
    const goals = await listGoals(db, system, GRONINGEN.id, programme.id);
    assert.deepEqual(
      goals.map((g) => g.number),
      ['a', 'b', 'c'],
    );
    const forums = await db.selectFrom('programme_forums').select('name').where('tenant_id', '=', GRONINGEN.id).orderBy('name').execute();
    assert.deepEqual(
      forums.map((f) => f.name),
      ['Beroepskrachten', 'Heel de buurt', 'Wijkteam'],
    );
    const proposals = await db.selectFrom('programme_subsidy_proposals').selectAll().where('tenant_id', '=', GRONINGEN.id).execute();
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0]!.is_demo, true);
    assert.match(proposals[0]!.title, /demo-waarde, verzonnen/);
    assert.deepEqual(Object.keys(proposals[0]!.conditions).sort(), ['1', '2', '3', '4', '5', '6']);
    assert.deepEqual(proposals[0]!.goal_ids, [goals[0]!.id, goals[1]!.id]);
  });

  it('is idempotent: running the demo seed again adds nothing', async () => {
    const { db } = ctx.database;
    const count = async (
      table: 'programmes' | 'programme_projects' | 'programme_actions' | 'programme_budget_lines' | 'programme_forums',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tables = ['programmes', 'programme_projects', 'programme_actions', 'programme_budget_lines', 'programme_forums'] as const;
    const counts = await Promise.all(tables.map(count));
    await programmesDemoSeed(db, args);
    assert.deepEqual(await Promise.all(tables.map(count)), counts);
    assert.deepEqual(counts, [3, 8, 16 + 14, 14, 2 + 1 + 3]);
  });
});
