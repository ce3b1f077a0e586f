/**
 * Full export of a tenant's social map: HSDS JSON (every object valid against its HSDS schema) and
 * the tabular data package (the standard's datapackage.json, one CSV per table). Public data only:
 * active services and what belongs to them, all organisations, locations and taxonomies.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { projectPath } from '../../../platform/paths.ts';
import { loadHsdsRows, type HsdsRows } from './hsds.store.ts';
import { HSDS_VERSION, HsdsIndex } from './serialize.ts';
import { publishedZone, TIMEZONE_NAME_FIELD } from './schedule-zone.ts';

type Json = Record<string, unknown>;

interface Resource {
  name: string;
  path: string;
  schema: { fields: ({ name: string } & Record<string, unknown>)[] } & Record<string, unknown>;
  [k: string]: unknown;
}

/** The standard's datapackage.json (copied from HSDS 3.0 beside this file). */
const STANDARD = JSON.parse(readFileSync(projectPath('src/modules/socialmap/hsds/datapackage.hsds-3.0.json'), 'utf8')) as {
  resources: Resource[];
} & Json;

/** Extension resource: cancelled dates of schedules. */
const EXCEPTION_RESOURCE: Resource = {
  name: 'schedule_exception',
  path: 'schedule_exceptions.csv',
  description: 'Extension (Samenhang): dates on which a recurring schedule does not take place.',
  format: 'csv',
  mediatype: 'text/csv',
  profile: 'tabular-data-resource',
  schema: {
    primaryKey: 'id',
    fields: [
      { name: 'id', type: 'string', format: 'uuid' },
      { name: 'schedule_id', type: 'string', format: 'uuid' },
      { name: 'date', type: 'date' },
      { name: 'kind', type: 'string' },
      { name: 'note', type: 'string' },
    ],
    foreignKeys: [{ fields: 'schedule_id', reference: { resource: 'schedule', fields: 'id' } }],
  },
};

/** The standard's schedule resource plus the extension column `timezone_name` (schedule-zone.ts). */
function withTimezoneName(r: Resource): Resource {
  if (r.name !== 'schedule') return r;
  const field = {
    name: TIMEZONE_NAME_FIELD,
    type: 'string',
    title: 'Timezone name',
    description:
      'Extension (Samenhang): the IANA time zone of opens_at and closes_at (wall-clock times there). `timezone` holds its UTC offset at the next occurrence.',
  };
  return { ...r, schema: { ...r.schema, fields: [...r.schema.fields, field] } };
}

export const RESOURCES: readonly Resource[] = [...STANDARD.resources.map(withTimezoneName), EXCEPTION_RESOURCE];
/** CSV file names of the data package (organizations.csv, services.csv, …). */
export const CSV_FILES: readonly string[] = RESOURCES.map((r) => r.path);

/** The full export as HSDS JSON: organizations, locations and services (fully nested), taxonomies and terms. */
export async function exportJson(db: DbOrTrx, tenantId: string, now: Date): Promise<Json> {
  const idx = new HsdsIndex(await loadHsdsRows(db, tenantId, { all: true, onlyActive: true }), now);
  const rows = idx.rows;
  return {
    version: HSDS_VERSION,
    exported_at: now.toISOString(),
    organizations: rows.organizations.map((o) => {
      const { locations: _l, ...rest } = idx.organization(o.id, { full: true })!;
      return rest;
    }),
    locations: rows.locations.map((l) => idx.location(l.id)!),
    services: rows.services.map((s) => idx.service(s.id, { full: true })!),
    taxonomies: rows.taxonomies.map((t) => idx.taxonomy(t.id)!),
    taxonomy_terms: rows.terms.map((t) => idx.term(t.id, false)!),
  };
}

/** The datapackage.json of the export, its resources pointing at `${base}/<table>.csv`. */
export function datapackage(base: string, now: Date): Json {
  return {
    ...STANDARD,
    created: now.toISOString(),
    resources: RESOURCES.map((r) => ({ ...r, path: `${base}/${r.path}` })),
  };
}

function tableRows(rows: HsdsRows, name: string, now: Date): object[] {
  switch (name) {
    case 'organization':
      return rows.organizations;
    case 'service':
      return rows.services.map((s) => ({ ...s, last_modified: s.updated_at.toISOString() }));
    case 'location':
      return rows.locations;
    case 'service_at_location':
      return rows.serviceAtLocations;
    case 'address':
      return rows.addresses;
    case 'phone':
      return rows.phones;
    case 'schedule':
      return rows.schedules.map((s) => ({ ...s, ...publishedZone(s, now) }));
    case 'schedule_exception':
      return rows.exceptions;
    case 'accessibility':
      return rows.accessibility;
    case 'language':
      return rows.languages;
    case 'taxonomy':
      return rows.taxonomies;
    case 'taxonomy_term':
      return rows.terms;
    case 'attribute':
      return rows.attributes;
    default:
      return [];
  }
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/** One CSV of the data package (by file name, e.g. services.csv), or null for an unknown file. */
export async function exportCsv(db: DbOrTrx, tenantId: string, file: string, now: Date): Promise<string | null> {
  const resource = RESOURCES.find((r) => r.path === file);
  if (!resource) return null;
  const rows = await loadHsdsRows(db, tenantId, { all: true, onlyActive: true });
  const fields = resource.schema.fields.map((f) => f.name);
  const data = tableRows(rows, resource.name, now).map((r) => fields.map((f) => cell((r as Record<string, unknown>)[f])));
  return stringify([fields, ...data]);
}
