/**
 * Shared helpers of the Open311 tests: validation against the saved Open311 JSON Schemas
 * (draft-4 style, no `$schema`: checked with ajv's draft-07 validator, which reads them the same),
 * form posts, and issuing keys.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import assert from 'node:assert/strict';
import { issueApiKey } from './apikeys.service.ts';
import { KRIMPEN_POINT } from '../signals.test-support.ts';

export const SCHEMA_DIR = join(process.cwd(), 'standards', 'open311', 'json-schema');
export type Open311Schema = 'services' | 'service' | 'service-definition' | 'requests' | 'request';

/** Error messages of a JSON document against one of the saved schemas; empty when valid. */
export function schemaErrors(kind: Open311Schema, data: unknown): string[] {
  const validate = validator().getSchema(`${kind}.json`);
  if (!validate) throw new Error(`No Open311 schema ${kind}.json`);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${kind}${e.instancePath} ${e.message ?? ''}`);
}

let ajv: InstanceType<typeof Ajv.default> | null = null;
function validator(): InstanceType<typeof Ajv.default> {
  if (ajv) return ajv;
  ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const kind of ['service', 'services', 'service-definition', 'request', 'requests']) {
    ajv.addSchema(JSON.parse(readFileSync(join(SCHEMA_DIR, `${kind}.json`), 'utf8')) as object, `${kind}.json`);
  }
  return ajv;
}

/** Issue a key directly (as the admin page does) and return it in plain text. */
export async function newKey(
  db: DbOrTrx,
  tenantId: string,
  opts: { canReport?: boolean; canHandle?: boolean; organisationId?: string | null; client?: string } = {},
): Promise<string> {
  const { key } = await issueApiKey(
    db,
    {
      tenantId,
      clientName: opts.client ?? 'Testclient',
      canReport: opts.canReport ?? true,
      canHandle: opts.canHandle ?? false,
      organisationId: opts.organisationId ?? null,
      now: new Date('2026-11-23T09:00:00Z'),
    },
    { actorUserId: null, ip: null },
  );
  return key;
}

/** POST a form-encoded body to an Open311 path (as an English-speaking client unless headers say otherwise). */
export function postForm(
  app: FastifyInstance,
  url: string,
  form: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'accept-language': 'en', ...headers },
  });
}

/** GET an Open311 path as an English-speaking client (the tests match English error texts). */
export function getEn(app: FastifyInstance, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
}

/** Count signals of a tenant (to prove that nothing was stored). */
export async function countSignals(db: DbOrTrx, tenantId: string): Promise<number> {
  const r = await db
    .selectFrom('signals_signals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A valid street-light report in Krimpen (override what the test is about). */
export const lamp = (over: Record<string, string | string[]> = {}) => ({
  service_code: 'verlichting',
  lat: String(KRIMPEN_POINT.latitude),
  long: String(KRIMPEN_POINT.longitude),
  description: 'Lantaarnpaal brandt niet',
  email: 'bewoner@example.nl',
  first_name: 'Bea',
  last_name: 'Bewoner',
  ...over,
});

/** The spec's error body in JSON: an array of {code, description}. */
export function assertErrors(body: string, code: number, pattern?: RegExp): void {
  const errors = JSON.parse(body) as { code: number; description: string }[];
  assert.ok(Array.isArray(errors) && errors.length > 0, body);
  for (const e of errors) assert.deepEqual(Object.keys(e).sort(), ['code', 'description']);
  assert.equal(errors[0]!.code, code, body);
  if (pattern) assert.match(errors.map((e) => e.description).join(' | '), pattern);
}
