/**
 * Validate JSON against the HSDS 3.0 JSON schemas (ajv, draft 2020-12, with formats): every schema
 * file of the standard is added under its file name, so `$ref: "organization.json"` resolves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

export const HSDS_DIR = join(process.cwd(), 'standards', 'hsds', '3.0');
const SCHEMA_DIR = join(HSDS_DIR, 'schema');

export type HsdsKind =
  | 'service'
  | 'organization'
  | 'location'
  | 'service_at_location'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'schedule'
  | 'attribute'
  | 'phone'
  | 'address';

export interface HsdsValidator {
  /** Error messages (path + message) of one object, empty when valid. */
  errors(kind: HsdsKind, data: unknown): string[];
}

/** Build a validator over every schema file of the standard. */
export function hsdsValidator(): HsdsValidator {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const file of readdirSync(SCHEMA_DIR)) {
    if (!file.endsWith('.json') || file.startsWith('openapi')) continue;
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, file), 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    ajv.addSchema(schema, file);
  }
  return {
    errors(kind, data) {
      const validate = ajv.getSchema(`${kind}.json`);
      if (!validate) throw new Error(`No HSDS schema ${kind}.json`);
      if (validate(data)) return [];
      return (validate.errors ?? []).map((e) => `${kind}${e.instancePath} ${e.message ?? ''}`);
    },
  };
}
