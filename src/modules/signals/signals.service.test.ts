import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { raceOnlyOnPostgres } from '../../../test/helpers/db.ts';
import { AppError } from '../../platform/errors.ts';
import { translator } from '../../platform/i18n/index.ts';
import { createSignal, getSignal, listSignals, signalHistory, transitionSignal } from './signals.service.ts';
import { systemPrincipal } from '../../platform/principal.ts';
import {
  GRONINGEN,
  KRIMPEN,
  KRIMPEN_POINT,
  NOW,
  OUTSIDE_POINT,
  newSignal,
  setupTenant,
  type TenantFixture,
} from './signals.test-support.ts';
import { resolveTrackingToken } from './tracking/tracking.service.ts';

function rejects(status: number, field?: string, key?: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, status, e.message);
    if (field) assert.equal(e.fields?.[field], key, JSON.stringify(e.fields));
    return true;
  };
}

describe('signals service', () => {
  const t = useTestDb();
  let k: TenantFixture;
  let g: TenantFixture;
  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;

  before(async () => {
    k = await setupTenant(t.database.db, KRIMPEN);
    g = await setupTenant(t.database.db, GRONINGEN);
  });

  it('creates a signal: numbered, located, routed, deadline in working days, history, token and confirmation mail', async () => {
    const mailsBefore = await count('mail_outbox');
    const r = await createSignal(t.database.db, newSignal());
    assert.equal(r.replayed, false);
    assert.match(r.signal.public_id, /^SIG-2026-\d{6}$/);
    assert.equal(r.signal.state, 'gemeld');
    assert.equal(r.signal.wijk_code?.startsWith('WK0542'), true);
    assert.equal(r.signal.organisation_id, k.municipality, 'no rule matches verlichting: the default desk');
    // 10 working days from Monday 23 Nov 2026: Monday 7 Dec, end of day in Amsterdam.
    assert.equal(r.signal.deadline_at!.toISOString(), '2026-12-07T22:59:59.999Z');
    const history = await signalHistory(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, r.signal.id);
    assert.deepEqual(
      history.map((h) => [h.from_state, h.to_state]),
      [[null, 'gemeld']],
    );
    assert.ok(r.trackingToken);
    const resolved = await resolveTrackingToken(t.database.db, KRIMPEN.id, r.trackingToken, NOW);
    assert.deepEqual(resolved, { signalId: r.signal.id, reporter: true });
    assert.equal(await resolveTrackingToken(t.database.db, GRONINGEN.id, r.trackingToken, NOW), null, 'a token works only in its tenant');
    assert.equal(await count('mail_outbox'), mailsBefore + 1);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', 'like', `%${r.signal.public_id}%`)
      .executeTakeFirstOrThrow();
    assert.ok(mail.text_body.includes(`/krimpen-aan-den-ijssel/meldingen/volgen/${r.trackingToken}`));
    assert.ok(mail.subject.includes(r.signal.public_id));
  });

  it('numbers signals per tenant and year, uniquely, without an order that counts them (security finding 4)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await createSignal(t.database.db, newSignal({ description: `Nummer ${i}` }))).signal.public_id);
    for (const id of ids) assert.match(id, /^SIG-2026-\d{6}$/);
    assert.equal(new Set(ids).size, ids.length);
    const numbers = ids.map((id) => Number(id.slice(-6)));
    // In sequence, the distance between two numbers would be the number of signals filed in between.
    assert.ok(
      numbers.some((n, i) => i > 0 && n !== numbers[i - 1]! + 1),
      `consecutive: ${ids.join(' ')}`,
    );
    assert.notDeepEqual(
      numbers,
      [...numbers].sort((x, y) => x - y),
      `in creation order: ${ids.join(' ')}`,
    );
    const gr = await createSignal(
      t.database.db,
      newSignal({ tenantId: GRONINGEN.id, latitude: 53.2194, longitude: 6.5665, links: { baseUrl: 'http://x', tenantSlug: 'groningen' } }),
    );
    assert.match(gr.signal.public_id, /^SIG-2026-\d{6}$/);
    assert.notEqual(gr.signal.public_id, 'SIG-2026-000001', 'a first signal does not show that it is the first');
  });

  it('routes by rule: first match wins, group rules, default desk', async () => {
    const buren = await createSignal(t.database.db, newSignal({ category: { serviceCode: 'burenoverlast' } }));
    assert.equal(buren.signal.organisation_id, k.housing);
    const care = await createSignal(t.database.db, newSignal({ category: { serviceCode: 'eenzaamheid' }, answers: {} }));
    assert.equal(care.signal.organisation_id, k.welfare);
    const gCare = await createSignal(
      t.database.db,
      newSignal({ tenantId: GRONINGEN.id, category: { serviceCode: 'eenzaamheid' }, latitude: 53.2194, longitude: 6.5665 }),
    );
    assert.equal(gCare.signal.organisation_id, g.welfare, 'rules of the own tenant');
  });

  it('a replayed idempotency key creates one signal and one mail', async () => {
    const before = await count('signals_signals');
    const mails = await count('mail_outbox');
    const a = await createSignal(t.database.db, newSignal({ idempotencyKey: 'form-abc' }));
    const b = await createSignal(t.database.db, newSignal({ idempotencyKey: 'form-abc', description: 'anders' }));
    assert.equal(b.replayed, true);
    assert.equal(b.signal.id, a.signal.id);
    assert.equal(b.trackingToken, null);
    assert.equal(await count('signals_signals'), before + 1);
    assert.equal(await count('mail_outbox'), mails + 1);
  });

  it('a replay gives the first signal back even after its category was switched off', async () => {
    const first = await createSignal(
      t.database.db,
      newSignal({ category: { serviceCode: 'bestrating' }, answers: {}, idempotencyKey: 'form-off' }),
    );
    const off = () =>
      t.database.db.updateTable('signals_categories').where('tenant_id', '=', KRIMPEN.id).where('service_code', '=', 'bestrating');
    await off().set({ active: false }).execute();
    try {
      const again = await createSignal(
        t.database.db,
        newSignal({ category: { serviceCode: 'bestrating' }, answers: {}, idempotencyKey: 'form-off' }),
      );
      assert.equal(again.replayed, true);
      assert.equal(again.signal.id, first.signal.id);
      await assert.rejects(
        createSignal(t.database.db, newSignal({ category: { serviceCode: 'bestrating' }, answers: {}, idempotencyKey: 'form-off-2' })),
        rejects(422, 'category', 'signals.error.category'),
      );
    } finally {
      await off().set({ active: true }).execute();
    }
  });

  it('a new signal is few round trips: category and replay check, area version, the signal with its first step, the rest together', async () => {
    // Statements that return a result (the transaction's begin and commit are not counted).
    let statements = 0;
    const counting = t.database.db.withPlugin({
      transformQuery: (args) => args.node,
      transformResult: async (args) => {
        statements++;
        return args.result;
      },
    });
    await createSignal(counting, newSignal({ description: 'Eerst de vlakken in het geheugen.' }));
    statements = 0;
    const mails = await count('mail_outbox');
    const r = await createSignal(counting, newSignal({ idempotencyKey: 'form-round-trips' }));
    assert.equal(r.replayed, false);
    // A new block of numbers (numbers.ts) costs one more statement once in 32 signals; this one comes from the block.
    assert.equal(statements, 4);
    assert.equal(await count('mail_outbox'), mails + 1, 'the mail went with the signal');
  });

  it('the same idempotency key sent three times at once creates one signal', { skip: raceOnlyOnPostgres() }, async () => {
    const before = await count('signals_signals');
    const concurrent = await Promise.all([1, 2, 3].map(() => createSignal(t.database.db, newSignal({ idempotencyKey: 'form-race' }))));
    assert.equal(new Set(concurrent.map((c) => c.signal.id)).size, 1);
    assert.equal(await count('signals_signals'), before + 1);
  });

  it('refuses bad input clearly and stores nothing', async () => {
    const before = await count('signals_signals');
    const mails = await count('mail_outbox');
    await assert.rejects(
      createSignal(t.database.db, newSignal({ category: { serviceCode: 'bestaat-niet' } })),
      rejects(422, 'category', 'signals.error.category'),
    );
    await assert.rejects(createSignal(t.database.db, newSignal({ ...OUTSIDE_POINT })), rejects(422, 'location', 'signals.error.outside'));
    await assert.rejects(
      createSignal(t.database.db, newSignal({ latitude: 200, longitude: 4 })),
      rejects(422, 'location', 'signals.error.coordinates'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ latitude: null, longitude: null, address: null })),
      rejects(422, 'location', 'signals.error.locationRequired'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ description: 'x'.repeat(5 * 1024 * 1024) })),
      rejects(422, 'description', 'signals.error.descriptionTooLong'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ description: '   ' })),
      rejects(422, 'description', 'signals.error.descriptionRequired'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ reporter: {}, wantsFeedback: true })),
      rejects(422, 'email', 'signals.error.emailFeedback'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ category: { serviceCode: 'geldzorgen' }, reporter: {}, wantsFeedback: false })),
      rejects(422, 'email', 'signals.error.emailSensitive'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ reporter: { email: 'geen-adres' } })),
      rejects(422, 'email', 'signals.error.email'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ category: { serviceCode: 'afval' } })),
      rejects(422, 'answer_soort_afval', 'signals.error.answerRequired'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ category: { serviceCode: 'afval' }, answers: { soort_afval: 'Kernafval' } })),
      rejects(422, 'answer_soort_afval', 'signals.error.answerChoice'),
    );
    await assert.rejects(
      createSignal(t.database.db, newSignal({ category: { serviceCode: 'verkeer' }, answers: { direct_gevaar: 'ja' } })),
      (e: unknown) => {
        assert.ok(e instanceof AppError && e.code === 'hard_stop' && e.message === 'signals.error.hardStop');
        assert.ok(translator('nl')('signals.error.hardStop', e.vars).includes('112'), 'the coordinator-written hard stop is shown');
        return true;
      },
    );
    assert.equal(await count('signals_signals'), before);
    assert.equal(await count('mail_outbox'), mails);
  });

  it('accepts a public-space signal without contact details, by address only', async () => {
    const r = await createSignal(
      t.database.db,
      newSignal({ reporter: {}, wantsFeedback: false, latitude: null, longitude: null, address: 'Hoek Kerkdreef' }),
    );
    assert.equal(r.signal.reporter_email, null);
    assert.equal(r.signal.buurt_code, null);
    const ok = await createSignal(t.database.db, newSignal({ category: { serviceCode: 'verkeer' }, answers: { direct_gevaar: 'nee' } }));
    assert.deepEqual(ok.signal.answers, { direct_gevaar: 'nee' });
  });

  it('moves through the workflow, refuses illegal steps and mails public steps to reporter and followers', async () => {
    const { signal } = await createSignal(t.database.db, newSignal());
    const base = {
      tenantId: KRIMPEN.id,
      signalId: signal.id,
      actorUserId: null,
      locale: 'nl' as const,
      links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
      now: NOW,
      principal: systemPrincipal(KRIMPEN.id, NOW),
    };
    await assert.rejects(transitionSignal(t.database.db, { ...base, to: 'heropend' }), (e: unknown) => {
      assert.ok(e instanceof AppError && e.status === 409 && e.code === 'illegal_transition');
      assert.deepEqual(e.vars, { from: 'gemeld', to: 'heropend' });
      return true;
    });
    const mails = await count('mail_outbox');
    await transitionSignal(t.database.db, { ...base, to: 'on_hold', internalNote: 'wacht op aannemer' });
    assert.equal(await count('mail_outbox'), mails, 'on hold is not a public step');
    await transitionSignal(t.database.db, { ...base, to: 'ingepland', publicMessage: 'Volgende week komt de monteur.' });
    assert.equal(await count('mail_outbox'), mails + 1);
    const closed = await transitionSignal(t.database.db, { ...base, to: 'afgehandeld', publicMessage: 'De lamp is vervangen.' });
    assert.equal(closed.state, 'afgehandeld');
    assert.ok(closed.closed_at);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('subject', '=', `Nieuws over melding ${signal.public_id}: Afgehandeld`)
      .executeTakeFirstOrThrow();
    assert.ok(mail.text_body.includes('De lamp is vervangen.'));
    assert.ok(mail.text_body.includes('tevreden'));
    await assert.rejects(transitionSignal(t.database.db, { ...base, to: 'in_behandeling' }), rejects(409));
    const pub = await signalHistory(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signal.id, { publicOnly: true });
    assert.deepEqual(
      pub.map((h) => h.to_state),
      ['gemeld', 'ingepland', 'afgehandeld'],
    );
    assert.ok(pub.every((h) => h.internal_note === null));
    const all = await signalHistory(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signal.id);
    assert.equal(all.find((h) => h.to_state === 'on_hold')?.internal_note, 'wacht op aannemer');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'signal')
      .where('entity_id', '=', signal.id)
      .where('action', '=', 'update')
      .execute();
    assert.equal(audit.length, 3);
  });

  it('refuses closing while network actions are open', async () => {
    const { signal } = await createSignal(t.database.db, newSignal());
    await t.database.db
      .insertInto('signals_actions')
      .values({
        tenant_id: KRIMPEN.id,
        signal_id: signal.id,
        organisation_id: k.housing,
        description: 'huisbezoek',
        owner_user_id: null,
        due_date: null,
        result: null,
        created_by: null,
        created_at: NOW,
        updated_at: NOW,
      })
      .execute();
    await assert.rejects(
      transitionSignal(t.database.db, {
        tenantId: KRIMPEN.id,
        signalId: signal.id,
        to: 'afgehandeld',
        actorUserId: null,
        locale: 'nl',
        links: { baseUrl: 'x', tenantSlug: 'k' },
        now: NOW,
        principal: systemPrincipal(KRIMPEN.id, NOW),
      }),
      rejects(409),
    );
    assert.equal((await getSignal(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, signal.public_id)).state, 'gemeld');
    const visible = await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, { visibleToOrganisations: [k.housing] });
    assert.ok(
      visible.some((s) => s.id === signal.id),
      'an organisation with an action sees the signal',
    );
  });

  it('lists with filters and never across tenants', async () => {
    const sensitive = await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, { sensitive: true });
    assert.ok(sensitive.length > 0 && sensitive.every((s) => s.sensitive));
    const welfare = await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, { visibleToOrganisations: [k.welfare] });
    assert.ok(welfare.length > 0 && welfare.every((s) => s.organisation_id === k.welfare));
    assert.deepEqual(
      await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, { visibleToOrganisations: [g.welfare] }),
      [],
    );
    assert.deepEqual(await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, { visibleToOrganisations: [] }), []);
    const overdue = await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id, {
      overdueAt: new Date('2027-06-01T00:00:00Z'),
    });
    assert.ok(overdue.length > 0 && overdue.every((s) => s.closed_at === null));
    const all = await listSignals(t.database.db, systemPrincipal(KRIMPEN.id, NOW), KRIMPEN.id);
    assert.ok(all.every((s) => s.tenant_id === KRIMPEN.id));
    // Public ids are numbered per municipality, so Groningen may have its own signal with the same
    // number: looking up a Krimpen number in Groningen gives Groningen's signal or a 404, never Krimpen's.
    for (const mine of all) {
      const there = await getSignal(t.database.db, systemPrincipal(GRONINGEN.id, NOW), GRONINGEN.id, mine.public_id).catch(
        (err: unknown) => {
          assert.ok(rejects(404)(err), 'only a 404 may be thrown');
          return null;
        },
      );
      if (there) assert.ok(there.tenant_id === GRONINGEN.id && there.id !== mine.id);
    }
    await assert.rejects(getSignal(t.database.db, systemPrincipal(GRONINGEN.id, NOW), GRONINGEN.id, 'SIG-1999-000001'), rejects(404));
    void KRIMPEN_POINT;
  });
});
