/**
 * Security review, finding 7 (issue 11): a small in-house fuzzer over our own OpenAPI document.
 * It reads /api/openapi.json and, for every documented operation, sends probes over real HTTP —
 * a valid request, nonexistent ids, empty filters, bad values, too long and badly encoded path
 * segments, and methods without a route (QUERY, PROPFIND, TRACE…) — and asserts every answer is
 * documented for that operation and never a 5xx; empty optional filters answer as if absent; an
 * unknown method is a 405 with Allow (a 404 or 405 on an unknown path), never a 400.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestApp } from '../../../test/helpers/app.ts';
import { KRIMPEN, keepFixture, type KeepFixture } from '../../modules/socialmap/keep/keep.test-support.ts';

/**
 * Paths this test leaves out: Open311 writes need an API key and answer with the standard's own
 * error list, so its module probes them itself, against the same document
 * (src/modules/signals/open311/open311.security.test.ts, finding 7).
 */
const NOT_YET_COVERED = ['/{tenant}/open311/'];
const UNROUTED_METHODS = ['QUERY', 'PROPFIND', 'TRACE', 'DELETE', 'PATCH', 'PUT', 'SEARCH', 'MKCALENDAR'];

interface Parameter {
  name: string;
  in: 'path' | 'query';
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<string, unknown>;
}
type Doc = { paths: Record<string, Record<string, Operation>> };
interface Answer {
  status: number;
  allow: string | undefined;
  type: string;
  body: string;
}

describe('OpenAPI conformance: every answer is documented, unknown methods are 405 (finding 7)', () => {
  const ctx = useTestApp();
  let f: KeepFixture;
  let port = 0;
  let doc: Doc;
  let client = 0;
  /** Example values of path parameters: valid ones, and ones that do not exist. */
  const valid: Record<string, string> = {};

  /** One request over real HTTP; each probe group comes from its own loopback address (rate limits are per client). */
  function send(
    method: string,
    path: string,
    opts: { headers?: Record<string, string>; body?: string; from?: string } = {},
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers = {
        accept: 'application/json',
        ...opts.headers,
        ...(opts.body !== undefined ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {}),
      };
      const req = http.request({ host: '127.0.0.1', port, method, path, headers, localAddress: opts.from ?? '127.0.0.1' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, type: String(res.headers['content-type'] ?? ''), body }),
        );
      });
      req.on('error', reject);
      req.end(opts.body);
    });
  }
  const nextClient = () => `127.0.${Math.floor(++client / 250) + 1}.${(client % 250) + 1}`;

  const covered = () =>
    Object.entries(doc.paths)
      .filter(([p]) => !NOT_YET_COVERED.some((prefix) => p.startsWith(prefix)))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? valid[name] ?? 'x');
  const query = (pairs: [string, string][]) =>
    pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}` : '';
  const params = (op: Operation, where: 'path' | 'query') => (op.parameters ?? []).filter((p) => p.in === where);
  /** Valid values of required query parameters (the only ones: lat and lon of the point lookup). */
  const requiredQuery = (op: Operation): [string, string][] =>
    params(op, 'query')
      .filter((p) => p.required)
      .map((p) => [p.name, p.name === 'lat' ? String(f.point.lat) : p.name === 'lon' ? String(f.point.lon) : 'x']);

  /** Mismatches: an answer that is a 5xx, or whose status the operation does not list. */
  function check(problems: string[], label: string, op: Operation, a: Answer): void {
    if (a.status >= 500) problems.push(`${label}: ${a.status} (server error) ${a.body.slice(0, 120)}`);
    else if (!(String(a.status) in op.responses) && !('default' in op.responses)) {
      problems.push(`${label}: ${a.status} not documented (${Object.keys(op.responses).join(', ')})`);
    }
    if (/json/.test(a.type)) {
      try {
        const body = JSON.parse(a.body) as { error?: { code?: unknown; message?: unknown } };
        // Every error of our own APIs, also those the router answers (414, bad encoding), has one shape.
        if (a.status >= 400 && (typeof body.error?.code !== 'string' || typeof body.error?.message !== 'string')) {
          problems.push(`${label}: ${a.status} without {error: {code, message}}: ${a.body.slice(0, 100)}`);
        }
      } catch {
        problems.push(`${label}: body is not JSON`);
      }
    }
  }

  before(async () => {
    f = await keepFixture(ctx.database.db, ctx.clock.now());
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    port = (ctx.app.server.address() as AddressInfo).port;
    const res = await send('GET', '/api/openapi.json');
    assert.equal(res.status, 200);
    doc = JSON.parse(res.body) as Doc;
    const base = `/${KRIMPEN.slug}/hsds`;
    const first = async (list: string) =>
      (JSON.parse((await send('GET', `${base}/${list}?per_page=1`)).body) as { contents: { id: string }[] }).contents[0]!.id;
    Object.assign(valid, { tenant: KRIMPEN.slug, code: f.buurt, file: 'services.csv' });
    const ids: Record<string, string> = {
      services: f.serviceX,
      organizations: f.orgX,
      taxonomies: await first('taxonomies'),
      taxonomy_terms: await first('taxonomy_terms'),
      service_at_locations: await first('service_at_locations'),
    };
    idOf = (path) => ids[/\/hsds\/(\w+)\/\{id\}$/.exec(path)?.[1] ?? ''] ?? 'x';
  });
  let idOf: (path: string) => string = () => 'x';
  const concrete = (path: string, values: Record<string, string> = {}) => fill(path, { id: idOf(path), ...values });

  it('the document covers the JSON APIs and lists more than 200 for them', () => {
    const ops = covered();
    assert.ok(ops.length >= 19, String(ops.length));
    for (const path of ['/health', '/ready', '/{tenant}/api/areas/{code}', '/{tenant}/hsds/services/{id}', '/{tenant}/hsds/services']) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok('404' in doc.paths['/{tenant}/hsds/services/{id}']!.get!.responses, 'GET …/hsds/services/{id} documents 404');
    assert.ok('400' in doc.paths['/{tenant}/hsds/services']!.get!.responses);
  });

  it('a valid request answers 200 on every operation', async () => {
    const problems: string[] = [];
    for (const { path, method, op } of covered()) {
      const url = concrete(path) + query(requiredQuery(op));
      const a = await send(method, url, { from: nextClient() });
      if (a.status !== 200) problems.push(`${method} ${url}: ${a.status} ${a.body.slice(0, 120)}`);
    }
    assert.deepEqual(problems, []);
  });

  it('nonexistent ids, municipalities, too long and badly encoded path segments: documented answers, no 5xx', async () => {
    const problems: string[] = [];
    const missing: Record<string, string[]> = {
      tenant: ['bestaat-niet', 'a'.repeat(150), '%E0%A4%A'],
      id: ['0', '00000000-0000-4000-8000-000000000000', 'a'.repeat(150), '%E0%A4%A'],
      code: ['BU99999999', 'GM0000', 'xyz', 'a'.repeat(150)],
      file: ['bestaat-niet.csv', 'a'.repeat(150)],
    };
    for (const { path, method, op } of covered()) {
      for (const p of params(op, 'path')) {
        for (const value of missing[p.name] ?? ['x']) {
          const url = concrete(path, { [p.name]: value }) + query(requiredQuery(op));
          const a = await send(method, url, { from: nextClient() });
          check(problems, `${method} ${url.slice(0, 90)}`, op, a);
          if (a.status === 200) problems.push(`${method} ${url.slice(0, 90)}: 200 for a value that does not exist`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('empty optional filters answer as if they were absent', async () => {
    const problems: string[] = [];
    for (const { path, method, op } of covered()) {
      const optional = params(op, 'query').filter((p) => !p.required);
      if (optional.length === 0) continue;
      const url = concrete(path);
      const from = nextClient();
      const plain = await send(method, url + query(requiredQuery(op)), { from });
      for (const p of optional) {
        const a = await send(method, url + query([...requiredQuery(op), [p.name, '']]), { from });
        check(problems, `${method} ${path}?${p.name}=`, op, a);
        if (a.status !== plain.status || a.body !== plain.body) {
          problems.push(`${method} ${path}?${p.name}=: ${a.status}, not the answer without it (${plain.status})`);
        }
      }
      const all = await send(method, url + query([...requiredQuery(op), ...optional.map((p): [string, string] => [p.name, ''])]), { from });
      if (all.status !== plain.status || all.body !== plain.body) problems.push(`${method} ${path} with every filter empty: ${all.status}`);
    }
    assert.deepEqual(problems, []);
  });

  it('bad query values: documented answers (400 with the field), no 5xx', async () => {
    const problems: string[] = [];
    const bad = ['zz', '0', '-1', 'a'.repeat(300), '1 AB 1234', '2026-13-45', 'true\u0000'];
    for (const { path, method, op } of covered()) {
      const from = nextClient();
      for (const p of params(op, 'query')) {
        for (const value of bad) {
          const pairs = requiredQuery(op).filter(([k]) => k !== p.name);
          const a = await send(method, concrete(path) + query([...pairs, [p.name, value]]), { from });
          check(problems, `${method} ${path}?${p.name}=${value.slice(0, 12)}`, op, a);
        }
        const twice = await send(
          method,
          `${concrete(path)}${query([...requiredQuery(op).filter(([k]) => k !== p.name), [p.name, '1'], [p.name, '2']])}`,
          { from },
        );
        check(problems, `${method} ${path}?${p.name}=1&${p.name}=2`, op, twice);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('a method without a route answers 405 with Allow on every documented path, before any body is read', async () => {
    const problems: string[] = [];
    const byPath = new Map<string, string[]>();
    for (const { path, method } of covered()) byPath.set(path, [...(byPath.get(path) ?? []), method]);
    for (const [path, documented] of byPath) {
      const url = concrete(path);
      const from = nextClient();
      for (const method of UNROUTED_METHODS.filter((m) => !documented.includes(m))) {
        for (const withBody of [false, true]) {
          const a = await send(method, url, withBody ? { from, headers: { 'content-type': 'application/xml' }, body: '<x/>' } : { from });
          const label = `${method}${withBody ? ' (with a body)' : ''} ${url}`;
          if (a.status !== 405) problems.push(`${label}: ${a.status} ${a.body.slice(0, 100)}`);
          const allow = (a.allow ?? '').split(/,\s*/);
          if (!documented.every((m) => allow.includes(m)) || allow.includes(method)) problems.push(`${label}: Allow "${a.allow ?? ''}"`);
          if (a.status === 405 && JSON.parse(a.body).error?.code !== 'method_not_allowed') {
            problems.push(`${label}: body ${a.body.slice(0, 100)}`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('an unknown method on an unknown path is a 404 or 405, never a 400', async () => {
    for (const method of ['QUERY', 'PROPFIND', 'TRACE', 'DELETE', 'OPTIONS']) {
      for (const path of ['/bestaat/niet/echt', '/api/bestaat-niet.json', `/${KRIMPEN.slug}/hsds/bestaat-niet`]) {
        const a = await send(method, path, { from: nextClient() });
        assert.ok(a.status === 404 || a.status === 405, `${method} ${path}: ${a.status}`);
        const b = await send(method, path, { from: nextClient(), headers: { 'content-type': 'application/json' }, body: '{kapot' });
        assert.ok(b.status === 404 || b.status === 405, `${method} ${path} with a broken body: ${b.status}`);
      }
    }
  });
});
