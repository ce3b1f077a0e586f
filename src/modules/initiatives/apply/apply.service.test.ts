/**
 * Applying (issue 15): every refusal in the list is a 422 with the field named and nothing
 * written; co-signers must live in the buurt and confirm once by their link; the applicant sees
 * only their own applications; another municipality sees nothing.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { principalOf, systemPrincipal, type Principal } from '../../../platform/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { buildUser, GRONINGEN, TEST_NOW } from '../../../../test/helpers/factories.ts';
import * as facade from '../initiatives.service.ts';
import { setBudgets } from '../funds/funds.service.ts';
import { confirmCosign, cosignView, myApplications, submitApplication, trackApplication } from './apply.service.ts';
import { BUURT_A, BUURT_B, PC_B, T, goodApplication, setupAreas, setupFund } from './apply.test-support.ts';

const asResident = (userId: string, tenantId: string = T.id, now = TEST_NOW): Principal =>
  principalOf({ id: userId, mfaVerified: false, memberships: [{ tenantId, organisationId: null, role: 'resident' }] }, tenantId, now);

async function refused(p: Promise<unknown>, field: string, key?: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, 422);
    assert.ok(e.fields && field in e.fields, `expected field ${field}, got ${JSON.stringify(e.fields)}`);
    if (key) assert.equal(e.fields[field], key);
    return true;
  });
}

describe('initiatives: applying', () => {
  const ctx = useTestDb();
  const s = {} as { fundId: string; roundId: string; alice: string; bob: string };
  const count = async () => (await ctx.database.db.selectFrom('initiative_applications').select('id').execute()).length;
  const cosignerCount = async () => (await ctx.database.db.selectFrom('initiative_cosigners').select('id').execute()).length;

  before(async () => {
    const db = ctx.database.db;
    await setupAreas(db, TEST_NOW);
    const { fund, round } = await setupFund(db, TEST_NOW);
    s.fundId = fund.id;
    s.roundId = round.id;
    s.alice = (await buildUser(db, { email: 'alice@example.org' })).id;
    s.bob = (await buildUser(db, { email: 'bob@example.org' })).id;
  });

  it('stores a complete application with a reference, co-signers in the buurt, and tokens shown once', async () => {
    const r = await submitApplication(ctx.database.db, asResident(s.alice), T.id, goodApplication(s.fundId));
    assert.match(r.application.reference, /^INI-2026-0001$/);
    assert.equal(r.application.status, 'submitted');
    assert.equal(r.application.roundId, s.roundId);
    assert.equal(r.application.applicantUserId, s.alice);
    assert.equal(r.cosignerTokens.length, 2);
    const full = (await facade.getApplication(ctx.database.db, T.id, r.application.id))!;
    assert.deepEqual(
      full.cosigners.map((c) => [c.areaCode, c.confirmedOn]),
      [
        [BUURT_A, null],
        [BUURT_A, null],
      ],
    );
    assert.equal(full.cosignersComplete, false);
    // Only hashes are stored.
    const hashes = await ctx.database.db.selectFrom('initiative_cosigners').select('token_hash').execute();
    for (const t of r.cosignerTokens) assert.ok(!hashes.some((h) => h.token_hash === t.token));
  });

  it('becomes complete once enough co-signers confirm by their links; a second confirm is refused', async () => {
    const r = await submitApplication(ctx.database.db, asResident(s.alice), T.id, goodApplication(s.fundId, { title: 'Buurtmoestuin' }));
    assert.equal(r.application.reference, 'INI-2026-0002');
    const anyone = systemPrincipal(T.id, TEST_NOW);
    const anon = { ...anyone, system: undefined, roles: [] } as unknown as Principal;
    const view = await cosignView(ctx.database.db, anon, T.id, r.cosignerTokens[0]!.token);
    assert.equal(view.title, 'Buurtmoestuin');
    assert.equal(view.areaName, 'Oud Krimpen');
    await confirmCosign(ctx.database.db, anon, T.id, r.cosignerTokens[0]!.token);
    assert.equal((await facade.getApplication(ctx.database.db, T.id, r.application.id))!.cosignersComplete, false);
    await confirmCosign(ctx.database.db, anon, T.id, r.cosignerTokens[1]!.token);
    assert.equal((await facade.getApplication(ctx.database.db, T.id, r.application.id))!.cosignersComplete, true);
    await assert.rejects(confirmCosign(ctx.database.db, anon, T.id, r.cosignerTokens[1]!.token), { status: 409 });
    // The token does not work in another municipality.
    await assert.rejects(cosignView(ctx.database.db, { ...anon, tenantId: GRONINGEN.id }, GRONINGEN.id, r.cosignerTokens[0]!.token), {
      status: 404,
    });
  });

  describe('refusals: 422, the field named, nothing written', () => {
    const cases: [string, (fundId: string) => Parameters<typeof goodApplication>[1], string, string, Date?][] = [
      [
        'a co-signer from outside the buurt',
        () => ({ cosigners: [goodApplication('x').cosigners![0]!, { displayName: 'C.', postcode: PC_B }] }),
        'cosigners.1.postcode',
        'initiatives.apply.error.cosignerOutside',
      ],
      [
        'too few co-signers',
        () => ({ cosigners: [goodApplication('x').cosigners![0]!] }),
        'cosigners',
        'initiatives.apply.error.tooFewCosigners',
      ],
      [
        'above the fund maximum',
        () => ({ requestedCents: 250_001, budgetLines: [{ label: 'Alles', amountCents: 250_001 }] }),
        'requestedCents',
        'initiatives.apply.error.aboveMax',
      ],
      ['lines not adding up', () => ({ requestedCents: 75_001 }), 'budgetLines', 'initiatives.apply.error.linesMismatch'],
      ['own contribution missing', () => ({ ownInKind: '', ownMoneyCents: 0 }), 'ownInKind', 'initiatives.apply.error.ownEither'],
      ['start inside the lead time', () => ({ startsOn: '2026-12-06' }), 'startsOn', 'initiatives.apply.error.leadTime'],
      ['non-integer cents', () => ({ requestedCents: 75_000.5 }), 'requestedCents', 'initiatives.funds.error.cents'],
      [
        'negative cents in a line',
        () => ({ budgetLines: [{ label: 'Muziek', amountCents: -1 }] }),
        'budgetLines.0.amountCents',
        'initiatives.funds.error.cents',
      ],
      ['a buurt of another municipality', () => ({ areaCode: 'BU00140101' }), 'areaCode', 'initiatives.apply.error.buurt'],
      [
        'after the round closed (app clock)',
        () => ({ startsOn: '2027-03-01' }),
        'roundId',
        'initiatives.apply.error.roundClosed',
        new Date('2026-12-16T09:00:00Z'),
      ],
    ];
    for (const [name, over, field, key, now] of cases) {
      it(name, async () => {
        const before = [await count(), await cosignerCount()];
        await refused(
          submitApplication(ctx.database.db, asResident(s.alice, T.id, now), T.id, goodApplication(s.fundId, over(s.fundId))),
          field,
          key,
        );
        assert.deepEqual([await count(), await cosignerCount()], before);
      });
    }
    it('the start day exactly at the lead time is accepted (boundary)', async () => {
      const r = await submitApplication(
        ctx.database.db,
        asResident(s.bob),
        T.id,
        goodApplication(s.fundId, { startsOn: '2026-12-07', title: 'Grens' }),
      );
      assert.equal(r.application.startsOn, '2026-12-07');
    });
  });

  it('an anonymous visitor cannot apply; a resident cannot apply on behalf; a volunteer can (entered_by)', async () => {
    const anon: Principal = { userId: null, tenantId: T.id, roles: [], organisationIds: [], mfaVerified: false, now: TEST_NOW };
    await assert.rejects(submitApplication(ctx.database.db, anon, T.id, goodApplication(s.fundId)), { status: 403 });
    await assert.rejects(submitApplication(ctx.database.db, asResident(s.bob), T.id, goodApplication(s.fundId, { onBehalf: true })), {
      status: 403,
    });
    const vol = (await buildUser(ctx.database.db, { email: 'vol@example.org' })).id;
    const volunteer = principalOf(
      { id: vol, mfaVerified: false, memberships: [{ tenantId: T.id, organisationId: null, role: 'volunteer' }] },
      T.id,
      TEST_NOW,
    );
    const r = await submitApplication(
      ctx.database.db,
      volunteer,
      T.id,
      goodApplication(s.fundId, { onBehalf: true, subject: { kind: 'contact', name: 'Mevrouw D.', phone: '0612345678' }, title: 'Namens' }),
    );
    assert.equal(r.application.applicantUserId, null);
    assert.equal(r.application.enteredBy, vol);
    assert.ok((await myApplications(ctx.database.db, volunteer, T.id)).some((a) => a.id === r.application.id));
  });

  it('the applicant sees only their own applications and tracking pages', async () => {
    const mine = await myApplications(ctx.database.db, asResident(s.alice), T.id);
    assert.ok(mine.length >= 2);
    assert.ok(mine.every((a) => a.applicantUserId === s.alice));
    const bobs = await myApplications(ctx.database.db, asResident(s.bob), T.id);
    assert.ok(bobs.every((a) => a.applicantUserId === s.bob));
    const t = await trackApplication(ctx.database.db, asResident(s.alice), T.id, 'INI-2026-0001');
    assert.deepEqual(
      t.steps.map((x) => [x.key, x.done]),
      [
        ['submitted', true],
        ['received', false],
        ['inReview', false],
        ['decision', false],
        ['paid', false],
        ['accounted', false],
      ],
    );
    await assert.rejects(trackApplication(ctx.database.db, asResident(s.bob), T.id, 'INI-2026-0001'), { status: 404 });
  });

  it('isolation: another municipality sees no application, fund or round of this one', async () => {
    const other = asResident(s.alice, GRONINGEN.id);
    assert.deepEqual(await myApplications(ctx.database.db, other, GRONINGEN.id), []);
    await assert.rejects(trackApplication(ctx.database.db, other, GRONINGEN.id, 'INI-2026-0001'), { status: 404 });
    assert.deepEqual(await facade.listApplications(ctx.database.db, GRONINGEN.id), []);
    assert.deepEqual(await facade.listFunds(ctx.database.db, GRONINGEN.id), []);
    await assert.rejects(submitApplication(ctx.database.db, other, GRONINGEN.id, goodApplication(s.fundId)), { status: 404 });
    // Across the URL: a Krimpen principal acting on Groningen's id is refused outright.
    await assert.rejects(submitApplication(ctx.database.db, asResident(s.alice), GRONINGEN.id, goodApplication(s.fundId)), { status: 403 });
  });

  it('facade: open rounds for a buurt, applications per wijk, status changes', async () => {
    const open = await facade.openRoundsFor(ctx.database.db, T.id, BUURT_B, '2026-11-23');
    assert.deepEqual(
      open.map((r) => r.id),
      [s.roundId],
    );
    assert.deepEqual(await facade.openRoundsFor(ctx.database.db, T.id, BUURT_B, '2026-12-16'), []);
    const inWijk = await facade.listApplications(ctx.database.db, T.id, { areaCode: 'WK054201' });
    assert.ok(inWijk.length >= 3);
    assert.deepEqual(await facade.listApplications(ctx.database.db, T.id, { areaCode: BUURT_B }), []);
    const first = inWijk.find((a) => a.reference === 'INI-2026-0001')!;
    assert.equal(
      await facade.setApplicationStatus(ctx.database.db, T.id, first.id, 'decided', TEST_NOW, {
        decision: 'partial',
        grantedCents: 50_000,
        decidedAt: TEST_NOW,
      }),
      true,
    );
    assert.equal(await facade.setApplicationStatus(ctx.database.db, GRONINGEN.id, first.id, 'paid', TEST_NOW), false);
    // The application starts in 2027: no 2027 budget yet, then one of € 5.000.
    assert.equal(await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2027, BUURT_A), null);
    const sys = systemPrincipal(T.id, TEST_NOW);
    await setBudgets(ctx.database.db, sys, T.id, s.fundId, {
      year: 2027,
      totalCents: null,
      lines: [{ label: 'Hele gemeente', areaCodes: [], amountCents: 500_000 }],
    });
    const left = (await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2027, BUURT_A))!;
    assert.deepEqual([left.totalCents, left.grantedCents, left.leftCents], [500_000, 50_000, 450_000]);
    const left2026 = (await facade.fundBudgetLeft(ctx.database.db, T.id, s.fundId, 2026, BUURT_A))!;
    assert.deepEqual([left2026.totalCents, left2026.grantedCents], [1_000_000, 0]);
  });
});
