import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, newSignal, setupTenant } from '../signals.test-support.ts';
import { childrenNamed, parseXml, record } from './xml-check.test-support.ts';
import { acceptedLocale } from './open311.routes.ts';
import { assertErrors, getEn, lamp, newKey, postForm, schemaErrors } from './open311.test-support.ts';

const K = `/${KRIMPEN.slug}/open311/v2`;
const G = `/${GRONINGEN.slug}/open311/v2`;

describe('Open311 GeoReport v2 API: GET requests, tokens, errors', () => {
  const ctx = useTestApp();
  let key = '';

  before(async () => {
    const db = ctx.database.db;
    await setupTenant(db, KRIMPEN);
    await setupTenant(db, GRONINGEN);
    key = await newKey(db, KRIMPEN.id);
  });

  describe('GET requests, requests/{id} and tokens', () => {
    let htmlId = '';
    let sensitiveId = '';
    let token = '';

    before(async () => {
      const res = await postForm(ctx.app, `${K}/requests.json`, {
        api_key: key,
        ...lamp({ description: '<script>alert("x")</script> & <b>vet</b>' }),
      });
      htmlId = res.json()[0].service_request_id;
      token = res.headers['open311-token'] as string;
      const groen = await postForm(ctx.app, `${K}/requests.json`, {
        api_key: key,
        service_code: 'groen',
        address_string: 'Dorpsstraat 3, 2922 AD',
        description: 'Boom omgewaaid',
      });
      assert.equal(groen.statusCode, 200, groen.body);
      const sensitive = await createSignal(
        ctx.database.db,
        newSignal({
          category: { serviceCode: 'eenzaamheid' },
          description: 'Mijn buurvrouw komt niet meer buiten',
          answers: { weet_ervan: 'Nee' },
          now: ctx.clock.now(),
        }),
      );
      sensitiveId = sensitive.signal.public_id;
      // An old signal: outside the default window of 90 days.
      await createSignal(
        ctx.database.db,
        newSignal({ description: 'Oude melding', now: new Date(ctx.clock.now().getTime() - 120 * 86_400_000), idempotencyKey: 'old-one' }),
      );
    });

    it('lists public requests, valid against the schema, without personal data or sensitive signals', async () => {
      const res = await getEn(ctx.app, `${K}/requests.json`);
      assert.equal(res.statusCode, 200);
      const list = res.json() as { service_request_id: string; description: string; requested_datetime: string; status: string }[];
      assert.deepEqual(schemaErrors('requests', list), []);
      assert.ok(list.some((r) => r.service_request_id === htmlId));
      assert.ok(!list.some((r) => r.service_request_id === sensitiveId), 'no sensitive signal');
      assert.ok(!list.some((r) => r.description === 'Oude melding'), 'default window is 90 days');
      assert.ok(
        !res.body.includes('bewoner@example.nl') && !res.body.includes('Bewoner') && !res.body.includes('melder@example.nl'),
        'no personal data',
      );
      assert.ok(
        list.every((r) => /[+-]\d\d:\d\d$|Z$/.test(r.requested_datetime)),
        'times carry a time zone',
      );
      assert.ok(list.length <= 1000);
    });

    it('HTML in text comes back escaped in XML, and the XML parses to the same text', async () => {
      const res = await getEn(ctx.app, `${K}/requests/${htmlId}.xml`);
      assert.equal(res.statusCode, 200);
      assert.ok(!res.body.includes('<script>'), 'no raw markup');
      assert.ok(res.body.includes('&lt;script&gt;'));
      const req = record(childrenNamed(parseXml(res.body), 'request')[0]!);
      assert.equal(req.description, '<script>alert("x")</script> & <b>vet</b>');
      assert.equal(req.status, 'open');
    });

    it('filters: service_request_id list, service_code, status, dates; bad filters are 400', async () => {
      const byIds = (await getEn(ctx.app, `${K}/requests.json?service_request_id=${htmlId},${sensitiveId},SIG-1999-000001`)).json();
      assert.deepEqual(
        byIds.map((r: { service_request_id: string }) => r.service_request_id),
        [htmlId],
      );
      const groen = (await getEn(ctx.app, `${K}/requests.json?service_code=groen`)).json() as { service_code: string }[];
      assert.ok(groen.length >= 1 && groen.every((r) => r.service_code === 'groen'));
      assert.deepEqual((await getEn(ctx.app, `${K}/requests.json?service_code=eenzaamheid`)).json(), []);
      assert.deepEqual((await getEn(ctx.app, `${K}/requests.json?status=closed`)).json(), []);
      assert.ok((await getEn(ctx.app, `${K}/requests.json?status=open,closed`)).json().length > 0);
      const old = (await getEn(ctx.app, `${K}/requests.json?start_date=2026-07-01T00:00:00Z&end_date=2026-08-01T00:00:00%2B02:00`)).json();
      assert.deepEqual(
        old.map((r: { description: string }) => r.description),
        ['Oude melding'],
      );
      for (const q of [
        'start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z',
        'start_date=gisteren',
        'status=half',
        'page_size=5000',
      ]) {
        const r = await getEn(ctx.app, `${K}/requests.json?${q}`);
        assert.equal(r.statusCode, 400, q);
        assertErrors(r.body, 400);
      }
      const paged = (await getEn(ctx.app, `${K}/requests.json?page_size=1&page=2`)).json();
      assert.equal(paged.length, 1);
    });

    it('requests/{id}: one request; sensitive and unknown ids are 404', async () => {
      const one = await getEn(ctx.app, `${K}/requests/${htmlId}.json`);
      assert.equal(one.statusCode, 200);
      assert.deepEqual(schemaErrors('requests', one.json()), []);
      assert.equal(one.json().length, 1);
      for (const id of [sensitiveId, 'SIG-1999-000001']) {
        const r = await getEn(ctx.app, `${K}/requests/${id}.json`);
        assert.equal(r.statusCode, 404);
        assertErrors(r.body, 404);
        assert.ok(!r.body.includes('buurvrouw'));
      }
      const elsewhere = await getEn(ctx.app, `${G}/requests/${htmlId}.json`);
      assert.equal(elsewhere.statusCode, 404, 'a Krimpen request is not in Groningen');
    });

    it('tokens/{token}: the request id behind a token; unknown tokens are 404', async () => {
      assert.match(token, /^[0-9a-f-]{36}$/);
      const res = await getEn(ctx.app, `${K}/tokens/${token}.json`);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), [{ service_request_id: htmlId, token }]);
      const xml = record(childrenNamed(parseXml((await getEn(ctx.app, `${K}/tokens/${token}.xml`)).body), 'request')[0]!);
      assert.deepEqual(xml, { service_request_id: htmlId, token });
      for (const bad of ['00000000-0000-0000-0000-000000000000', 'nope']) {
        const r = await getEn(ctx.app, `${K}/tokens/${bad}.json`);
        assert.equal(r.statusCode, 404);
        assertErrors(r.body, 404);
      }
      assert.equal((await getEn(ctx.app, `${G}/tokens/${token}.json`)).statusCode, 404);
    });

    it('unknown resources under the API answer the spec 404', async () => {
      const r = await getEn(ctx.app, `${K}/bestaat-niet.xml`);
      assert.equal(r.statusCode, 404);
      assert.equal(parseXml(r.body).name, 'errors');
      assertErrors((await getEn(ctx.app, `${K}/services`)).body, 404);
    });

    it('errors are in Dutch by default and in English when Accept-Language asks for it', async () => {
      const ask = (lang?: string) =>
        postForm(ctx.app, `${K}/requests.json`, lamp(), lang === undefined ? { 'accept-language': '' } : { 'accept-language': lang });
      assert.match((await ask()).json()[0].description, /api_key ontbreekt/);
      assert.match((await ask('en;q=0.5, nl')).json()[0].description, /api_key ontbreekt/);
      assert.match((await ask('en-GB,en;q=0.9')).json()[0].description, /api_key was not provided/);
      assert.match((await ask('de, fr;q=0.8')).json()[0].description, /api_key ontbreekt/);
      assert.equal(acceptedLocale('fr, en;q=0.7, nl;q=0.3'), 'en');
      assert.equal(acceptedLocale('nl-BE'), 'nl');
      assert.equal(acceptedLocale('en;q=0'), null);
    });

    it('the OpenAPI document lists the Open311 paths', async () => {
      const doc = (await ctx.app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
      for (const p of [
        '/{tenant}/open311/v2/services.json',
        '/{tenant}/open311/v2/requests.xml',
        '/{tenant}/open311/v2/servicerequestupdates.json',
      ]) {
        assert.ok(doc.paths[p], p);
      }
    });
  });
});
