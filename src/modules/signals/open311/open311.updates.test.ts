import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, newSignal, setupTenant, type TenantFixture } from '../signals.test-support.ts';
import { childrenNamed, parseXml, record } from './xml-check.test-support.ts';
import { getEn, newKey, postForm } from './open311.test-support.ts';

const K = `/${KRIMPEN.slug}/open311/v2`;

describe('Open311 servicerequestupdates (mySociety extension)', () => {
  const ctx = useTestApp();
  let krimpen: TenantFixture;
  let reportKey = '';
  let housingKey = '';
  let groningenHandler = '';

  /** One request of a test, with the handler key that updates it (update_id is unique per key, so each test has its own). */
  interface Request {
    requestId: string;
    signalId: string;
    handlerKey: string;
  }
  let made = 0;

  /** A new lighting request reported through the API, and a handler key of the municipality for it. */
  async function newRequest(): Promise<Request> {
    const db = ctx.database.db;
    made += 1;
    const handlerKey = await newKey(db, KRIMPEN.id, {
      canReport: false,
      canHandle: true,
      organisationId: krimpen.municipality,
      client: 'Aannemer Licht BV',
    });
    const res = await postForm(ctx.app, `${K}/requests.json`, {
      api_key: reportKey,
      service_code: 'verlichting',
      lat: String(KRIMPEN_POINT.latitude),
      long: String(KRIMPEN_POINT.longitude),
      description: `Lamp kapot (${made})`,
      email: 'melder@example.nl',
    });
    assert.equal(res.statusCode, 200, res.body);
    const requestId = res.json()[0].service_request_id as string;
    const signalId = (await db.selectFrom('signals_signals').select('id').where('public_id', '=', requestId).executeTakeFirstOrThrow()).id;
    return { requestId, signalId, handlerKey };
  }

  // Each update a minute later (the test clock stands still otherwise).
  const update = (r: Request, form: Record<string, string>, key = r.handlerKey, ext = 'json') => {
    ctx.clock.advance(60_000);
    return postForm(ctx.app, `${K}/servicerequestupdates.${ext}`, {
      api_key: key,
      service_request_id: r.requestId,
      updated_datetime: '2026-11-23T11:00:00+01:00',
      description: 'Monteur is geweest',
      ...form,
    });
  };
  const stateOf = async (r: Request) =>
    (await ctx.database.db.selectFrom('signals_signals').select('state').where('id', '=', r.signalId).executeTakeFirstOrThrow()).state;

  /** The handler takes the request through the workflow to closed: updates u-1 to u-3. */
  async function closeThroughUpdates(r: Request): Promise<void> {
    for (const [form, ext] of [
      [{ update_id: 'u-1', status: 'IN_PROGRESS' }, 'json'],
      [{ update_id: 'u-2', status: 'ACTION_SCHEDULED' }, 'xml'],
      [{ update_id: 'u-3', status: 'FIXED', description: 'Lamp vervangen' }, 'json'],
    ] as const) {
      const res = await update(r, form, r.handlerKey, ext);
      assert.equal(res.statusCode, 200, res.body);
    }
    assert.equal(await stateOf(r), 'afgehandeld');
  }

  before(async () => {
    const db = ctx.database.db;
    krimpen = await setupTenant(db, KRIMPEN);
    await setupTenant(db, GRONINGEN);
    reportKey = await newKey(db, KRIMPEN.id);
    housingKey = await newKey(db, KRIMPEN.id, { canReport: false, canHandle: true, organisationId: krimpen.housing, client: 'Corporatie' });
    groningenHandler = await newKey(db, GRONINGEN.id, { canHandle: true });
  });

  it('refuses keys without the handler permission, unknown keys and keys of other tenants', async () => {
    const r = await newRequest();
    for (const key of [reportKey, groningenHandler]) {
      const res = await update(r, { update_id: 'u-0', status: 'IN_PROGRESS' }, key);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json()[0].code, 403);
    }
    const none = await postForm(ctx.app, `${K}/servicerequestupdates.xml`, {
      service_request_id: r.requestId,
      update_id: 'u-0',
      status: 'FIXED',
    });
    assert.equal(none.statusCode, 403);
    assert.equal(parseXml(none.body).name, 'errors');
    assert.equal(await stateOf(r), 'gemeld');
  });

  it('a handler moves the request through the workflow and closes it; the reporter hears back', async () => {
    const db = ctx.database.db;
    const r = await newRequest();
    const { requestId, signalId } = r;
    const mailsBefore = (await db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'melder@example.nl').execute()).length;
    const a = await update(r, { update_id: 'u-1', status: 'IN_PROGRESS' });
    assert.equal(a.statusCode, 200, a.body);
    assert.deepEqual(a.json(), [{ update_id: 'u-1' }]);
    assert.equal(await stateOf(r), 'in_behandeling');
    const b = await update(r, { update_id: 'u-2', status: 'ACTION_SCHEDULED' }, r.handlerKey, 'xml');
    assert.equal(b.statusCode, 200, b.body);
    assert.equal(record(childrenNamed(parseXml(b.body), 'request_update')[0]!).update_id, 'u-2');
    assert.equal(await stateOf(r), 'ingepland');
    const c = await update(r, { update_id: 'u-3', status: 'FIXED', description: 'Lamp vervangen' });
    assert.equal(c.statusCode, 200, c.body);
    assert.equal(await stateOf(r), 'afgehandeld');
    const transitions = await db
      .selectFrom('signals_transitions')
      .select(['to_state', 'internal_note', 'reason'])
      .where('signal_id', '=', signalId)
      .orderBy('created_at')
      .execute();
    assert.ok(
      transitions.some((t) => t.to_state === 'afgehandeld' && t.reason === 'open311' && t.internal_note?.includes('Lamp vervangen')),
    );
    const mailsAfter = (await db.selectFrom('mail_outbox').select('id').where('to_address', '=', 'melder@example.nl').execute()).length;
    assert.ok(mailsAfter > mailsBefore, 'the reporter was told');
    const got = (await getEn(ctx.app, `${K}/requests/${requestId}.json`)).json()[0];
    assert.equal(got.status, 'closed');
  });

  it('a repeated update_id, an unknown status, missing fields and an illegal step are 400; nothing changes', async () => {
    const r = await newRequest();
    await closeThroughUpdates(r);
    const cases: [Record<string, string>, RegExp][] = [
      [{ update_id: 'u-3', status: 'REOPEN' }, /received before/],
      [{ update_id: 'u-4', status: 'EXPLODED' }, /not known/],
      [{ update_id: 'u-5', status: 'IN_PROGRESS' }, /cannot go to IN_PROGRESS/],
      [{ update_id: '', status: 'FIXED' }, /Missing: update_id/],
      [{ update_id: 'u-6', status: 'FIXED', updated_datetime: 'gisteren' }, /updated_datetime/],
    ];
    for (const [form, pattern] of cases) {
      const res = await update(r, form);
      assert.equal(res.statusCode, 400, `${JSON.stringify(form)} → ${res.body}`);
      assert.match(res.json()[0].description, pattern);
    }
    assert.equal(await stateOf(r), 'afgehandeld', 'the repeated REOPEN did not reopen');
    const reopen = await update(r, { update_id: 'u-7', status: 'OPEN' });
    assert.equal(reopen.statusCode, 200, reopen.body);
    assert.equal(await stateOf(r), 'heropend');
  });

  it('a handler key bound to an organisation may only update requests routed to it', async () => {
    const r = await newRequest();
    const res = await update(r, { update_id: 'h-1', status: 'IN_PROGRESS' }, housingKey);
    assert.equal(res.statusCode, 403);
    assert.match(res.json()[0].description, /organisation/);
  });

  it('sensitive requests cannot be updated or seen through Open311', async () => {
    const sensitive = await createSignal(
      ctx.database.db,
      newSignal({ category: { serviceCode: 'geldzorgen' }, description: 'Zorgen om de buren', now: ctx.clock.now() }),
    );
    const res = await postForm(ctx.app, `${K}/servicerequestupdates.json`, {
      api_key: (await newRequest()).handlerKey,
      service_request_id: sensitive.signal.public_id,
      update_id: 's-1',
      status: 'CLOSED',
      updated_datetime: '2026-11-23T11:00:00Z',
      description: 'Klaar',
    });
    assert.equal(res.statusCode, 404);
    const feed = (await getEn(ctx.app, `${K}/servicerequestupdates.json`)).json() as { service_request_id: string }[];
    assert.ok(!feed.some((u) => u.service_request_id === sensitive.signal.public_id));
  });

  it('GET lists the public steps in a period, oldest first, in JSON and XML', async () => {
    // A request opened, taken through the workflow, closed and reopened.
    const r = await newRequest();
    const { requestId, signalId } = r;
    await closeThroughUpdates(r);
    assert.equal((await update(r, { update_id: 'u-7', status: 'OPEN' })).statusCode, 200);
    // Internal rows (a reassignment, a network action note: same state, no message) are no updates.
    const state = await stateOf(r);
    const internal = {
      tenant_id: KRIMPEN.id,
      signal_id: signalId,
      from_state: state,
      to_state: state,
      public_message: null,
      created_at: ctx.clock.now(),
    };
    await ctx.database.db
      .insertInto('signals_transitions')
      .values([
        { ...internal, internal_note: 'Doorgestuurd', reason: 'reassign' },
        { ...internal, internal_note: 'Actie toegevoegd', reason: 'action' },
      ])
      .execute();
    const res = await getEn(ctx.app, `${K}/servicerequestupdates.json?start_date=2026-11-01T00:00:00Z`);
    assert.equal(res.statusCode, 200);
    const feed = (
      res.json() as { update_id: string; service_request_id: string; status: string; updated_datetime: string; description: string }[]
    ).filter((u) => u.service_request_id === requestId);
    assert.deepEqual(
      feed.map((u) => u.status),
      ['open', 'in_progress', 'action_scheduled', 'fixed', 'reopen'],
    );
    assert.ok(feed.every((u) => /^[0-9a-f-]{36}$/.test(u.update_id) && /[+-]\d\d:\d\d$/.test(u.updated_datetime) && u.description));
    assert.ok(!res.body.includes('Monteur') && !res.body.includes('melder@example.nl'), 'internal notes and contacts stay inside');
    const xml = parseXml((await getEn(ctx.app, `${K}/servicerequestupdates.xml`)).body);
    assert.equal(xml.name, 'service_request_updates');
    assert.ok(childrenNamed(xml, 'request_update').length >= 5);
    const bad = await getEn(ctx.app, `${K}/servicerequestupdates.json?end_date=soon`);
    assert.equal(bad.statusCode, 400);
  });
});
