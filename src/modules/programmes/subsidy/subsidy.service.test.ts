import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { principal } from '../monitoring/monitoring.test-support.ts';
import { decideProposal, getProposal, listProposals, submitProposal, type DecisionInput } from './subsidy.service.ts';
import { CONDITIONS, type ConditionNo } from './subsidy.conditions.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const fieldsOf = (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 422);
  return e.fields;
};
const all = (met: boolean, evidence = 'Zie het programmaplan, p. 3') =>
  Object.fromEntries(CONDITIONS.map((c) => [c, { met, evidence }])) as DecisionInput['conditions'];

describe('programmes: subsidy proposals against the six conditions', () => {
  const ctx = useTestDb();
  let heelDeBuurt = '';
  let other = '';
  let goal = '';
  let programmeId = '';
  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, GRONINGEN);
    await buildTenant(db, KRIMPEN);
    heelDeBuurt = (await buildOrganisation(db, { tenantId: GRONINGEN.id, name: 'Welzijnsorganisatie A' })).id;
    other = (await buildOrganisation(db, { tenantId: GRONINGEN.id, name: 'Zorgorganisatie B' })).id;
    const g = await db
      .insertInto('programmes')
      .values({ tenant_id: GRONINGEN.id, slug: 'vitale-buurten', title_nl: 'Vitale buurten', start_year: 2010 })
      .returning('id')
      .executeTakeFirstOrThrow();
    programmeId = g.id;
    goal = (
      await db
        .insertInto('programme_goals')
        .values({ tenant_id: GRONINGEN.id, programme_id: g.id, number: '1', title_nl: 'Ontmoeting' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  const professional = (org: string) => principal(GRONINGEN.id, NOW, ['professional'], [org]);
  const coordinator = () => principal(GRONINGEN.id, NOW, ['coordinator']);
  const input = (org: string) => ({
    organisationId: org,
    title: 'Buurtprogramma 2011-2014',
    summary: '',
    startYear: 2011,
    endYear: 2014,
    requestedCents: 12_500_000,
    goalIds: [goal],
    areaCodes: [],
  });

  it('takes a proposal of a professional for their own organisation only, linked to goals; refuses bad input', async () => {
    const db = ctx.database.db;
    const id = await submitProposal(db, professional(heelDeBuurt), GRONINGEN.id, input(heelDeBuurt));
    const p = await getProposal(db, professional(heelDeBuurt), GRONINGEN.id, id, 'nl');
    assert.equal(p.organisationName, 'Welzijnsorganisatie A');
    assert.deepEqual(
      p.goals.map((g) => g.label),
      ['Vitale buurten · 1. Ontmoeting'],
    );
    assert.equal(p.decision, 'pending');
    assert.equal(p.canDecide, false);
    const stored = await db
      .selectFrom('programme_subsidy_proposals')
      .select(['programme_id', 'goal_ids'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stored.goal_ids, [goal]);
    assert.equal(stored.programme_id, programmeId, "linked to its goals' programme");
    assert.ok(CONDITIONS.every((c) => p.conditions[c].met === null));

    await assert.rejects(submitProposal(db, professional(heelDeBuurt), GRONINGEN.id, input(other)), (e) => {
      assert.deepEqual(fieldsOf(e), { organisationId: 'programmes.subsidy.error.organisation' });
      return true;
    });
    await assert.rejects(
      submitProposal(db, professional(heelDeBuurt), GRONINGEN.id, {
        ...input(heelDeBuurt),
        startYear: 2014,
        endYear: 2011,
        goalIds: [],
        areaCodes: ['WK999999'],
      }),
      (e) => {
        assert.deepEqual(fieldsOf(e), {
          endYear: 'programmes.subsidy.error.years',
          goalIds: 'programmes.subsidy.error.goals',
          areaCodes: 'programmes.subsidy.error.areas',
        });
        return true;
      },
    );
    // A goal of another municipality is not a goal here.
    await assert.rejects(submitProposal(db, principal(KRIMPEN.id, NOW, ['coordinator']), KRIMPEN.id, { ...input(heelDeBuurt) }), (e) => {
      const f = fieldsOf(e)!;
      assert.equal(f.goalIds, 'programmes.subsidy.error.goals');
      assert.equal(f.organisationId, 'programmes.subsidy.error.organisation');
      return true;
    });
  });

  it("shows professionals only their own organisation's proposals; the coordinator sees all", async () => {
    const db = ctx.database.db;
    const a = await submitProposal(db, professional(heelDeBuurt), GRONINGEN.id, { ...input(heelDeBuurt), title: 'Van A' });
    const b = await submitProposal(db, professional(other), GRONINGEN.id, { ...input(other), title: 'Van B' });
    const seenByA = (await listProposals(db, professional(heelDeBuurt), GRONINGEN.id)).map((r) => r.id);
    assert.ok(seenByA.includes(a));
    assert.ok(!seenByA.includes(b));
    await assert.rejects(
      getProposal(db, professional(heelDeBuurt), GRONINGEN.id, b, 'nl'),
      (e) => e instanceof AppError && e.status === 403,
    );
    const seenByCoordinator = (await listProposals(db, coordinator(), GRONINGEN.id)).map((r) => r.id);
    assert.ok(seenByCoordinator.includes(a) && seenByCoordinator.includes(b));
    assert.deepEqual(await listProposals(db, principal(KRIMPEN.id, NOW, ['coordinator']), KRIMPEN.id), []);
    await assert.rejects(
      getProposal(db, principal(KRIMPEN.id, NOW, ['coordinator']), KRIMPEN.id, a, 'nl'),
      (e) => e instanceof AppError && e.status === 404,
    );
    await assert.rejects(
      listProposals(db, principal(GRONINGEN.id, NOW, ['resident']), GRONINGEN.id),
      (e) => e instanceof AppError && e.status === 403,
    );
  });

  it('refuses a decision without every condition judged and evidenced, and "granted" with a condition not met without a reason', async () => {
    const db = ctx.database.db;
    const id = await submitProposal(db, professional(heelDeBuurt), GRONINGEN.id, input(heelDeBuurt));
    const partial = { ...all(true), '5': { met: null, evidence: '' }, '2': { met: true, evidence: ' ' } } as Record<
      ConditionNo,
      { met: boolean | null; evidence: string }
    >;
    await assert.rejects(
      decideProposal(db, coordinator(), GRONINGEN.id, id, { conditions: partial, decision: 'granted', reasons: '', grantedCents: null }),
      (e) => {
        assert.deepEqual(fieldsOf(e), { met5: 'programmes.subsidy.error.notJudged', evidence2: 'programmes.subsidy.error.evidence' });
        return true;
      },
    );
    const oneNotMet = { ...all(true), '5': { met: false, evidence: 'Geen tevredenheidsonderzoek' } };
    await assert.rejects(
      decideProposal(db, coordinator(), GRONINGEN.id, id, { conditions: oneNotMet, decision: 'granted', reasons: '', grantedCents: null }),
      (e) => {
        assert.deepEqual(fieldsOf(e), { reasons: 'programmes.subsidy.error.reasonsNotMet' });
        return true;
      },
    );
    await assert.rejects(
      decideProposal(db, coordinator(), GRONINGEN.id, id, { conditions: all(true), decision: 'refused', reasons: '', grantedCents: null }),
      (e) => {
        assert.deepEqual(fieldsOf(e), { reasons: 'programmes.subsidy.error.reasons' });
        return true;
      },
    );
    await assert.rejects(
      decideProposal(db, coordinator(), GRONINGEN.id, id, {
        conditions: all(true),
        decision: 'partly',
        reasons: 'Minder geld',
        grantedCents: 12_500_000,
      }),
      (e) => {
        assert.deepEqual(fieldsOf(e), { granted: 'programmes.subsidy.error.partlyAmount' });
        return true;
      },
    );
    await assert.rejects(
      decideProposal(db, coordinator(), GRONINGEN.id, id, {
        conditions: all(true),
        decision: 'granted',
        reasons: '',
        grantedCents: 99_999_999,
      }),
      (e) => {
        assert.deepEqual(fieldsOf(e), { granted: 'programmes.subsidy.error.aboveRequest' });
        return true;
      },
    );
    // Nothing was written by the refusals; a professional may not decide.
    assert.equal((await getProposal(db, coordinator(), GRONINGEN.id, id, 'nl')).decision, 'pending');
    await assert.rejects(
      decideProposal(db, professional(heelDeBuurt), GRONINGEN.id, id, {
        conditions: all(true),
        decision: 'granted',
        reasons: '',
        grantedCents: null,
      }),
      (e) => e instanceof AppError && e.status === 403,
    );

    await decideProposal(db, coordinator(), GRONINGEN.id, id, {
      conditions: oneNotMet,
      decision: 'granted',
      reasons: 'Onderzoek volgt in 2012',
      grantedCents: null,
    });
    const p = await getProposal(db, coordinator(), GRONINGEN.id, id, 'nl');
    assert.equal(p.decision, 'granted');
    assert.equal(p.grantedCents, 12_500_000, 'granted without an amount: the amount requested');
    assert.equal(p.decidedOn, '2026-11-23');
    assert.deepEqual(p.conditions['5'], { met: false, evidence: 'Geen tevredenheidsonderzoek' });
    assert.equal(p.reasons, 'Onderzoek volgt in 2012');
  });
});
