import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, OUTSIDE_POINT, setupTenant } from '../signals.test-support.ts';
import { childrenNamed, parseXml, record } from './xml-check.test-support.ts';
import { assertErrors, countSignals, getEn, lamp, newKey, postForm, schemaErrors } from './open311.test-support.ts';

const K = `/${KRIMPEN.slug}/open311/v2`;
const G = `/${GRONINGEN.slug}/open311/v2`;

describe('Open311 GeoReport v2 API: discovery, services, POST requests', () => {
  const ctx = useTestApp();
  let key = '';
  let groningenKey = '';

  before(async () => {
    const db = ctx.database.db;
    await setupTenant(db, KRIMPEN);
    await setupTenant(db, GRONINGEN);
    key = await newKey(db, KRIMPEN.id);
    groningenKey = await newKey(db, GRONINGEN.id);
  });

  describe('discovery and services', () => {
    it('discovery in JSON and XML names the endpoint, formats and how to get a key', async () => {
      const res = await getEn(ctx.app, `${K}/discovery.json`);
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /^application\/json; charset=utf-8/);
      const d = res.json();
      assert.deepEqual(Object.keys(d).sort(), ['changeset', 'contact', 'endpoints', 'key_service']);
      assert.equal(d.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.equal(d.endpoints[0].url, `http://localhost:3000${K}`);
      assert.deepEqual(d.endpoints[0].formats, ['text/xml', 'application/json']);
      const xml = await getEn(ctx.app, `${K}/discovery.xml`);
      assert.match(xml.headers['content-type'] as string, /^text\/xml; charset=utf-8/);
      const root = parseXml(xml.body);
      assert.equal(root.name, 'discovery');
      const endpoint = childrenNamed(childrenNamed(root, 'endpoints')[0]!, 'endpoint')[0]!;
      assert.deepEqual(
        childrenNamed(childrenNamed(endpoint, 'formats')[0]!, 'format').map((f) => f.text),
        ['text/xml', 'application/json'],
      );
    });

    it('services: public categories only, valid against the schema, the same in XML', async () => {
      const res = await getEn(ctx.app, `${K}/services.json`);
      assert.equal(res.statusCode, 200);
      const services = res.json() as { service_code: string; metadata: boolean; group: string; type: string }[];
      assert.deepEqual(schemaErrors('services', services), []);
      const codes = services.map((s) => s.service_code);
      assert.ok(codes.includes('verlichting') && codes.includes('afval') && codes.includes('groen'));
      for (const sensitive of ['eenzaamheid', 'verwaarlozing', 'geldzorgen', 'verward-gedrag', 'mantelzorg']) {
        assert.ok(!codes.includes(sensitive), sensitive);
      }
      assert.equal(services.find((s) => s.service_code === 'afval')!.metadata, true);
      assert.equal(services.find((s) => s.service_code === 'groen')!.metadata, false);
      assert.ok(services.every((s) => typeof s.service_code === 'string' && s.type === 'realtime' && s.group));
      const root = parseXml((await getEn(ctx.app, `${K}/services.xml`)).body);
      assert.equal(root.name, 'services');
      const xmlServices = childrenNamed(root, 'service').map(record);
      assert.deepEqual(
        xmlServices.map((s) => s.service_code),
        codes,
      );
      assert.equal(xmlServices.find((s) => s.service_code === 'afval')!.metadata, 'true');
    });

    it('service definition: extra questions as attributes; sensitive and unknown codes are 404', async () => {
      const res = await getEn(ctx.app, `${K}/services/afval.json`);
      assert.equal(res.statusCode, 200);
      const def = res.json();
      assert.deepEqual(schemaErrors('service-definition', def), []);
      assert.equal(def.service_code, 'afval');
      const attr = def.attributes[0];
      assert.equal(attr.code, 'soort_afval');
      assert.equal(attr.datatype, 'singlevaluelist');
      assert.equal(attr.required, true);
      assert.deepEqual(
        attr.values.map((v: { key: string }) => v.key),
        ['Zwerfafval', 'Volle container', 'Grofvuil'],
      );
      const danger = (await getEn(ctx.app, `${K}/services/onveilige-plek.json`)).json();
      assert.match(danger.attributes[0].datatype_description, /112/);
      const xml = parseXml((await getEn(ctx.app, `${K}/services/afval.xml`)).body);
      const attrs = childrenNamed(childrenNamed(xml, 'attributes')[0]!, 'attribute');
      assert.equal(record(attrs[0]!).code, 'soort_afval');
      assert.equal(childrenNamed(childrenNamed(attrs[0]!, 'values')[0]!, 'value').length, 3);
      for (const code of ['eenzaamheid', 'bestaat-niet']) {
        const r = await getEn(ctx.app, `${K}/services/${code}.json`);
        assert.equal(r.statusCode, 404);
        assertErrors(r.body, 404, /not found/);
        const x = await getEn(ctx.app, `${K}/services/${code}.xml`);
        assert.equal(x.statusCode, 404);
        const errs = parseXml(x.body);
        assert.equal(errs.name, 'errors');
        assert.equal(record(childrenNamed(errs, 'error')[0]!).code, '404');
      }
    });
  });

  describe('POST requests', () => {
    it('creates a signal with its confirmation mail and answers service_request_id (JSON and XML)', async () => {
      const db = ctx.database.db;
      const res = await postForm(ctx.app, `${K}/requests.json`, { api_key: key, ...lamp({ 'attribute[paalnummer]': 'KR-1234' }) });
      assert.equal(res.statusCode, 200, res.body);
      const [created] = res.json() as { service_request_id: string; token?: string }[];
      assert.match(created!.service_request_id, /^SIG-2026-\d{6}$/);
      assert.equal(created!.token, undefined, 'no token when the id is returned');
      assert.match((created as { service_notice?: string }).service_notice ?? '', /within 10 working days/);
      const signal = await db
        .selectFrom('signals_signals')
        .selectAll()
        .where('public_id', '=', created!.service_request_id)
        .executeTakeFirstOrThrow();
      assert.equal(signal.source, 'open311');
      assert.equal(signal.tenant_id, KRIMPEN.id);
      assert.deepEqual(signal.answers, { paalnummer: 'KR-1234' });
      assert.ok(signal.buurt_code?.startsWith('BU0542'));
      const mail = await db.selectFrom('mail_outbox').select('subject').where('to_address', '=', 'bewoner@example.nl').execute();
      assert.ok(
        mail.some((m) => m.subject.includes(created!.service_request_id)),
        'confirmation mail queued with the signal',
      );

      const xml = await postForm(ctx.app, `${K}/requests.xml`, {
        api_key: key,
        ...lamp({ description: 'Tweede lamp kapot', address_string: 'Raadhuisplein 1, Krimpen aan den IJssel' }),
      });
      assert.equal(xml.statusCode, 200, xml.body);
      const root = parseXml(xml.body);
      assert.equal(root.name, 'service_requests');
      assert.match(record(childrenNamed(root, 'request')[0]!).service_request_id!, /^SIG-2026-\d{6}$/);
    });

    it('accepts a location by address_string only: geocoded, so the signal gets its buurt and wijk', async () => {
      const res = await postForm(ctx.app, `${K}/requests.json`, {
        api_key: key,
        service_code: 'groen',
        address_string: 'Dorpsstraat 3, 2922 AD',
        description: 'Boom omgewaaid',
      });
      assert.equal(res.statusCode, 200, res.body);
      const row = await ctx.database.db
        .selectFrom('signals_signals')
        .select(['buurt_code', 'wijk_code', 'address'])
        .where('public_id', '=', res.json()[0].service_request_id)
        .executeTakeFirstOrThrow();
      assert.ok(row.buurt_code && row.wijk_code, 'placed in a buurt and wijk');
      assert.equal(row.address, 'Dorpsstraat 3, 2922 AD');
    });

    it('an address_string that cannot be placed (unknown, outside the municipality) is a 400 that says so; nothing stored', async () => {
      const before = await countSignals(ctx.database.db, KRIMPEN.id);
      for (const address_string of ['Nergenshuizen 12', '9712 AB 10']) {
        const res = await postForm(ctx.app, `${K}/requests.json`, {
          api_key: key,
          service_code: 'groen',
          address_string,
          description: 'x',
        });
        assert.equal(res.statusCode, 400, address_string);
        assertErrors(
          res.body,
          400,
          /^address_string: (we cannot place this address on the map\. .+ Send lat and long|we kunnen dit adres niet op de kaart vinden\. .+ Stuur lat en long mee)/,
        );
      }
      assert.equal(await countSignals(ctx.database.db, KRIMPEN.id), before);
    });

    it('without a key → 403; unknown key → 403; a key of another tenant → 403; nothing stored', async () => {
      const before = await countSignals(ctx.database.db, KRIMPEN.id);
      const none = await postForm(ctx.app, `${K}/requests.json`, lamp());
      assert.equal(none.statusCode, 403);
      assertErrors(none.body, 403, /api_key/);
      const noneXml = await postForm(ctx.app, `${K}/requests.xml`, lamp());
      assert.equal(noneXml.statusCode, 403);
      assert.equal(record(childrenNamed(parseXml(noneXml.body), 'error')[0]!).code, '403');
      const wrong = await postForm(ctx.app, `${K}/requests.json`, { api_key: 'o311_forged', ...lamp() });
      assert.equal(wrong.statusCode, 403);
      assertErrors(wrong.body, 403, /Invalid api_key/);
      const other = await postForm(ctx.app, `${K}/requests.json`, { api_key: groningenKey, ...lamp() });
      assert.equal(other.statusCode, 403, 'a Groningen key does not work in Krimpen');
      assert.equal(await countSignals(ctx.database.db, KRIMPEN.id), before);
      // …while it does work in its own tenant.
      const own = await postForm(ctx.app, `${G}/requests.json`, {
        api_key: groningenKey,
        service_code: 'afval',
        lat: '53.2194',
        long: '6.5665',
        description: 'Zwerfvuil',
        'attribute[soort_afval]': 'Zwerfafval',
      });
      assert.equal(own.statusCode, 200, own.body);
    });

    it('a sensitive service_code is refused like an unknown one, and nothing is stored', async () => {
      const before = await countSignals(ctx.database.db, KRIMPEN.id);
      const mails = await ctx.database.db.selectFrom('mail_outbox').select('id').execute();
      for (const code of ['eenzaamheid', 'verward-gedrag', 'bestaat-niet']) {
        const res = await postForm(ctx.app, `${K}/requests.json`, {
          api_key: key,
          ...lamp({ service_code: code, 'attribute[weet_ervan]': 'nee' }),
        });
        assert.equal(res.statusCode, 404, code);
        assertErrors(res.body, 404, /service_code/);
      }
      assert.equal(await countSignals(ctx.database.db, KRIMPEN.id), before);
      assert.equal((await ctx.database.db.selectFrom('mail_outbox').select('id').execute()).length, mails.length);
    });

    it('bad input: missing category, no or half a location, outside the municipality, attributes', async () => {
      const before = await countSignals(ctx.database.db, KRIMPEN.id);
      const cases: [Record<string, string>, number, RegExp][] = [
        [lamp({ service_code: '' }), 400, /service_code was not provided/],
        [{ service_code: 'verlichting', description: 'x' }, 400, /location is required/],
        [{ service_code: 'verlichting', address_id: '123', description: 'x' }, 400, /address_id/],
        [lamp({ long: '' }), 400, /lat and long/],
        [lamp({ lat: 'noord' }), 400, /lat must be a decimal/],
        [lamp({ lat: String(OUTSIDE_POINT.latitude), long: String(OUTSIDE_POINT.longitude) }), 400, /^lat\/long: /],
        [lamp({ service_code: 'afval' }), 400, /attribute\[soort_afval\]/],
        [lamp({ service_code: 'afval', 'attribute[soort_afval]': 'Kernafval' }), 400, /attribute\[soort_afval\]/],
        [lamp({ service_code: 'onveilige-plek', 'attribute[direct_gevaar]': 'ja' }), 400, /112/],
        [lamp({ description: 'x'.repeat(4001) }), 400, /4000/],
        [lamp({ email: 'geen-adres' }), 400, /^email: /],
        [lamp({ description: 'nul\u0000byte' }), 400, /not allowed/],
      ];
      for (const [form, status, pattern] of cases) {
        const res = await postForm(ctx.app, `${K}/requests.json`, { api_key: key, ...form });
        assert.equal(res.statusCode, status, `${JSON.stringify(form).slice(0, 120)} → ${res.body}`);
        assertErrors(res.body, status, pattern);
      }
      assert.equal(await countSignals(ctx.database.db, KRIMPEN.id), before, 'nothing stored');
    });

    it('a 5 MB description gets the spec error (400), not a 500', async () => {
      for (const ext of ['json', 'xml']) {
        const res = await postForm(ctx.app, `${K}/requests.${ext}`, {
          api_key: key,
          ...lamp({ description: 'x'.repeat(5 * 1024 * 1024) }),
        });
        assert.equal(res.statusCode, 400);
        if (ext === 'json') assertErrors(res.body, 413, /too large/);
        else assert.equal(parseXml(res.body).name, 'errors');
      }
    });

    it('a JSON or text body is refused with the spec error', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `${K}/requests.json`,
        payload: 'api_key=x',
        headers: { 'content-type': 'text/plain' },
      });
      assert.equal(res.statusCode, 400);
      assertErrors(res.body, 400, /x-www-form-urlencoded/);
    });

    it('Idempotency-Key or the same form twice creates one signal', async () => {
      const db = ctx.database.db;
      const before = await countSignals(db, KRIMPEN.id);
      const form = { api_key: key, ...lamp({ description: 'Idempotent lamp' }) };
      const a = await postForm(ctx.app, `${K}/requests.json`, form, { 'idempotency-key': 'client-42' });
      const b = await postForm(
        ctx.app,
        `${K}/requests.json`,
        { ...form, description: 'Idempotent lamp (retry)' },
        { 'idempotency-key': 'client-42' },
      );
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(b.json()[0].service_request_id, a.json()[0].service_request_id);
      assert.equal(b.headers['idempotent-replayed'], 'true');
      const c = await postForm(ctx.app, `${K}/requests.json`, { api_key: key, ...lamp({ description: 'Zelfde formulier' }) });
      const d = await postForm(ctx.app, `${K}/requests.json`, { api_key: key, ...lamp({ description: 'Zelfde formulier' }) });
      assert.equal(d.json()[0].service_request_id, c.json()[0].service_request_id);
      const e = await postForm(ctx.app, `${K}/requests.json`, { api_key: key, ...lamp({ description: 'Ander formulier' }) });
      assert.notEqual(e.json()[0].service_request_id, c.json()[0].service_request_id);
      assert.equal(await countSignals(db, KRIMPEN.id), before + 3);
      const mails = await db
        .selectFrom('mail_outbox')
        .select('subject')
        .where('subject', 'like', `%${c.json()[0].service_request_id}%`)
        .execute();
      assert.equal(mails.length, 1, 'one confirmation mail for the replayed form');
    });

    it('parallel retries with one Idempotency-Key still create one signal', async () => {
      const before = await countSignals(ctx.database.db, KRIMPEN.id);
      const form = { api_key: key, ...lamp({ description: 'Parallel lamp' }) };
      const answers = await Promise.all(
        Array.from({ length: 5 }, () => postForm(ctx.app, `${K}/requests.json`, form, { 'idempotency-key': 'parallel-1' })),
      );
      assert.ok(
        answers.every((a) => a.statusCode === 200),
        answers.map((a) => a.body).join('\n'),
      );
      assert.equal(new Set(answers.map((a) => a.json()[0].service_request_id)).size, 1);
      assert.equal(await countSignals(ctx.database.db, KRIMPEN.id), before + 1);
    });
  });
});
