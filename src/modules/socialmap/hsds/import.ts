/**
 * Import an HSDS 3.0 JSON dataset into one tenant: upsert by id, all or nothing. Every row is
 * checked (UUIDs, the same field rules as the forms, references within the dataset or to this
 * tenant's data); when anything is rejected nothing is written and the report says why.
 */
import type { z } from 'zod';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import {
  addressInput,
  locationInput,
  organizationInput,
  scheduleExceptionInput,
  scheduleInput,
  serviceInput,
} from '../socialmap.schemas.ts';
import { existingIds, IMPORT_TABLES, setTermParents, upsertExceptions, upsertRows, type ImportKind } from './import.store.ts';
import { areaCodesOfPoint } from '../records/locations.service.ts';
import { audit, type Actor } from '../actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { isMultiLine, isSingleLine, normaliseMultiLine } from '../../../platform/input.ts';
import { collect, type Kind, type Problem } from './import-collect.ts';
import { isUuid } from '../../../platform/ids.ts';
import { authorize } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { isMessageKey } from '../../../platform/i18n/index.ts';
import { refreshForSchedules, refreshServiceOccurrences } from '../occurrences/occurrences.service.ts';
import { schedulesById, servicesOfServiceAtLocations } from '../occurrences/occurrences.targets.ts';

type Json = Record<string, unknown>;

export interface ImportOptions {
  /**
   * What to do with a location whose point lies outside the municipality: 'reject' (default) or
   * 'keep' (stored without buurt/wijk; a point that is not a valid WGS84 coordinate is dropped
   * with a warning). 'keep' is for regional datasets such as the HSDS examples.
   */
  outside?: 'reject' | 'keep';
}

export interface ImportReport {
  /** True when the data was written (nothing was rejected). */
  written: boolean;
  created: Partial<Record<Kind, number>>;
  updated: Partial<Record<Kind, number>>;
  rejected: Problem[];
  warnings: Problem[];
  /** Nested HSDS parts this model does not store (contacts, funding…), with counts. */
  ignored: Record<string, number>;
}

const REFS: Partial<Record<Kind, [field: string, target: Kind, required: boolean][]>> = {
  service: [['organization_id', 'organization', true]],
  location: [['organization_id', 'organization', false]],
  service_at_location: [
    ['service_id', 'service', true],
    ['location_id', 'location', true],
  ],
  address: [['location_id', 'location', true]],
  accessibility: [['location_id', 'location', true]],
  phone: [
    ['organization_id', 'organization', false],
    ['service_id', 'service', false],
    ['location_id', 'location', false],
    ['service_at_location_id', 'service_at_location', false],
  ],
  language: [
    ['service_id', 'service', false],
    ['location_id', 'location', false],
    ['phone_id', 'phone', false],
  ],
  schedule: [
    ['service_id', 'service', false],
    ['location_id', 'location', false],
    ['service_at_location_id', 'service_at_location', false],
  ],
  schedule_exception: [['schedule_id', 'schedule', true]],
  taxonomy_term: [['taxonomy_id', 'taxonomy', false]],
  attribute: [['taxonomy_term_id', 'taxonomy_term', true]],
};

const SCHEMAS: Partial<Record<Kind, z.ZodType>> = {
  organization: organizationInput,
  service: serviceInput,
  location: locationInput,
  address: addressInput,
  schedule: scheduleInput,
  schedule_exception: scheduleExceptionInput,
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

/** Free-text columns of the kinds without a schema that may hold line breaks; every other text is one line. */
const MULTI_LINE_COLUMNS = new Set(['description', 'details', 'note', 'notes']);

/**
 * Control characters in the kinds checked without a schema (taxonomies, terms, phones, languages,
 * accessibility, attributes…), by the same rule as the schemas: one-line columns refuse them all,
 * free-text columns keep line breaks (normalised to `\n`).
 */
function checkControlChars(kind: Kind, id: string, row: Json, problems: Problem[]): void {
  for (const [k, v] of Object.entries(row)) {
    if (typeof v !== 'string') continue;
    if (MULTI_LINE_COLUMNS.has(k)) {
      row[k] = normaliseMultiLine(v);
      if (!isMultiLine(row[k] as string)) problems.push({ kind, id, field: k, message: 'socialmap.error.controlCharsText' });
    } else if (!isSingleLine(v)) problems.push({ kind, id, field: k, message: 'socialmap.error.controlChars' });
  }
}

/** Check one row's fields; returns the cleaned row (stored columns only) or problems. */
function checkRow(kind: Kind, id: string, row: Json, problems: Problem[]): Json | null {
  const before = problems.length;
  for (const [k, v] of Object.entries(row)) {
    if ((k === 'id' || k.endsWith('_id')) && v !== null && v !== undefined && !(typeof v === 'string' && isUuid(v))) {
      if (kind === 'schedule_exception' && k === 'id') continue;
      problems.push({ kind, id, field: k, message: 'socialmap.error.uuid' });
    }
  }
  let data: Json = row;
  const schema = SCHEMAS[kind];
  if (!schema) checkControlChars(kind, id, row, problems);
  if (schema) {
    const r = schema.safeParse(
      kind === 'schedule_exception' ? row : { ...row, id: typeof row.id === 'string' && isUuid(row.id) ? row.id : undefined },
    );
    if (!r.success) {
      for (const issue of r.error.issues) {
        const field = issue.path.map(String).join('.') || '_row';
        if (problems.some((p) => p.id === id && p.kind === kind && p.field === field)) continue;
        problems.push({
          kind,
          id,
          field,
          message: issue.message.startsWith('socialmap.') && isMessageKey(issue.message) ? issue.message : 'socialmap.error.invalidValue',
        });
      }
    } else data = { ...row, ...(r.data as Json) };
  }
  if ((kind === 'taxonomy' || kind === 'taxonomy_term') && !str(row.name)) {
    problems.push({ kind, id, field: 'name', message: 'socialmap.error.required' });
  }
  if (kind === 'phone' && !str(row.number)) problems.push({ kind, id, field: 'number', message: 'socialmap.error.required' });
  if (kind === 'schedule' && !row.service_id && !row.location_id && !row.service_at_location_id) {
    problems.push({ kind, id, field: 'service_id', message: 'socialmap.error.scheduleTarget' });
  }
  if (kind === 'attribute' && !str(row.link_id)) problems.push({ kind, id, field: 'link_id', message: 'socialmap.import.brokenReference' });
  return problems.length === before ? data : null;
}

/** Import an HSDS JSON dataset (already parsed) into the tenant; see ImportReport. Coordinators and the system only (policies.ts). */
export async function importHsds(
  db: DbOrTrx,
  tenantId: string,
  data: unknown,
  actor: Actor,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  authorize(can(actor, 'socialmap.import', { tenantId }));
  const { rows, problems, ignored } = collect(data);
  const warnings: Problem[] = [];
  const clean = new Map<Kind, Map<string, Json>>();
  for (const [kind, table] of rows) {
    const out = new Map<string, Json>();
    for (const [id, row] of table) {
      if (kind === 'location' && opts.outside === 'keep') {
        const lat = row.latitude,
          lon = row.longitude;
        if ((typeof lat === 'number' && Math.abs(lat) > 90) || (typeof lon === 'number' && Math.abs(lon) > 180)) {
          warnings.push({ kind, id, field: 'latitude', message: 'socialmap.import.coordinatesDropped' });
          row.latitude = null;
          row.longitude = null;
        }
      }
      const c = checkRow(kind, id, row, problems);
      if (c) out.set(id, c);
    }
    clean.set(kind, out);
  }
  if (problems.length > 0) return { written: false, created: {}, updated: {}, rejected: problems, warnings, ignored };

  try {
    return await inTransaction(db, async (trx) => {
      // References: within the dataset, or to this tenant's data already stored.
      const known = new Map<Kind, Set<string>>();
      const exists = async (kind: Kind, id: string): Promise<boolean> => {
        if (clean.get(kind)?.has(id)) return true;
        let set = known.get(kind);
        if (!set) {
          const wanted = new Set<string>();
          for (const [k, refs] of Object.entries(REFS) as [Kind, NonNullable<(typeof REFS)[Kind]>][]) {
            for (const [field, target] of refs) {
              if (target === kind) for (const r of clean.get(k)!.values()) if (typeof r[field] === 'string') wanted.add(r[field]);
            }
          }
          if (kind !== 'schedule_exception') {
            for (const r of clean.get('attribute')!.values()) if (typeof r.link_id === 'string') wanted.add(r.link_id);
          }
          set =
            kind === 'schedule_exception'
              ? new Set()
              : await existingIds(trx, tenantId, IMPORT_TABLES[kind as ImportKind].table, [...wanted]);
          known.set(kind, set);
        }
        return set.has(id);
      };
      for (const [kind, refs] of Object.entries(REFS) as [Kind, NonNullable<(typeof REFS)[Kind]>][]) {
        for (const [id, row] of clean.get(kind)!) {
          for (const [field, target, required] of refs) {
            const ref = row[field];
            if (typeof ref !== 'string') {
              if (required) problems.push({ kind, id, field, message: 'socialmap.import.brokenReference' });
              continue;
            }
            if (!(await exists(target, ref))) {
              problems.push({
                kind,
                id,
                field,
                message: kind === 'attribute' ? 'socialmap.error.unknownTerm' : 'socialmap.import.brokenReference',
              });
            }
          }
        }
      }
      for (const [id, row] of clean.get('attribute')!) {
        const link = row.link_id as string;
        const found = await Promise.all(
          (['service', 'location', 'organization', 'service_at_location'] as Kind[]).map((k) => exists(k, link)),
        );
        if (!found.some(Boolean)) problems.push({ kind: 'attribute', id, field: 'link_id', message: 'socialmap.import.brokenReference' });
      }
      const parents: { id: string; parent_id: string }[] = [];
      for (const [id, row] of clean.get('taxonomy_term')!) {
        if (typeof row.parent_id !== 'string') continue;
        if (await exists('taxonomy_term', row.parent_id)) parents.push({ id, parent_id: row.parent_id });
        else warnings.push({ kind: 'taxonomy_term', id, field: 'parent_id', message: 'socialmap.import.parentDropped' });
        row.parent_id = null;
      }
      for (const [id, row] of clean.get('location')!) {
        try {
          Object.assign(
            row,
            await areaCodesOfPoint(
              trx,
              tenantId,
              (row.latitude as number | null) ?? null,
              (row.longitude as number | null) ?? null,
              opts.outside === 'keep',
            ),
          );
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          problems.push({ kind: 'location', id, field: 'latitude', message: 'socialmap.error.outsideTenant' });
        }
      }
      if (problems.length > 0) throw new Rejected();

      // The services whose dates this import may change (their stored occurrences are refreshed below).
      const scheduleIds = [
        ...(clean.get('schedule')?.keys() ?? []),
        ...[...(clean.get('schedule_exception')?.values() ?? [])].map((e) => e.schedule_id as string),
      ];
      const schedulesBefore = await schedulesById(trx, tenantId, scheduleIds);
      const salsBefore = await servicesOfServiceAtLocations(trx, tenantId, [...(clean.get('service_at_location')?.keys() ?? [])]);
      const created: Partial<Record<Kind, number>> = {};
      const updated: Partial<Record<Kind, number>> = {};
      for (const kind of Object.keys(IMPORT_TABLES) as ImportKind[]) {
        const table = clean.get(kind)!;
        if (table.size === 0) continue;
        const { table: name, columns } = IMPORT_TABLES[kind];
        const before = await existingIds(trx, tenantId, name, [...table.keys()]);
        const values = [...table.values()].map((r) => ({
          ...r,
          description: kind === 'organization' || kind === 'taxonomy' || kind === 'taxonomy_term' ? (r.description ?? '') : r.description,
          updated_at: actor.now,
        }));
        await upsertRows(trx, tenantId, name, columns, values);
        created[kind] = table.size - before.size;
        updated[kind] = before.size;
      }
      await setTermParents(trx, tenantId, parents);
      const exceptions = [...clean.get('schedule_exception')!.values()].map((e) => ({
        schedule_id: e.schedule_id as string,
        date: e.date as string,
        note: (e.note as string | null) ?? null,
      }));
      await upsertExceptions(trx, tenantId, exceptions);
      if (exceptions.length) created.schedule_exception = exceptions.length;
      await refreshForSchedules(trx, tenantId, [...schedulesBefore, ...(await schedulesById(trx, tenantId, scheduleIds))]);
      await refreshServiceOccurrences(trx, tenantId, [
        ...(clean.get('service')?.keys() ?? []),
        ...salsBefore,
        ...[...(clean.get('service_at_location')?.values() ?? [])].map((r) => r.service_id as string),
      ]);
      await audit(trx, tenantId, actor, 'import', 'hsds', null, { created, updated, ignored });
      return { written: true, created, updated, rejected: [], warnings, ignored };
    });
  } catch (e) {
    if (e instanceof Rejected) return { written: false, created: {}, updated: {}, rejected: problems, warnings, ignored };
    throw e;
  }
}

class Rejected extends Error {}
