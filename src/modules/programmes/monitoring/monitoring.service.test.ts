import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, buildOrganisation, buildTenant } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { compare, formByCode, makeInvitations, programmeMonitoring, projectMonitoring, submitMonitoring } from './monitoring.service.ts';
import { buildProgrammeWithProject, fullAnswers, principal } from './monitoring.test-support.ts';
import type { ResponseRow } from './monitoring.store.ts';

const BEFORE_END = new Date('2026-11-23T10:00:00Z');
const END_DAY = new Date('2026-12-31T10:00:00Z');
const AFTER_END = new Date('2027-01-04T10:00:00Z');

const status = (err: unknown) => (err instanceof AppError ? `${err.status} ${err.message}` : String(err));

describe('programmes: project monitoring (expectations and effects)', () => {
  const ctx = useTestDb();
  let org = '';
  let otherOrg = '';
  before(async () => {
    await buildTenant(ctx.database.db, KRIMPEN);
    await buildTenant(ctx.database.db, GRONINGEN);
    org = (await buildOrganisation(ctx.database.db, { tenantId: KRIMPEN.id, name: 'Facet' })).id;
    otherOrg = (await buildOrganisation(ctx.database.db, { tenantId: KRIMPEN.id, name: 'Seniorenplatform' })).id;
  });

  const coordinator = (now = BEFORE_END) => principal(KRIMPEN.id, now, ['coordinator']);
  const anyone = (now = BEFORE_END) => principal(KRIMPEN.id, now);
  const count = async (projectId: string) =>
    Number(
      (
        await ctx.database.db
          .selectFrom('programme_project_monitor_responses')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('project_id', '=', projectId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps only hashes of the codes, and takes one expectations form per code: a second answer is refused', async () => {
    const db = ctx.database.db;
    const { projectId } = await buildProgrammeWithProject(db, KRIMPEN.id);
    const [code] = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId,
      phase: 'expectation',
      role: 'resident',
      kind: 'link',
      count: 1,
    });
    assert.match(code!, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const stored = await db
      .selectFrom('programme_project_monitor_invitations')
      .select('code_hash')
      .where('project_id', '=', projectId)
      .execute();
    assert.equal(stored.length, 1);
    assert.ok(!stored[0]!.code_hash.includes(code!.replace('-', '')), 'the code itself is not stored');

    const form = await formByCode(db, anyone(), { tenantId: KRIMPEN.id, code: code!.toLowerCase(), locale: 'nl' });
    assert.equal(form.phase, 'expectation');
    assert.equal(form.role, 'resident');
    assert.deepEqual(form.scaleKeys, ['added', 'contact', 'participation', 'meaning']);
    await submitMonitoring(db, anyone(), {
      tenantId: KRIMPEN.id,
      code: code!,
      body: { ...fullAnswers('expectation'), open: 'Meer mensen leren elkaar kennen' },
      locale: 'nl',
    });
    assert.equal(await count(projectId), 1);

    await assert.rejects(
      submitMonitoring(db, anyone(), { tenantId: KRIMPEN.id, code: code!, body: fullAnswers('expectation', '2'), locale: 'nl' }),
      (e) => status(e) === '409 programmes.monitoring.error.codeUsed',
    );
    await assert.rejects(
      formByCode(db, anyone(), { tenantId: KRIMPEN.id, code: code!, locale: 'nl' }),
      (e) => status(e) === '409 programmes.monitoring.error.codeUsed',
    );
    assert.equal(await count(projectId), 1, 'nothing written the second time');
    // A response holds no code, no invitation and no person.
    const row = await db
      .selectFrom('programme_project_monitor_responses')
      .selectAll()
      .where('project_id', '=', projectId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(Object.keys(row).sort(), [
      'answers',
      'channel',
      'id',
      'is_demo',
      'phase',
      'project_id',
      'respondent_role',
      'submitted_on',
      'tenant_id',
    ]);
    assert.deepEqual(row.answers, { added: 4, contact: 4, participation: 4, meaning: 4, open: 'Meer mensen leren elkaar kennen' });
  });

  it('refuses the effects form before the project ended, with the end day, and takes it after on the clock', async () => {
    const db = ctx.database.db;
    const { projectId } = await buildProgrammeWithProject(db, KRIMPEN.id, { plannedEnd: '2026-12-31' });
    const [code] = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId,
      phase: 'effect',
      role: 'professional',
      kind: 'link',
      count: 1,
    });
    for (const now of [BEFORE_END, new Date('2026-12-30T22:30:00Z')]) {
      await assert.rejects(formByCode(db, anyone(now), { tenantId: KRIMPEN.id, code: code!, locale: 'nl' }), (e) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, 409);
        assert.equal(e.message, 'programmes.monitoring.error.notEnded');
        assert.deepEqual(e.vars, { end: '2026-12-31' });
        return true;
      });
      await assert.rejects(
        submitMonitoring(db, anyone(now), { tenantId: KRIMPEN.id, code: code!, body: fullAnswers('effect'), locale: 'nl' }),
        (e) => status(e) === '409 programmes.monitoring.error.notEnded',
      );
    }
    assert.equal(await count(projectId), 0);
    // The code was not used by the refusals: on the end day itself the form is open.
    const form = await formByCode(db, anyone(END_DAY), { tenantId: KRIMPEN.id, code: code!, locale: 'nl' });
    assert.deepEqual(form.scaleKeys, ['added', 'contact', 'participation', 'meaning', 'expectations_met']);
    await submitMonitoring(db, anyone(AFTER_END), { tenantId: KRIMPEN.id, code: code!, body: fullAnswers('effect', '5'), locale: 'nl' });
    assert.equal(await count(projectId), 1);
  });

  it('counts the actual end before the planned end, and refuses effects for a project without an end day', async () => {
    const db = ctx.database.db;
    const early = await buildProgrammeWithProject(db, KRIMPEN.id, { plannedEnd: '2027-06-30', actualEnd: '2026-11-01' });
    const [a] = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId: early.projectId,
      phase: 'effect',
      role: 'resident',
      kind: 'link',
      count: 1,
    });
    assert.equal((await formByCode(db, anyone(), { tenantId: KRIMPEN.id, code: a!, locale: 'nl' })).project.endDay, '2026-11-01');
    const open = await buildProgrammeWithProject(db, KRIMPEN.id, { plannedEnd: null });
    const [b] = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId: open.projectId,
      phase: 'effect',
      role: 'resident',
      kind: 'link',
      count: 1,
    });
    await assert.rejects(
      formByCode(db, anyone(AFTER_END), { tenantId: KRIMPEN.id, code: b!, locale: 'nl' }),
      (e) => status(e) === '409 programmes.monitoring.error.noEnd',
    );
  });

  it('checks the answers (1-5, open text up to 1000), leaves the code unused on a mistake, and lets paper leave a question empty', async () => {
    const db = ctx.database.db;
    const { projectId } = await buildProgrammeWithProject(db, KRIMPEN.id);
    const [link, paper] = [
      (
        await makeInvitations(db, coordinator(), {
          tenantId: KRIMPEN.id,
          projectId,
          phase: 'expectation',
          role: 'resident',
          kind: 'link',
          count: 1,
        })
      )[0]!,
      (
        await makeInvitations(db, coordinator(), {
          tenantId: KRIMPEN.id,
          projectId,
          phase: 'expectation',
          role: 'resident',
          kind: 'paper',
          count: 1,
        })
      )[0]!,
    ];
    await assert.rejects(
      submitMonitoring(db, anyone(), {
        tenantId: KRIMPEN.id,
        code: link,
        body: { ...fullAnswers('expectation'), added: '6', contact: '', open: 'x'.repeat(1001) },
        locale: 'nl',
      }),
      (e) => {
        assert.ok(e instanceof AppError);
        assert.equal(e.status, 422);
        assert.deepEqual(e.fields, {
          added: 'programmes.monitoring.error.scale',
          contact: 'programmes.monitoring.error.scale',
          open: 'programmes.monitoring.error.open',
        });
        return true;
      },
    );
    // A link code is not a paper form, and a volunteer is needed to enter paper.
    const volunteer = principal(KRIMPEN.id, BEFORE_END, ['volunteer']);
    await assert.rejects(
      formByCode(db, volunteer, { tenantId: KRIMPEN.id, code: link, paper: true, locale: 'nl' }),
      (e) => status(e) === '422 error.invalid',
    );
    await assert.rejects(
      submitMonitoring(db, anyone(), { tenantId: KRIMPEN.id, code: paper, paper: true, body: {}, locale: 'nl' }),
      (e) => status(e) === '403 error.forbidden',
    );
    await submitMonitoring(db, volunteer, { tenantId: KRIMPEN.id, code: paper, paper: true, body: { added: '3' }, locale: 'nl' });
    await submitMonitoring(db, anyone(), { tenantId: KRIMPEN.id, code: link, body: fullAnswers('expectation'), locale: 'nl' });
    const rows = await db
      .selectFrom('programme_project_monitor_responses')
      .select(['channel', 'answers'])
      .where('project_id', '=', projectId)
      .orderBy('channel')
      .execute();
    assert.deepEqual(rows, [
      { channel: 'link', answers: { added: 4, contact: 4, participation: 4, meaning: 4, open: null } },
      { channel: 'paper', answers: { added: 3, contact: null, participation: null, meaning: null, open: null } },
    ]);
  });

  it('lets a professional invite only for cards of their organisation, and nobody reach another municipality', async () => {
    const db = ctx.database.db;
    const { projectId } = await buildProgrammeWithProject(db, KRIMPEN.id, { ownerOrganisationId: org });
    const mine = principal(KRIMPEN.id, BEFORE_END, ['professional'], [org]);
    const other = principal(KRIMPEN.id, BEFORE_END, ['professional'], [otherOrg]);
    assert.equal(
      (
        await makeInvitations(db, mine, {
          tenantId: KRIMPEN.id,
          projectId,
          phase: 'expectation',
          role: 'professional',
          kind: 'paper',
          count: 3,
        })
      ).length,
      3,
    );
    await assert.rejects(
      makeInvitations(db, other, { tenantId: KRIMPEN.id, projectId, phase: 'expectation', role: 'professional', kind: 'paper', count: 1 }),
      (e) => status(e) === '403 error.forbidden',
    );
    await assert.rejects(
      makeInvitations(db, coordinator(), {
        tenantId: KRIMPEN.id,
        projectId,
        phase: 'expectation',
        role: 'resident',
        kind: 'link',
        count: 201,
      }),
      (e) => status(e) === '422 error.invalid',
    );
    // Groningen's coordinator cannot see or invite for Krimpen's card, nor use its codes.
    const groningen = principal(GRONINGEN.id, BEFORE_END, ['coordinator']);
    await assert.rejects(projectMonitoring(db, groningen, GRONINGEN.id, projectId, 'nl'), (e) => status(e) === '404 error.notFound');
    const [code] = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId,
      phase: 'expectation',
      role: 'resident',
      kind: 'link',
      count: 1,
    });
    await assert.rejects(
      formByCode(db, principal(GRONINGEN.id, BEFORE_END), { tenantId: GRONINGEN.id, code: code!, locale: 'nl' }),
      (e) => status(e) === '422 error.invalid',
    );
    // A resident sees no results page.
    await assert.rejects(
      projectMonitoring(db, principal(KRIMPEN.id, BEFORE_END, ['resident']), KRIMPEN.id, projectId, 'nl'),
      (e) => status(e) === '403 error.forbidden',
    );
    const page = await projectMonitoring(db, mine, KRIMPEN.id, projectId, 'nl');
    assert.deepEqual(page.invitations.map((i) => [i.phase, i.role, i.kind, i.made, i.used]).sort(), [
      ['expectation', 'professional', 'paper', 3, 0],
      ['expectation', 'resident', 'link', 1, 0],
    ]);
  });

  it('sets expectations and effects side by side; groups under 5 are not shown apart', () => {
    const r = (phase: 'expectation' | 'effect', role: 'resident' | 'professional', added: number): ResponseRow => ({
      project_id: 'p',
      phase,
      respondent_role: role,
      answers: {
        added,
        contact: 3,
        participation: null,
        meaning: 4,
        ...(phase === 'effect' ? { expectations_met: 2 } : {}),
        open: `${role} ${added}`,
      },
      is_demo: false,
    });
    const rows = [
      ...[4, 4, 5, 3, 4].map((v) => r('expectation', 'resident', v)),
      ...[5, 5, 4, 4, 5, 3].map((v) => r('expectation', 'professional', v)),
      ...[3, 3, 4, 2, 3, 3].map((v) => r('effect', 'resident', v)),
      ...[4, 2].map((v) => r('effect', 'professional', v)),
    ];
    const res = compare(rows);
    assert.deepEqual(res.counts, {
      expectation: { all: 11, resident: 5, professional: 6 },
      effect: { all: 8, resident: 6, professional: 2 },
    });
    const added = res.questions.find((q) => q.key === 'added')!;
    assert.deepEqual(added.expectation, {
      all: { n: 11, mean: 4.2, suppressed: false },
      resident: { n: 5, mean: 4, suppressed: false },
      professional: { n: 6, mean: 4.3, suppressed: false },
    });
    // Two professionals after: neither they nor the residents are shown apart (the total would give them away).
    assert.deepEqual(added.effect, {
      all: { n: 8, mean: 3, suppressed: false },
      resident: { n: 6, mean: null, suppressed: true },
      professional: { n: 2, mean: null, suppressed: true },
    });
    // An unanswered question counts no answers; the effect-only question has no expectation.
    assert.deepEqual(res.questions.find((q) => q.key === 'participation')!.expectation!.all, { n: 0, mean: null, suppressed: false });
    assert.equal(res.questions.find((q) => q.key === 'expectations_met')!.expectation, null);
    assert.equal(res.open.expectation!.length, 11);
    // Fewer than 5 in a phase: no mean at all, no open answers.
    const few = compare(rows.slice(0, 3));
    assert.deepEqual(few.questions[0]!.expectation!.all, { n: 3, mean: null, suppressed: true });
    assert.equal(few.open.expectation, null);
  });

  it('aggregates a programme over its cards', async () => {
    const db = ctx.database.db;
    const { projectId, slug } = await buildProgrammeWithProject(db, KRIMPEN.id);
    const codes = await makeInvitations(db, coordinator(), {
      tenantId: KRIMPEN.id,
      projectId,
      phase: 'expectation',
      role: 'resident',
      kind: 'link',
      count: 5,
    });
    for (const [i, code] of codes.entries()) {
      await submitMonitoring(db, anyone(), { tenantId: KRIMPEN.id, code, body: fullAnswers('expectation', String(i + 1)), locale: 'nl' });
    }
    const page = await programmeMonitoring(db, coordinator(), KRIMPEN.id, slug, 'nl');
    assert.equal(page.cards.length, 1);
    assert.equal(page.total.counts.expectation.all, 5);
    assert.deepEqual(page.cards[0]!.added!.expectation!.all, { n: 5, mean: 3, suppressed: false });
    await assert.rejects(programmeMonitoring(db, anyone(), KRIMPEN.id, slug, 'nl'), (e) => status(e) === '403 error.forbidden');
  });
});
