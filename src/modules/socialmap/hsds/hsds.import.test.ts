import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { systemActor } from '../actor.ts';
import { GRONINGEN, KRIMPEN, KRIMPEN_POINT, setupSocialmapTenants } from '../socialmap.test-support.ts';
import { exportJson } from './export.ts';
import { importHsds } from './import.ts';
import { HSDS_DIR, hsdsValidator, type HsdsKind } from './validate.test-support.ts';
import {
  ADDRESS_FIELDS,
  ACCESSIBILITY_FIELDS,
  LANGUAGE_FIELDS,
  LOCATION_FIELDS,
  ORGANIZATION_FIELDS,
  PHONE_FIELDS,
  SAL_FIELDS,
  SCHEDULE_FIELDS,
  SERVICE_FIELDS,
  TAXONOMY_FIELDS,
  TERM_FIELDS,
} from './serialize.ts';

type Json = Record<string, unknown>;
const actor = systemActor(new Date('2026-11-23T10:00:00Z'));
const EXAMPLES = [
  'service_full.json',
  'organization_full.json',
  'location.json',
  'service_at_location_full.json',
  'taxonomy.json',
  'taxonomy_term.json',
  'service_list.json',
  'organization_list.json',
  'service_at_location_list.json',
  'taxonomy_list.json',
  'taxonomy_term_list.json',
];
const example = (f: string): unknown => JSON.parse(readFileSync(join(HSDS_DIR, 'examples', f), 'utf8'));

/** Where nested objects of each kind live in HSDS JSON, and which of their fields we store. */
const NESTED: Record<string, [HsdsKind | 'accessibility' | 'language', readonly string[]]> = {
  organization: ['organization', ORGANIZATION_FIELDS],
  organizations: ['organization', ORGANIZATION_FIELDS],
  services: ['service', SERVICE_FIELDS],
  service: ['service', SERVICE_FIELDS],
  locations: ['location', LOCATION_FIELDS],
  location: ['location', LOCATION_FIELDS],
  service_at_locations: ['service_at_location', SAL_FIELDS],
  addresses: ['address', ADDRESS_FIELDS],
  phones: ['phone', PHONE_FIELDS],
  schedules: ['schedule', SCHEDULE_FIELDS],
  accessibility: ['accessibility', ACCESSIBILITY_FIELDS],
  languages: ['language', LANGUAGE_FIELDS],
  taxonomy_term: ['taxonomy_term', TERM_FIELDS],
  taxonomy_terms: ['taxonomy_term', TERM_FIELDS],
  taxonomy_detail: ['taxonomy', TAXONOMY_FIELDS],
  taxonomies: ['taxonomy', TAXONOMY_FIELDS],
};
const SKIP_KEYS = new Set([
  'contacts',
  'funding',
  'cost_options',
  'program',
  'programs',
  'required_documents',
  'service_areas',
  'metadata',
  'organization_identifiers',
]);

/** Every stored-kind object in a JSON tree, as kind:id → object (skipping parts we do not store). */
function objects(data: unknown, kind: string | null = null, out = new Map<string, { kind: string; fields: readonly string[]; o: Json }>()) {
  if (Array.isArray(data)) for (const x of data) objects(x, kind, out);
  else if (data && typeof data === 'object') {
    const o = data as Json;
    if (kind && typeof o.id === 'string' && NESTED[kind]) {
      const [k, fields] = NESTED[kind]!;
      if (!out.has(`${k}:${o.id}`)) out.set(`${k}:${o.id}`, { kind: k, fields, o });
    }
    for (const [key, v] of Object.entries(o)) if (!SKIP_KEYS.has(key) && typeof v === 'object') objects(v, NESTED[key] ? key : null, out);
  }
  return out;
}

async function counts(db: Parameters<typeof importHsds>[0]): Promise<string> {
  const r = await sql<{ t: string; n: number }>`
    select 'o' as t, count(*)::int as n from socialmap_organizations union all select 's', count(*)::int from socialmap_services
    union all select 'l', count(*)::int from socialmap_locations union all select 'sch', count(*)::int from socialmap_schedules
    union all select 'a', count(*)::int from socialmap_attributes union all select 'tt', count(*)::int from socialmap_taxonomy_terms`.execute(
    db,
  );
  return JSON.stringify(r.rows);
}

describe('HSDS import', () => {
  const ctx = useTestDb();
  const v = hsdsValidator();
  before(async () => setupSocialmapTenants(ctx.database.db));

  it('round-trips the official HSDS examples through import and export', async () => {
    const db = ctx.database.db;
    for (const file of EXAMPLES) {
      const report = await importHsds(db, GRONINGEN.id, example(file), actor, { outside: 'keep' });
      assert.equal(report.written, true, `${file}: ${JSON.stringify(report.rejected)}`);
    }
    const again = await importHsds(db, GRONINGEN.id, example('service_full.json'), actor, { outside: 'keep' });
    assert.equal(again.written, true);
    assert.equal(again.created.service ?? 0, 0, 'upsert by id: nothing new the second time');
    assert.equal(again.updated.service, 1);
    assert.ok(
      again.warnings.some((w) => w.message === 'socialmap.import.coordinatesDropped'),
      'latitude 100 is not a place on earth',
    );
    assert.ok(again.ignored.contacts && again.ignored.contacts > 0, 'contacts (personal data) are not stored');

    const exported = await exportJson(db, GRONINGEN.id, actor.now);
    for (const o of exported.organizations as unknown[]) assert.deepEqual(v.errors('organization', o), []);
    for (const l of exported.locations as unknown[]) assert.deepEqual(v.errors('location', l), []);
    for (const s of exported.services as unknown[]) assert.deepEqual(v.errors('service', s), []);
    for (const t of exported.taxonomies as unknown[]) assert.deepEqual(v.errors('taxonomy', t), []);
    for (const t of exported.taxonomy_terms as unknown[]) assert.deepEqual(v.errors('taxonomy_term', t), []);

    const out = objects({
      organizations: exported.organizations,
      locations: exported.locations,
      services: exported.services,
      taxonomies: exported.taxonomies,
      taxonomy_terms: exported.taxonomy_terms,
    });
    // Expected: per object, the version of the last file imported (upsert overwrites; the examples differ among themselves).
    const rootOf = (file: string) =>
      file.startsWith('taxonomy_term')
        ? 'taxonomy_term'
        : file.startsWith('taxonomy')
          ? 'taxonomies'
          : file.startsWith('location')
            ? 'location'
            : file.startsWith('service_at')
              ? 'service_at_locations'
              : file.startsWith('organization')
                ? 'organization'
                : 'service';
    const expected = new Map<string, { fields: readonly string[]; o: Json }>();
    for (const file of [...EXAMPLES, 'service_full.json']) {
      for (const [key, val] of objects(example(file), rootOf(file))) expected.set(key, val);
    }
    let compared = 0;
    for (const [key, { fields, o }] of expected) {
      const got = out.get(key);
      assert.ok(got, `${key} is exported`);
      for (const f of fields) {
        if (o[f] === undefined || f === 'latitude' || f === 'longitude' || f === 'parent_id') continue;
        // Text is stored trimmed.
        assert.deepEqual(got.o[f], typeof o[f] === 'string' ? o[f].trim() : o[f], `${key}.${f}`);
        compared += 1;
      }
    }
    assert.ok(compared > 80, `compared ${compared} fields`);
  });

  it('refuses broken references, invalid UUIDs, unknown terms, bad schedules and points outside the tenant, writing nothing', async () => {
    const db = ctx.database.db;
    const before = await counts(db);
    const org = { id: '11111111-1111-4111-8111-111111111111', name: 'Buurtvereniging', description: 'x' };
    const cases: [string, unknown, string, string][] = [
      ['invalid uuid', { ...org, id: 'not-a-uuid' }, 'id', 'socialmap.error.uuid'],
      [
        'broken reference',
        {
          id: '22222222-2222-4222-8222-222222222222',
          name: 'Inloop',
          status: 'active',
          organization_id: '33333333-3333-4333-8333-333333333333',
        },
        'organization_id',
        'socialmap.import.brokenReference',
      ],
      [
        'unknown term',
        {
          ...org,
          services: [
            {
              id: '44444444-4444-4444-8444-444444444444',
              name: 'Eettafel',
              status: 'active',
              attributes: [{ id: '55555555-5555-4555-8555-555555555555', taxonomy_term_id: '66666666-6666-4666-8666-666666666666' }],
            },
          ],
        },
        'taxonomy_term_id',
        'socialmap.error.unknownTerm',
      ],
      [
        '25:00',
        {
          ...org,
          services: [
            {
              id: '44444444-4444-4444-8444-444444444444',
              name: 'Eettafel',
              status: 'active',
              schedules: [{ id: '77777777-7777-4777-8777-777777777777', opens_at: '12:00', closes_at: '25:00' }],
            },
          ],
        },
        'closes_at',
        'socialmap.error.time',
      ],
      [
        'ends before it starts',
        {
          ...org,
          services: [
            {
              id: '44444444-4444-4444-8444-444444444444',
              name: 'Eettafel',
              status: 'active',
              schedules: [{ id: '77777777-7777-4777-8777-777777777777', valid_from: '2026-05-01', valid_to: '2026-04-01' }],
            },
          ],
        },
        'valid_to',
        'socialmap.error.validToBeforeFrom',
      ],
      [
        'outside the tenant',
        { ...org, locations: [{ id: '88888888-8888-4888-8888-888888888888', location_type: 'physical', name: 'Stip', ...KRIMPEN_POINT }] },
        'latitude',
        'socialmap.error.outsideTenant',
      ],
      ['not hsds', 42, 'file', 'socialmap.import.notHsds'],
    ];
    for (const [label, data, field, message] of cases) {
      const report = await importHsds(db, GRONINGEN.id, data, actor);
      assert.equal(report.written, false, label);
      assert.ok(
        report.rejected.some((p) => p.field === field && p.message === message),
        `${label}: ${JSON.stringify(report.rejected)}`,
      );
    }
    assert.equal(await counts(db), before, 'nothing half-written');

    // A reference to another tenant's data is broken too.
    const inKrimpen = await importHsds(
      db,
      KRIMPEN.id,
      {
        ...org,
        locations: [
          {
            id: '88888888-8888-4888-8888-888888888888',
            location_type: 'physical',
            name: 'Buurthuis',
            ...KRIMPEN_POINT,
            addresses: [
              {
                id: '99999999-9999-4999-8999-999999999999',
                address_1: 'Raadhuisplein 1',
                city: 'Krimpen aan den IJssel',
                state_province: 'Zuid-Holland',
                postal_code: '2922ad',
                country: 'NL',
                address_type: 'physical',
              },
            ],
          },
        ],
      },
      actor,
    );
    assert.equal(inKrimpen.written, true, JSON.stringify(inKrimpen.rejected));
    assert.deepEqual(inKrimpen.created, { organization: 1, location: 1, address: 1 });
    const cross = await importHsds(
      db,
      GRONINGEN.id,
      { id: '22222222-2222-4222-8222-222222222222', name: 'Inloop', status: 'active', organization_id: org.id },
      actor,
    );
    assert.equal(cross.written, false);
    const stored = await sql<{
      postal_code: string;
      buurt_code: string;
    }>`select a.postal_code, l.buurt_code from socialmap_addresses a join socialmap_locations l on l.tenant_id = a.tenant_id and l.id = a.location_id where a.tenant_id = ${KRIMPEN.id}`.execute(
      db,
    );
    assert.equal(stored.rows[0]?.postal_code, '2922 AD');
    assert.match(stored.rows[0]?.buurt_code ?? '', /^BU0542/);
  });
});
