import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { ensureTenant } from '../../../../test/helpers/people.ts';
import { GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { raceOnlyOnPostgres } from '../../../../test/helpers/db.ts';
import { inTransaction, type Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { DEMO_CODES, initiativesDemoSeed } from '../demo/demo.ts';
import { ballotPage, castVote, generateVoteCodes, listRounds, resultsPage } from './voting.service.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const SECRET = 'test-secret-test-secret-test-secret';
const HHW = { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' };

const who = (tenantId: string, roles: Role[], userId: string | null, now = NOW): Principal => ({
  userId,
  tenantId,
  roles,
  organisationIds: [],
  mfaVerified: true,
  now,
});
const anon = (now = NOW) => who(KRIMPEN.id, [], null, now);
const USER = '11111111-1111-4111-8111-111111111111';

/** The error's field and message key, for assert.rejects. */
const fails = (field: string, key: string) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.fields?.[field], key, JSON.stringify(e.fields));
  return true;
};

async function counts(db: Db): Promise<{ ballots: number; used: number }> {
  const b = await db
    .selectFrom('initiative_ballots')
    .where('tenant_id', '=', KRIMPEN.id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const u = await db
    .selectFrom('initiative_vote_codes')
    .where('tenant_id', '=', KRIMPEN.id)
    .where('used', '=', true)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ballots: Number(b.n), used: Number(u.n) };
}

describe('voting on initiatives (service)', () => {
  const ctx = useTestDb();
  let roundId = '';
  let ballot: { id: string; requestedCents: number }[] = [];

  it('seeds the demo once, with a knapsack round whose ballot holds only feasible initiatives', async () => {
    const { db } = ctx.database;
    for (const t of [KRIMPEN, GRONINGEN, HHW]) await ensureTenant(db, t);
    const args = { tenants: [KRIMPEN, GRONINGEN, HHW], organisations: new Map(), users: new Map(), now: NOW };
    await inTransaction(db, (trx) => initiativesDemoSeed(trx, args));
    await inTransaction(db, (trx) => initiativesDemoSeed(trx, args)); // idempotent
    const rounds = await listRounds(db, anon(), KRIMPEN.id);
    assert.equal(rounds.length, 1);
    assert.equal(rounds[0]!.method, 'knapsack');
    assert.equal(rounds[0]!.state, 'open');
    assert.equal(rounds[0]!.budgetCents, 500_000);
    roundId = rounds[0]!.id;
    const page = await ballotPage(db, anon(), SECRET, KRIMPEN.id, roundId);
    assert.deepEqual(
      page.candidates.map((c) => c.title).sort(),
      [
        'Buurtbarbecue',
        'Kerstmarkt op het plein',
        'Moestuinbakken bij de flat',
        'Repair café in het buurthuis',
        'Speelmiddag voor kinderen',
      ],
      'the one that failed the feasibility review is not on the ballot',
    );
    ballot = page.candidates.map((c) => ({ id: c.id, requestedCents: c.requestedCents }));
    assert.deepEqual(await counts(db), { ballots: 12, used: 8 });
    const funds = await db.selectFrom('initiative_funds').select(['tenant_id', 'slug']).orderBy('slug').execute();
    assert.equal(funds.length, 3, 'a second run adds nothing');
    const budgets = await db.selectFrom('initiative_budgets').where('tenant_id', '=', GRONINGEN.id).select('amount_cents').execute();
    assert.equal(
      budgets.reduce((s, b) => s + b.amount_cents, 0),
      24_000_000,
      'Zwolle: € 240.000 in total',
    );
  });

  it('counts a paper code within the budget once; the same code again is refused and nothing is written', async () => {
    const { db } = ctx.database;
    const cheap = ballot.filter((b) => b.requestedCents <= 120_000).map((b) => b.id);
    const before = await counts(db);
    assert.equal(
      await castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices: cheap, code: 'demo-stem-0001', area: '' }),
      'paper',
    );
    assert.deepEqual(await counts(db), { ballots: before.ballots + 1, used: before.used + 1 });
    await assert.rejects(
      castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices: cheap, code: DEMO_CODES[0], area: '' }),
      fails('code', 'initiatives.voting.error.codeUsed'),
    );
    await assert.rejects(
      castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices: cheap, code: 'AAAA-BBBB-CCCC', area: '' }),
      fails('code', 'initiatives.voting.error.codeUnknown'),
    );
    assert.deepEqual(await counts(db), { ballots: before.ballots + 1, used: before.used + 1 });
  });

  it('refuses a ballot over the budget, empty, or with an initiative not in the round, without using the code', async () => {
    const { db } = ctx.database;
    const before = await counts(db);
    const all = ballot.map((b) => b.id);
    const vote = (choices: string[]) =>
      castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices, code: DEMO_CODES[1], area: '' });
    await assert.rejects(vote(all), fails('choices', 'initiatives.voting.error.overBudget'));
    await assert.rejects(vote([]), fails('choices', 'initiatives.voting.error.empty'));
    await assert.rejects(vote([all[0]!, '22222222-2222-4222-8222-222222222222']), fails('choices', 'initiatives.voting.error.unknown'));
    assert.deepEqual(await counts(db), before, 'nothing half-written');
    assert.equal(await vote([all[0]!]), 'paper', 'the code still works');
  });

  it('lets a signed-in resident vote once, from an area of the round; refuses others', async () => {
    const { db } = ctx.database;
    const choice = [ballot[0]!.id];
    const resident = who(KRIMPEN.id, ['resident'], USER);
    const input = { tenantId: KRIMPEN.id, roundId, choices: choice, code: '', area: 'WK054200' };
    await assert.rejects(castVote(db, resident, SECRET, { ...input, area: 'WK001404' }), fails('area', 'initiatives.voting.error.area'));
    await assert.rejects(castVote(db, anon(), SECRET, input), fails('code', 'initiatives.voting.error.codeNeeded'));
    await assert.rejects(castVote(db, who(KRIMPEN.id, [], USER), SECRET, input), fails('code', 'initiatives.voting.error.notResident'));
    assert.equal(await castVote(db, resident, SECRET, input), 'account');
    assert.equal((await ballotPage(db, resident, SECRET, KRIMPEN.id, roundId)).alreadyVoted, true);
    await assert.rejects(castVote(db, resident, SECRET, input), fails('choices', 'initiatives.voting.error.alreadyVoted'));
    const keys = await db.selectFrom('initiative_ballots').where('channel', '=', 'account').select('voter_key').execute();
    assert.ok(
      keys.every((k) => !k.voter_key.includes(USER)),
      'the ballot does not hold the user id',
    );
  });

  it('refuses votes outside the window and keeps the results closed until the window has passed', async () => {
    const { db } = ctx.database;
    const later = new Date('2026-12-10T10:00:00Z');
    const earlier = new Date('2026-11-01T10:00:00Z');
    for (const now of [earlier, later]) {
      await assert.rejects(
        castVote(db, anon(now), SECRET, { tenantId: KRIMPEN.id, roundId, choices: [ballot[0]!.id], code: DEMO_CODES[2], area: '' }),
        fails('choices', 'initiatives.voting.error.closed'),
      );
    }
    assert.equal((await resultsPage(db, anon(), KRIMPEN.id, roundId)).result, null);
    const { result } = await resultsPage(db, anon(later), KRIMPEN.id, roundId);
    assert.ok(result);
    assert.equal(result.ballots, 15);
    assert.ok(result.fundedCents <= 500_000);
    assert.equal(result.steps.reduce((s, x) => s + x.votes, 0) > 0, true);
    assert.deepEqual(
      result.steps.map((s) => s.votes),
      [...result.steps.map((s) => s.votes)].sort((a, b) => b - a),
    );
  });

  it('prints paper codes for the coordinator only, shown once and stored as hashes', async () => {
    const { db } = ctx.database;
    const coordinator = who(KRIMPEN.id, ['coordinator'], USER);
    await assert.rejects(
      generateVoteCodes(db, who(KRIMPEN.id, ['resident'], USER), { tenantId: KRIMPEN.id, roundId, count: 3, areaCode: null }),
    );
    await assert.rejects(
      generateVoteCodes(db, coordinator, { tenantId: KRIMPEN.id, roundId, count: 501, areaCode: null }),
      fails('count', 'initiatives.voting.error.count'),
    );
    const { codes } = await generateVoteCodes(db, coordinator, { tenantId: KRIMPEN.id, roundId, count: 3, areaCode: 'WK054200' });
    assert.equal(codes.length, 3);
    assert.ok(codes.every((c) => /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/.test(c)));
    const stored = await db.selectFrom('initiative_vote_codes').select('code_hash').execute();
    for (const c of codes) assert.ok(stored.every((s) => !s.code_hash.includes(c.replace(/-/g, ''))));
    assert.equal(
      await castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices: [ballot[1]!.id], code: codes[0]!, area: '' }),
      'paper',
    );
  });

  it('keeps municipalities apart', async () => {
    const { db } = ctx.database;
    const groningen = who(GRONINGEN.id, ['coordinator'], USER);
    await assert.rejects(
      castVote(db, groningen, SECRET, { tenantId: KRIMPEN.id, roundId, choices: [ballot[0]!.id], code: DEMO_CODES[2], area: '' }),
      (e) => e instanceof AppError && e.status === 403,
    );
    await assert.rejects(ballotPage(db, groningen, SECRET, GRONINGEN.id, roundId), (e) => e instanceof AppError && e.status === 404);
    await assert.rejects(
      castVote(db, who(GRONINGEN.id, [], null), SECRET, {
        tenantId: GRONINGEN.id,
        roundId,
        choices: [ballot[0]!.id],
        code: DEMO_CODES[2],
        area: '',
      }),
      (e) => e instanceof AppError && e.status === 404,
    );
  });
});

describe('voting at the same moment (race)', { skip: raceOnlyOnPostgres() }, () => {
  const ctx = useTestDb();

  it('counts one paper code and one account once, however many ballots arrive together', async () => {
    const { db } = ctx.database;
    await ensureTenant(db, KRIMPEN);
    await inTransaction(db, (trx) =>
      initiativesDemoSeed(trx, { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: NOW }),
    );
    const roundId = (await listRounds(db, anon(), KRIMPEN.id))[0]!.id;
    const choice = [(await ballotPage(db, anon(), SECRET, KRIMPEN.id, roundId)).candidates[0]!.id];
    const before = await counts(db);
    const paper = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        castVote(db, anon(), SECRET, { tenantId: KRIMPEN.id, roundId, choices: choice, code: DEMO_CODES[0], area: '' }),
      ),
    );
    assert.equal(paper.filter((r) => r.status === 'fulfilled').length, 1);
    const resident = who(KRIMPEN.id, ['resident'], USER);
    const account = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        castVote(db, resident, SECRET, { tenantId: KRIMPEN.id, roundId, choices: choice, code: '', area: 'WK054200' }),
      ),
    );
    assert.equal(account.filter((r) => r.status === 'fulfilled').length, 1);
    assert.deepEqual(await counts(db), { ballots: before.ballots + 2, used: before.used + 1 });
  });
});
