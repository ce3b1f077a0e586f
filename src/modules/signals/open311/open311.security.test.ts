/**
 * The Open311 findings of the security review (issue 11), reproduced as the reviewer did them:
 * 4. the public ids showed a gap where a sensitive signal was filed (…009, …011 listed, …010
 *    missing), so anyone could count and time them;
 * 5. POST requests had no rate limit (one key created 1,650 signals in 20 s);
 * 7. (the Open311 part) the OpenAPI document did not list the statuses the routes answer.
 * Real app and database, requests through inject (the client address is inject's remoteAddress);
 * time moves only with the injected clock.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { createSignal } from '../signals.service.ts';
import { GRONINGEN, KRIMPEN, newSignal, setupTenant } from '../signals.test-support.ts';
import { childrenNamed, parseXml, record } from './xml-check.test-support.ts';
import { assertErrors, countSignals, getEn, lamp, newKey, postForm } from './open311.test-support.ts';
import { addressNetwork } from './ratelimit.ts';

const K = `/${KRIMPEN.slug}/open311/v2`;
const G = `/${GRONINGEN.slug}/open311/v2`;
const number = (id: string) => Number(/^SIG-2026-(\d{6})$/.exec(id)?.[1] ?? NaN);

describe('Open311 security (issue 11, findings 4, 5 and 7)', () => {
  const ctx = useTestApp();

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    await setupTenant(ctx.database.db, GRONINGEN);
  });

  describe('finding 4: public ids do not reveal non-public signals', () => {
    it('listed ids show no gap where sensitive signals were filed in between, and no order', async () => {
      const key = await newKey(ctx.database.db, KRIMPEN.id, { client: 'Teller' });
      // Public, then n sensitive ones (not in the API), then public again, four times over.
      const filedBetween = [1, 3, 1, 2];
      const publicIds: string[] = [];
      const post = async (i: number) => {
        const res = await postForm(ctx.app, `${K}/requests.json`, lamp({ api_key: key, description: `Lamp ${i}`, email: '' }), {
          'idempotency-key': `teller-${i}`,
        });
        assert.equal(res.statusCode, 200, res.body);
        publicIds.push(res.json()[0].service_request_id as string);
      };
      await post(0);
      for (const [i, n] of filedBetween.entries()) {
        for (let j = 0; j < n; j++) {
          await createSignal(
            ctx.database.db,
            newSignal({ category: { serviceCode: 'eenzaamheid' }, answers: {}, description: `Zorg ${i}.${j}` }),
          );
        }
        await post(i + 1);
      }
      const listed = (await getEn(ctx.app, `${K}/requests.json`)).json() as { service_request_id: string }[];
      const listedIds = listed.map((r) => r.service_request_id);
      assert.deepEqual([...publicIds].sort(), listedIds.filter((id) => publicIds.includes(id)).sort(), 'every public request is listed');
      assert.equal(listedIds.length, publicIds.length, 'the sensitive ones are not');

      const n = publicIds.map(number);
      assert.ok(
        n.every((x) => Number.isInteger(x)),
        publicIds.join(' '),
      );
      const steps = n.slice(1).map((x, i) => x - n[i]!);
      // Before the fix every step was 1 + the number of sensitive signals filed in between: [2, 4, 2, 3].
      assert.notDeepEqual(
        steps,
        filedBetween.map((b) => b + 1),
        `ids count the sensitive signals: ${publicIds.join(' ')}`,
      );
      assert.ok(!steps.every((s) => s > 0), `ids in filing order tell when signals were filed: ${publicIds.join(' ')}`);

      // The same id in XML and in the reporter's confirmation mail (one public identifier everywhere).
      const xml = childrenNamed(parseXml((await getEn(ctx.app, `${K}/requests/${publicIds[0]}.xml`)).body), 'request').map(record);
      assert.equal(xml[0]!.service_request_id, publicIds[0]);
    });

    it('a first request does not show that it is the first, in any tenant', async () => {
      const key = await newKey(ctx.database.db, GRONINGEN.id);
      const res = await postForm(ctx.app, `${G}/requests.json`, lamp({ api_key: key, lat: '53.2194', long: '6.5665' }));
      assert.equal(res.statusCode, 200, res.body);
      assert.notEqual(res.json()[0].service_request_id, 'SIG-2026-000001');
    });
  });

  describe('finding 5: rate limits on writes', () => {
    it('a flood with one key: the write after the limit (60 a minute by default) is 429 with Retry-After and the spec body, nothing more is stored; another key still works; a minute later the key works again', async () => {
      const db = ctx.database.db;
      const key = await newKey(db, KRIMPEN.id, { client: 'Overijverig' });
      const other = await newKey(db, KRIMPEN.id, { client: 'Rustig' });
      const from = { remoteAddress: '192.0.2.10' };
      const before = await countSignals(db, KRIMPEN.id);
      for (let i = 0; i < 60; i++) {
        const res = await ctx.app.inject({
          ...form(lamp({ api_key: key, description: `Flood ${i}` })),
          url: `${K}/requests.json`,
          ...from,
        });
        assert.equal(res.statusCode, 200, `request ${i + 1}: ${res.body}`);
      }
      assert.equal(await countSignals(db, KRIMPEN.id), before + 60);

      ctx.clock.advance(15_000);
      const refused = await ctx.app.inject({
        ...form(lamp({ api_key: key, description: 'Flood 61' })),
        url: `${K}/requests.json`,
        ...from,
      });
      assert.equal(refused.statusCode, 429);
      assert.match(refused.headers['content-type'] as string, /^application\/json; charset=utf-8/);
      assertErrors(refused.body, 429, /Too many requests with this api_key: at most 60 a minute/);
      const retryAfter = Number(refused.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 60, String(refused.headers['retry-after']));
      const refusedXml = await ctx.app.inject({
        ...form(lamp({ api_key: key, description: 'Flood 62' })),
        url: `${K}/requests.xml`,
        ...from,
      });
      assert.equal(refusedXml.statusCode, 429);
      assert.match(refusedXml.headers['content-type'] as string, /^text\/xml; charset=utf-8/);
      const errors = childrenNamed(parseXml(refusedXml.body), 'error').map(record);
      assert.equal(errors[0]!.code, '429');
      assert.match(errors[0]!.description!, /at most 60 a minute/);
      assert.ok(refusedXml.headers['retry-after']);
      assert.equal(await countSignals(db, KRIMPEN.id), before + 60, 'nothing stored beyond the limit');

      const fine = await ctx.app.inject({
        ...form(lamp({ api_key: other, description: 'Andere sleutel' })),
        url: `${K}/requests.json`,
        ...from,
      });
      assert.equal(fine.statusCode, 200, 'another key (same address, under its limit) is not affected');

      ctx.clock.advance(retryAfter * 1000);
      const again = await ctx.app.inject({
        ...form(lamp({ api_key: key, description: 'Een minuut later' })),
        url: `${K}/requests.json`,
        ...from,
      });
      assert.equal(again.statusCode, 200, again.body);
    });

    it('per address across keys and without a key: at most 120 writes a minute, then 429; another address is not affected', async () => {
      const db = ctx.database.db;
      ctx.clock.advance(60_000);
      const keys = await Promise.all([1, 2, 3].map((i) => newKey(db, KRIMPEN.id, { client: `Sleutel ${i}` })));
      const attacker = { remoteAddress: '2001:db8:1:2::10' };
      // 40 without a key (403), 40 each with two keys (400: no service_code): 120 writes from one address.
      for (let i = 0; i < 40; i++) {
        assert.equal(
          (await ctx.app.inject({ ...form({ service_code: 'verlichting' }), url: `${K}/requests.json`, ...attacker })).statusCode,
          403,
        );
      }
      for (const key of keys.slice(0, 2)) {
        for (let i = 0; i < 40; i++) {
          assert.equal((await ctx.app.inject({ ...form({ api_key: key }), url: `${K}/requests.json`, ...attacker })).statusCode, 400);
        }
      }
      const before = await countSignals(db, KRIMPEN.id);
      // A fresh key from another address of the same /64 network: still the same client.
      const fresh = await ctx.app.inject({
        ...form(lamp({ api_key: keys[2]!, description: 'Via de derde sleutel' })),
        url: `${K}/requests.json`,
        remoteAddress: '2001:db8:1:2:ffff::1',
      });
      assert.equal(fresh.statusCode, 429, fresh.body);
      assertErrors(fresh.body, 429, /Too many requests from this address: at most 120 a minute/);
      assert.ok(Number(fresh.headers['retry-after']) >= 1);
      const keyless = await ctx.app.inject({ ...form({ service_code: 'verlichting' }), url: `${K}/requests.json`, ...attacker });
      assert.equal(keyless.statusCode, 429, 'without a key too');
      const updates = await ctx.app.inject({ ...form({ api_key: keys[0]! }), url: `${K}/servicerequestupdates.json`, ...attacker });
      assert.equal(updates.statusCode, 429, 'POST servicerequestupdates counts as a write too');
      assert.equal(await countSignals(db, KRIMPEN.id), before);

      const elsewhere = await ctx.app.inject({
        ...form(lamp({ api_key: keys[2]!, description: 'Van een ander adres' })),
        url: `${K}/requests.json`,
        remoteAddress: '2001:db8:1:3::10',
      });
      assert.equal(elsewhere.statusCode, 200, 'another /64 is another client');
      assert.equal(await countSignals(db, KRIMPEN.id), before + 1);
    });

    it('addresses: IPv4 as is (also IPv4-mapped), IPv6 by its /64', () => {
      assert.equal(addressNetwork('192.0.2.1'), '192.0.2.1');
      assert.equal(addressNetwork('::ffff:192.0.2.1'), '192.0.2.1');
      assert.equal(addressNetwork('2001:db8:1:2::10'), '2001:db8:1:2::/64');
      assert.equal(addressNetwork('2001:0db8:0001:0002:ffff:0:0:1'), '2001:db8:1:2::/64');
      assert.equal(addressNetwork('::1'), '0:0:0:0::/64');
    });
  });

  describe('finding 7: the OpenAPI document lists every status the Open311 routes answer', () => {
    interface Op {
      responses: Record<string, { content?: Record<string, { schema?: object }> }>;
    }
    it('each operation lists its statuses, and every probe answers one of them (never a 5xx) with a body of the documented shape', async () => {
      const doc = (await ctx.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, Op>> };
      const ops = Object.entries(doc.paths)
        .filter(([p]) => p.startsWith('/{tenant}/open311/v2/') && !p.endsWith('/*'))
        .flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
      assert.equal(ops.length, 18);
      for (const { path, method, op } of ops) {
        const listed = Object.keys(op.responses).sort();
        const expected = method === 'POST' ? ['200', '400', '403', '404', '414', '429'] : ['200', '400', '404', '414'];
        assert.deepEqual(listed, expected, `${method} ${path}`);
      }

      const ajv = new Ajv.default({ strict: false, allErrors: true });
      const problems: string[] = [];
      const seen = new Set<number>();
      const key = await newKey(ctx.database.db, KRIMPEN.id, { client: 'Fuzzer', canHandle: true });
      for (const { path, method, op } of ops) {
        const fill = (tenant: string) => path.replace('{tenant}', tenant).replace(/\{\w+\}/g, 'x');
        const probes = [
          fill(KRIMPEN.slug),
          fill('bestaat-niet'),
          fill('a'.repeat(150)),
          fill('%E0%A4%A'),
          `${fill(KRIMPEN.slug)}?jurisdiction_id=1&jurisdiction_id=2`,
          `${fill(KRIMPEN.slug)}?start_date=gisteren&page=-1`,
          path.replace('{tenant}', KRIMPEN.slug).replace(/\{\w+\}/g, 'a'.repeat(150)),
        ];
        for (const url of probes) {
          for (const payload of method === 'POST'
            ? ['', `api_key=${key}`, `api_key=${key}&service_code=verlichting&lat=1&long=1`, 'x=%00']
            : [undefined]) {
            const res = await ctx.app.inject({
              method: method as 'GET' | 'POST',
              url,
              remoteAddress: '198.51.100.7',
              ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
            });
            const label = `${method} ${url.slice(0, 80)} ${payload ?? ''}`;
            seen.add(res.statusCode);
            const documented = op.responses[String(res.statusCode)];
            if (res.statusCode >= 500 || !documented) {
              problems.push(`${label}: ${res.statusCode} not listed ${res.body.slice(0, 100)}`);
              continue;
            }
            const schema = documented.content?.['application/json']?.schema;
            if (schema && /json/.test(String(res.headers['content-type']))) {
              const validate = ajv.compile(schema);
              if (!validate(res.json())) {
                problems.push(`${label}: ${res.statusCode} body not as documented: ${ajv.errorsText(validate.errors)}`);
              }
            }
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.deepEqual([...seen].sort(), [200, 400, 403, 404, 414], 'the probes reached every listed error but 429 (see finding 5)');
    });

    it('docs/open311.swagger.json lists the same statuses (without 414: its base path is fixed)', async () => {
      const { readFileSync } = await import('node:fs');
      const swagger = JSON.parse(readFileSync('docs/open311.swagger.json', 'utf8')) as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      const doc = (await ctx.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, Op>> };
      const rename = (p: string) => p.replace('{service_code}', '{code}').replace('{service_request_id}', '{id}');
      for (const [path, ops] of Object.entries(swagger.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          const api = doc.paths[`/{tenant}/open311/v2${rename(path)}`]?.[method];
          assert.ok(api, `${method} ${path} is in /api/openapi.json`);
          assert.deepEqual(
            Object.keys(op.responses).sort(),
            Object.keys(api.responses)
              .filter((s) => s !== '414')
              .sort(),
            `${method} ${path}`,
          );
        }
      }
    });
  });
});

/** A form-encoded POST (as an English-speaking client) for inject. */
function form(fields: Record<string, string>) {
  return {
    method: 'POST' as const,
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'accept-language': 'en' },
  };
}
