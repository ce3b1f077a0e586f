/**
 * Contract check of docs/open311.swagger.json, as a dredd-like client would do it: every operation
 * is called with its documented examples (the demo key from the demo seed), and must answer 200
 * with exactly the documented content type and a body matching the documented schema.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { KRIMPEN, setupTenant } from '../signals.test-support.ts';
import { seedOpen311Demo } from './demo.ts';
import { parseXml } from './xml-check.test-support.ts';

interface Param {
  name: string;
  in: string;
  required?: boolean;
  'x-example'?: string;
}
interface Operation {
  produces: string[];
  parameters: Param[];
  responses: Record<string, { schema?: unknown }>;
}
interface Swagger {
  basePath: string;
  paths: Record<string, Record<string, Operation>>;
  definitions: Record<string, unknown>;
}

const doc = JSON.parse(readFileSync(join(process.cwd(), 'docs', 'open311.swagger.json'), 'utf8')) as Swagger;

/** Swagger 2's `x-nullable` as JSON Schema, and `#/definitions` refs kept resolvable. */
function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const o = Object.fromEntries(
    Object.entries(s as Record<string, unknown>)
      .filter(([k]) => k !== 'x-nullable')
      .map(([k, v]) => [k, toJsonSchema(v)]),
  );
  if ((s as Record<string, unknown>)['x-nullable'] === true && typeof o.type === 'string') o.type = [o.type, 'null'];
  return o;
}

describe('docs/open311.swagger.json matches the API', () => {
  const ctx = useTestApp();
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const definitions = toJsonSchema(doc.definitions);
  const examples: Record<string, string> = {};

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    await inTransaction(ctx.database.db, (trx) =>
      seedOpen311Demo(trx, { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: ctx.clock.now() }),
    );
  });

  // Creating comes first: its answer gives the examples of the later paths.
  const order = (p: string, m: string) => (m === 'post' && p.startsWith('/requests') ? 0 : m === 'post' ? 2 : 1);
  const operations = Object.entries(doc.paths)
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
    .sort((a, b) => order(a.path, a.method) - order(b.path, b.method));

  it('documents every route of the API (both formats)', () => {
    assert.equal(doc.basePath, `/${KRIMPEN.slug}/open311/v2`);
    assert.equal(operations.length, 18);
  });

  for (const { path, method, op } of operations) {
    it(`${method.toUpperCase()} ${path}`, async () => {
      let url = doc.basePath + path;
      const form = new URLSearchParams();
      const query = new URLSearchParams();
      const headers: Record<string, string> = {};
      for (const p of op.parameters) {
        const value = examples[p.name] ?? p['x-example'];
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value ?? ''));
        if (value === undefined) continue;
        if (p.in === 'formData') form.set(p.name, value);
        if (p.in === 'query') query.set(p.name, value);
      }
      if (path.startsWith('/requests') && method === 'post') form.set('description', `${form.get('description')} ${path}`);
      if (path.startsWith('/servicerequestupdates') && method === 'post') form.set('update_id', `dredd-${path}`);
      const res = await ctx.app.inject({
        method: method.toUpperCase() as 'GET' | 'POST',
        url: query.size ? `${url}?${query}` : url,
        ...(method === 'post'
          ? { payload: form.toString(), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } }
          : {}),
      });
      assert.equal(res.statusCode, 200, `${url} → ${res.body}`);
      assert.equal(res.headers['content-type'], op.produces[0]);
      if (path.endsWith('.xml')) {
        parseXml(res.body);
        return;
      }
      const validate = ajv.compile({ ...(toJsonSchema(op.responses['200']!.schema) as object), definitions });
      const body = res.json() as { service_request_id: string }[];
      assert.ok(validate(body), JSON.stringify(validate.errors));
      if (path === '/requests.json' && method === 'post') {
        examples.service_request_id = body[0]!.service_request_id;
        examples.token = res.headers['open311-token'] as string;
      }
    });
  }
});
