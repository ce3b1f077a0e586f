import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { testConfig } from '../../../platform/config.ts';
import { addMembership, createUser } from '../../people/people.service.ts';
import { DEADLINE_JOB, RETENTION_JOB, signalsJobs, signalsRecurringJobs } from './jobs.ts';
import { reminderFrom } from './deadlines.service.ts';
import { saveJobSettings, DEFAULT_JOB_SETTINGS } from './jobs.settings.ts';
import { createSignal, getSignalById, transitionSignal } from '../signals.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import type { SignalState } from '../workflow.ts';

describe('deadline reminders and escalation (signals.deadlines job)', () => {
  const ctx = useTestApp();
  const config = testConfig();
  const db = () => ctx.database.db;
  let k: TenantFixture;
  let g: TenantFixture;
  const seen = new Set<string>();
  const links = { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug };

  /** Run the job at the clock's time; returns the reminder/escalation mails it queued. */
  async function run(): Promise<{ to: string; subject: string; text: string; tenant: string | null }[]> {
    await signalsJobs[DEADLINE_JOB]!({ db: db(), config, payload: {}, tenantId: null, now: ctx.clock.now() });
    const rows = await db()
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'subject', 'text_body', 'tenant_id'])
      .orderBy('to_address')
      .execute();
    const fresh = rows.filter((r) => !seen.has(r.id) && /^(Herinnering|Termijn verlopen)/.test(r.subject));
    for (const r of rows) seen.add(r.id);
    return fresh.map((r) => ({ to: r.to_address, subject: r.subject, text: r.text_body, tenant: r.tenant_id }));
  }

  async function member(tenantId: string, email: string, role: 'professional' | 'coordinator', organisationId: string | null) {
    const { id } = await createUser(db(), { email, name: email.split('@')[0]! });
    await addMembership(db(), { tenantId, userId: id, organisationId, role });
  }

  async function move(tenantId: string, signalId: string, to: SignalState) {
    const now = ctx.clock.now();
    await transitionSignal(db(), {
      tenantId,
      signalId,
      to,
      actorUserId: null,
      locale: 'nl',
      links,
      now,
      principal: systemPrincipal(tenantId, now),
    });
  }

  let playground: string; // speelplek, 5 working days, routed to the municipality
  let lonely: string; // eenzaamheid (sensitive), 3 working days, routed to welfare
  let paused: string; // speelplek, on hold

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    g = await setupTenant(db(), GRONINGEN);
    await member(k.id, 'p1@gemeente.test', 'professional', k.municipality);
    await member(k.id, 'p2@gemeente.test', 'professional', k.municipality);
    await member(k.id, 'p3@welzijn.test', 'professional', k.welfare);
    await member(k.id, 'coord@krimpen.test', 'coordinator', null);
    await member(g.id, 'p@groningen.test', 'professional', g.municipality);
    await member(g.id, 'coord@groningen.test', 'coordinator', null);
    ctx.clock.set(NOW); // Monday 23 November 2026, 11:00 in Amsterdam
    const now = ctx.clock.now();
    playground = (await createSignal(db(), newSignal({ category: { serviceCode: 'speelplek' }, now, idempotencyKey: 'a' }))).signal.id;
    lonely = (
      await createSignal(
        db(),
        newSignal({
          category: { serviceCode: 'eenzaamheid' },
          description: 'Mevrouw Jansen op nummer 4 komt al weken niet buiten.',
          reporter: { name: 'Mevrouw Melder', email: 'melder@example.nl', phone: '0612345678' },
          now,
          idempotencyKey: 'b',
        }),
      )
    ).signal.id;
    paused = (await createSignal(db(), newSignal({ category: { serviceCode: 'speelplek' }, now, idempotencyKey: 'c' }))).signal.id;
    await move(k.id, paused, 'on_hold');
    await run(); // confirmation mails etc. are "seen"
  });

  it('computes the reminder moment in working days before the deadline, at 08:00 in Amsterdam', () => {
    // Deadline Monday 30 November 2026 (end of day): one working day before is Friday 27 November.
    assert.equal(reminderFrom(new Date('2026-11-30T22:59:59.999Z'), 1)!.toISOString(), '2026-11-27T07:00:00.000Z');
    assert.equal(reminderFrom(new Date('2026-11-30T22:59:59.999Z'), 3)!.toISOString(), '2026-11-25T07:00:00.000Z');
    // Deadline Monday 28 December 2026: Christmas (Fri 25, Sat 26) and the weekend are skipped.
    assert.equal(reminderFrom(new Date('2026-12-28T22:59:59.999Z'), 1)!.toISOString(), '2026-12-24T07:00:00.000Z');
    assert.equal(reminderFrom(new Date('2026-12-28T22:59:59.999Z'), 0), null);
  });

  it('sends nothing before the reminder moment', async () => {
    const s = await getSignalById(db(), systemPrincipal(k.id, NOW), k.id, lonely);
    assert.equal(s.deadline_at!.toISOString(), '2026-11-26T22:59:59.999Z', 'eenzaamheid: 3 working days');
    ctx.clock.set('2026-11-25T06:59:00Z');
    assert.deepEqual(await run(), []);
  });

  it('reminds the routed organisation once, without reporter details or the description', async () => {
    ctx.clock.set('2026-11-25T07:01:00Z');
    const mails = await run();
    assert.deepEqual(
      mails.map((m) => m.to),
      ['p3@welzijn.test'],
      'only the welfare professionals',
    );
    const s = await getSignalById(db(), systemPrincipal(k.id, NOW), k.id, lonely);
    const m = mails[0]!;
    assert.match(m.subject, new RegExp(s.public_id));
    assert.match(m.text, /Eenzaamheid of isolement/);
    assert.match(m.text, /donderdag 26 november 2026/);
    assert.match(m.text, new RegExp(`http://localhost:3000/${KRIMPEN.slug}/meldingen/behandelen/${s.public_id}`));
    for (const secret of ['Jansen', 'Melder', 'melder@example.nl', '0612345678', 'nummer 4']) {
      assert.doesNotMatch(m.text + m.subject, new RegExp(secret));
    }
    assert.ok(s.reminded_at);
    ctx.clock.advance(60 * 60 * 1000);
    assert.deepEqual(await run(), [], 'running again sends nothing twice');
  });

  it('escalates to the coordinators once when the deadline has passed', async () => {
    ctx.clock.set('2026-11-26T22:59:00Z');
    assert.deepEqual(await run(), [], 'not yet passed');
    ctx.clock.set('2026-11-26T23:00:01Z');
    const mails = await run();
    assert.deepEqual(
      mails.map((m) => [m.to, m.subject.startsWith('Termijn verlopen')]),
      [['coord@krimpen.test', true]],
    );
    assert.doesNotMatch(mails[0]!.text, /Jansen|Melder|melder@example\.nl/);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', lonely)
      .where('action', '=', 'escalate')
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(await run(), [], 'idempotent');
  });

  it('reminds and escalates a public-space signal; a signal on hold gets neither', async () => {
    ctx.clock.set('2026-11-27T07:01:00Z');
    const reminders = await run();
    assert.deepEqual(
      reminders.map((m) => m.to),
      ['p1@gemeente.test', 'p2@gemeente.test'],
    );
    assert.match(reminders[0]!.text, /Speelplek/);
    ctx.clock.set('2026-12-01T00:00:00Z');
    const escalations = await run();
    assert.deepEqual(
      escalations.map((m) => m.to),
      ['coord@krimpen.test'],
      'one escalation (the playground); none for the paused signal',
    );
    const p = await getSignalById(db(), systemPrincipal(k.id, NOW), k.id, paused);
    assert.equal(p.reminded_at, null);
    assert.equal(p.escalated_at, null);
  });

  it('gives a reopened signal a new deadline, then reminds and escalates again', async () => {
    ctx.clock.set('2026-12-01T10:00:00Z');
    await move(k.id, playground, 'afgehandeld');
    ctx.clock.set('2026-12-02T10:00:00Z'); // Wednesday
    await move(k.id, playground, 'heropend');
    ctx.clock.set('2026-12-02T10:30:00Z');
    assert.deepEqual(await run(), [], 'no escalation for the old deadline');
    const s = await getSignalById(db(), systemPrincipal(k.id, NOW), k.id, playground);
    assert.equal(s.deadline_at!.toISOString(), '2026-12-09T22:59:59.999Z', '5 working days after reopening');
    ctx.clock.set('2026-12-08T07:01:00Z');
    assert.deepEqual(
      (await run()).map((m) => m.to),
      ['p1@gemeente.test', 'p2@gemeente.test'],
    );
    ctx.clock.set('2026-12-09T23:00:00Z');
    assert.deepEqual(
      (await run()).map((m) => m.to),
      ['coord@krimpen.test'],
    );
    assert.deepEqual(await run(), []);
  });

  it('honours the tenant settings: no reminder with 0 days, no escalation when off; other tenants unaffected', async () => {
    ctx.clock.set('2026-12-14T09:00:00Z'); // Monday
    await saveJobSettings(db(), {
      tenantId: g.id,
      settings: { ...DEFAULT_JOB_SETTINGS, reminderDays: 0, escalationEnabled: false },
      actorUserId: null,
      now: ctx.clock.now(),
    });
    const gs = (
      await createSignal(
        db(),
        newSignal({
          tenantId: g.id,
          category: { serviceCode: 'speelplek' },
          ...GRONINGEN_POINT,
          address: null,
          links: { baseUrl: 'http://localhost:3000', tenantSlug: g.slug },
          now: ctx.clock.now(),
          idempotencyKey: 'g',
        }),
      )
    ).signal;
    const ks = (await createSignal(db(), newSignal({ category: { serviceCode: 'speelplek' }, now: ctx.clock.now(), idempotencyKey: 'k2' })))
      .signal;
    await run();
    ctx.clock.set('2026-12-18T07:01:00Z'); // Friday: the reminder moment in Krimpen (deadline Monday 21 December)
    assert.deepEqual(
      (await run()).map((m) => [m.to, m.subject.includes(ks.public_id)]),
      [
        ['p1@gemeente.test', true],
        ['p2@gemeente.test', true],
      ],
    );
    ctx.clock.set('2026-12-22T12:00:00Z');
    const after = await run();
    assert.deepEqual(
      after.map((m) => m.to),
      ['coord@krimpen.test'],
    );
    assert.ok(after.every((m) => m.tenant === k.id && !m.subject.includes(gs.public_id)));
    const g2 = await getSignalById(db(), systemPrincipal(g.id, NOW), g.id, gs.id);
    assert.equal(g2.reminded_at, null);
    assert.equal(g2.escalated_at, null);
  });

  it('is recurring: each run enqueues the next one an hour later', async () => {
    assert.ok(signalsRecurringJobs.includes(DEADLINE_JOB) && signalsRecurringJobs.includes(RETENTION_JOB));
    ctx.clock.set('2027-01-04T10:00:00Z');
    await run();
    const next = await db()
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', DEADLINE_JOB)
      .where('status', '=', 'pending')
      .orderBy('run_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(next.run_at.toISOString(), '2027-01-04T11:00:00.000Z');
  });
});
