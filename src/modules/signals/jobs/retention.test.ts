import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { testConfig } from '../../../platform/config.ts';
import { RETENTION_JOB, signalsJobs } from './jobs.ts';
import { DEFAULT_JOB_SETTINGS, saveJobSettings } from './jobs.settings.ts';
import { createSignal, transitionSignal } from '../signals.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, NOW, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import { followSignal } from '../tracking/tracking.service.ts';
import type { SignalState } from '../workflow.ts';

describe('retention (signals.retention job) on a simulated clock', () => {
  const ctx = useTestApp();
  const config = testConfig();
  const db = () => ctx.database.db;
  let k: TenantFixture;
  let g: TenantFixture;
  const ids: Record<string, string> = {};
  const at = (months: number, minutes: number) =>
    DateTime.fromJSDate(NOW, { zone: 'Europe/Amsterdam' }).plus({ months }).plus({ minutes }).toJSDate();

  async function run(when: Date) {
    ctx.clock.set(when);
    await signalsJobs[RETENTION_JOB]!({ db: db(), config, payload: {}, tenantId: null, now: when });
  }
  const signal = (id: string) => db().selectFrom('signals_signals').selectAll().where('id', '=', id).executeTakeFirst();
  const countFor = async (table: 'signals_followers' | 'signals_tracking_tokens' | 'signals_transitions', id: string) =>
    (await db().selectFrom(table).select('signal_id').where('signal_id', '=', id).execute()).length;

  async function make(
    key: string,
    tenant: TenantFixture,
    serviceCode: string,
    states: SignalState[],
    extra: Partial<Parameters<typeof newSignal>[0]> = {},
  ) {
    const links = { baseUrl: 'http://localhost:3000', tenantSlug: tenant.slug };
    const s = (
      await createSignal(
        db(),
        newSignal({
          tenantId: tenant.id,
          category: { serviceCode },
          ...(tenant.id === g.id ? { ...GRONINGEN_POINT, address: null } : {}),
          links,
          now: NOW,
          idempotencyKey: key,
          reporter: { name: 'Mevrouw Melder', email: `${key}@example.nl`, phone: '0612345678' },
          ...extra,
        }),
      )
    ).signal;
    if (!serviceCode.startsWith('eenzaam')) {
      await followSignal(db(), s, { email: `volger-${key}@example.nl`, userId: null, sensitive: false, links, locale: 'nl', now: NOW });
    }
    for (const to of states) {
      await transitionSignal(db(), {
        tenantId: tenant.id,
        signalId: s.id,
        to,
        actorUserId: null,
        internalNote: 'Gebeld met mevrouw Jansen',
        locale: 'nl',
        links,
        now: NOW,
        principal: systemPrincipal(tenant.id, NOW),
      });
    }
    ids[key] = s.id;
  }

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    g = await setupTenant(db(), GRONINGEN);
    await make('closed', k, 'speelplek', ['afgehandeld']);
    await make('cancelled', k, 'speelplek', ['geannuleerd']);
    await make('care', k, 'eenzaamheid', ['afgehandeld'], { description: 'Mevrouw Jansen op nummer 4 komt niet meer buiten.' });
    await make('reopened', k, 'speelplek', ['afgehandeld', 'heropend']);
    await make('open', k, 'speelplek', []);
    await make('gclosed', g, 'speelplek', ['afgehandeld']);
    await make('gcancelled', g, 'speelplek', ['geannuleerd']);
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    for (const key of ['care', 'closed']) {
      await db()
        .insertInto('signals_photos')
        .values({
          tenant_id: k.id,
          signal_id: ids[key]!,
          position: 1,
          content_type: 'image/png',
          bytes: png,
          thumb: png,
          width: 1,
          height: 1,
          byte_size: png.length,
        })
        .execute();
    }
    await db()
      .insertInto('signals_feedback')
      .values({
        tenant_id: k.id,
        signal_id: ids.closed!,
        satisfied: false,
        solved: true,
        reason: 'Meneer De Vries van hiernaast was onbeleefd',
      })
      .execute();
    // Groningen keeps less: anonymise after 3 months, cancelled gone after 2, handled after 6.
    await saveJobSettings(db(), {
      tenantId: g.id,
      settings: { ...DEFAULT_JOB_SETTINGS, anonymiseAfterMonths: 3, deleteCancelledAfterMonths: 2, deleteClosedAfterMonths: 6 },
      actorUserId: null,
      now: NOW,
    });
  });

  it('per-tenant settings: Groningen is cleaned earlier, Krimpen (default job settings) untouched', async () => {
    await run(at(2, -1));
    assert.ok(await signal(ids.gcancelled!), 'just before 2 months: still there');
    await run(at(2, 1));
    assert.equal(await signal(ids.gcancelled!), undefined, 'just after 2 months: cancelled signal deleted');
    assert.equal((await signal(ids.gclosed!))!.reporter_email, 'gclosed@example.nl');
    await run(at(3, -1));
    assert.equal((await signal(ids.gclosed!))!.anonymised_at, null);
    await run(at(3, 1));
    const gc = (await signal(ids.gclosed!))!;
    assert.ok(gc.anonymised_at);
    assert.equal(gc.reporter_email, null);
    await run(at(6, 1));
    assert.equal(await signal(ids.gclosed!), undefined, 'handled signal deleted after 6 months');
    for (const key of ['closed', 'cancelled', 'care', 'reopened', 'open']) {
      const s = (await signal(ids[key]!))!;
      assert.equal(s.anonymised_at, null, key);
      assert.equal(s.reporter_email, `${key}@example.nl`, key);
    }
  });

  it('anonymises 12 months after closure: reporter, followers, tokens, feedback reason; for care signals the text and place', async () => {
    await run(at(12, -1));
    assert.equal((await signal(ids.closed!))!.reporter_name, 'Mevrouw Melder', 'just before: kept');
    assert.ok(await signal(ids.cancelled!), 'cancelled kept until 12 months');
    await run(at(12, 1));
    const c = (await signal(ids.closed!))!;
    assert.deepEqual(
      [c.reporter_name, c.reporter_email, c.reporter_phone, c.reporter_user_id, c.wants_feedback],
      [null, null, null, null, false],
    );
    assert.equal(c.description, 'De lantaarnpaal voor nummer 12 brandt niet.', 'a public-space description stays');
    assert.equal(await countFor('signals_followers', ids.closed!), 0);
    assert.equal(await countFor('signals_tracking_tokens', ids.closed!), 0);
    const fb = await db()
      .selectFrom('signals_feedback')
      .select(['reason', 'satisfied'])
      .where('signal_id', '=', ids.closed!)
      .executeTakeFirstOrThrow();
    assert.deepEqual(fb, { reason: null, satisfied: false });
    const care = (await signal(ids.care!))!;
    assert.doesNotMatch(JSON.stringify(care), /Jansen|Melder|example\.nl|0612345678/);
    assert.equal(care.latitude, null);
    assert.ok(care.buurt_code, 'the buurt stays for statistics');
    const photos = async (key: string) =>
      (await db().selectFrom('signals_photos').select('id').where('signal_id', '=', ids[key]!).execute()).length;
    assert.equal(await photos('care'), 0, 'photos of a care signal are deleted');
    assert.equal(await photos('closed'), 1, 'photos of a public-space signal stay until deletion');
    const notes = await db()
      .selectFrom('signals_transitions')
      .select(['internal_note', 'public_message'])
      .where('signal_id', '=', ids.care!)
      .execute();
    assert.ok(notes.length > 0 && notes.every((n) => n.internal_note === null && n.public_message === null));
    assert.equal(await signal(ids.cancelled!), undefined, 'cancelled deleted after 12 months');
    for (const key of ['reopened', 'open']) {
      assert.equal((await signal(ids[key]!))!.reporter_email, `${key}@example.nl`, `${key}: open signals are not touched`);
    }
    const audit = await db()
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'retention')
      .where('tenant_id', '=', k.id)
      .execute();
    assert.ok(audit.length >= 1);
    assert.doesNotMatch(JSON.stringify(audit), /example\.nl|Melder/, 'counts only');
  });

  it('deletes handled signals after 60 months with their history, followers and tokens; twice is harmless', async () => {
    await run(at(60, -1));
    assert.ok(await signal(ids.closed!));
    await run(at(60, 1));
    assert.equal(await signal(ids.closed!), undefined);
    assert.equal(await signal(ids.care!), undefined);
    assert.equal(await countFor('signals_transitions', ids.closed!), 0);
    assert.equal(
      (await db().selectFrom('signals_photos').select('id').where('signal_id', '=', ids.closed!).execute()).length,
      0,
      'photos go by cascade',
    );
    assert.equal((await db().selectFrom('signals_feedback').select('id').where('signal_id', '=', ids.closed!).execute()).length, 0);
    await run(at(60, 2));
    assert.ok(await signal(ids.reopened!), 'the reopened signal is open and stays');
    assert.ok(await signal(ids.open!));
    const next = await db()
      .selectFrom('jobs')
      .select('run_at')
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .orderBy('run_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(next.run_at.getTime(), at(60, 2).getTime() + 24 * 3600 * 1000, 'the next run a day later');
  });
});
