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

  const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

  /** Call one documented operation with its examples, as a dredd-like client would. */
  function call(path: string, method: string, op: Operation, description = path) {
    let url = doc.basePath + path;
    const form = new URLSearchParams();
    const query = new URLSearchParams();
    for (const p of op.parameters) {
      const value = examples[p.name] ?? p['x-example'];
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value ?? ''));
      if (value === undefined) continue;
      if (p.in === 'formData') form.set(p.name, value);
      if (p.in === 'query') query.set(p.name, value);
    }
    if (path.startsWith('/requests') && method === 'post') form.set('description', `${form.get('description')} ${description}`);
    if (path.startsWith('/servicerequestupdates') && method === 'post') form.set('update_id', `dredd-${path}`);
    return ctx.app.inject({
      method: method.toUpperCase() as 'GET' | 'POST',
      url: query.size ? `${url}?${query}` : url,
      ...(method === 'post' ? { payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
    });
  }

  before(async () => {
    await setupTenant(ctx.database.db, KRIMPEN);
    await inTransaction(ctx.database.db, (trx) =>
      seedOpen311Demo(trx, { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: ctx.clock.now() }),
    );
    // One request created through the API: its number and token are the examples of the paths that need one.
    const res = await call('/requests.json', 'post', doc.paths['/requests.json']!.post!, '(voorbeeld)');
    assert.equal(res.statusCode, 200, res.body);
    examples.service_request_id = (res.json() as { service_request_id: string }[])[0]!.service_request_id;
    examples.token = res.headers['open311-token'] as string;
  });

  it('documents every route of the API (both formats)', () => {
    assert.equal(doc.basePath, `/${KRIMPEN.slug}/open311/v2`);
    assert.equal(operations.length, 18);
  });

  for (const { path, method, op } of operations) {
    it(`${method.toUpperCase()} ${path}`, async () => {
      const res = await call(path, method, op);
      assert.equal(res.statusCode, 200, `${method.toUpperCase()} ${path} → ${res.body}`);
      assert.equal(res.headers['content-type'], op.produces[0]);
      if (path.endsWith('.xml')) {
        parseXml(res.body);
        return;
      }
      const validate = ajv.compile({ ...(toJsonSchema(op.responses['200']!.schema) as object), definitions });
      assert.ok(validate(res.json()), JSON.stringify(validate.errors));
    });
  }
});
