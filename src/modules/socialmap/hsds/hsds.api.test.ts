import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { createLocation } from '../records/locations.service.ts';
import { createOrganization } from '../records/organizations.service.ts';
import { createSchedule, addScheduleException } from '../records/schedules.service.ts';
import { createService } from '../records/services.service.ts';
import { systemActor } from '../actor.ts';
import { FUNCTIE, TOEGANKELIJKHEID, DOELGROEP } from '../taxonomy/taxonomy.ts';
import { termIdsByCode } from '../taxonomy/taxonomy.service.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, KRIMPEN_POINT, setupSocialmapTenants } from '../socialmap.test-support.ts';
import { hsdsValidator, type HsdsKind } from './validate.test-support.ts';

type Page = {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
};

describe('HSDS API', () => {
  const ctx = useTestApp();
  const v = hsdsValidator();
  const ids = {} as { org: string; svc: string; inactive: string; loc: string; far: string; grSvc: string };
  const get = (url: string) => ctx.app.inject({ method: 'GET', url });
  const K = `/${KRIMPEN.slug}/hsds`;
  function valid(kind: HsdsKind, data: unknown) {
    assert.deepEqual(v.errors(kind, data), [], JSON.stringify(data).slice(0, 400));
  }

  before(async () => {
    const db = ctx.database.db;
    await setupSocialmapTenants(db);
    const actor = systemActor(ctx.clock.now());
    const org = await createOrganization(
      db,
      KRIMPEN.id,
      { name: 'Welzijn Krimpen', description: 'Welzijnsorganisatie', website: 'https://welzijn.example.nl' },
      actor,
    );
    const loc = await createLocation(
      db,
      KRIMPEN.id,
      {
        name: 'Buurthuis De Tuin',
        organization_id: org.id,
        ...KRIMPEN_POINT,
        address: { address_1: 'Raadhuisplein 1', city: 'Krimpen aan den IJssel', postal_code: '2922 AD' },
        term_codes: [TOEGANKELIJKHEID.rolstoel],
      },
      actor,
    );
    const far = await createLocation(
      db,
      KRIMPEN.id,
      {
        name: 'Kerk aan de Dijk',
        organization_id: org.id,
        latitude: 51.9185,
        longitude: 4.6265,
        address: { address_1: 'Dijk 5', city: 'Krimpen aan den IJssel', postal_code: '2921 LA' },
      },
      actor,
    );
    const svc = await createService(
      db,
      KRIMPEN.id,
      {
        organization_id: org.id,
        name: 'Open eettafel',
        description: 'Samen eten, eerste en derde dinsdag',
        location_ids: [loc.id],
        term_codes: [FUNCTIE.ontmoeting, DOELGROEP.ouderen],
      },
      actor,
    );
    const sched = await createSchedule(
      db,
      KRIMPEN.id,
      { service_id: svc.id, freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '12:00', closes_at: '13:30', dtstart: '2026-01-06', timezone: 1 },
      actor,
    );
    await addScheduleException(db, KRIMPEN.id, { schedule_id: sched.id, date: '2026-12-01', note: 'Vakantie' }, actor);
    await createService(
      db,
      KRIMPEN.id,
      {
        organization_id: org.id,
        name: 'Wandelgroep',
        description: 'Samen wandelen langs de dijk',
        location_ids: [far.id],
        term_codes: [FUNCTIE.bewegingGezondheid],
      },
      actor,
    );
    const inactive = await createService(
      db,
      KRIMPEN.id,
      { organization_id: org.id, name: 'Oude inloop', status: 'defunct', location_ids: [loc.id] },
      actor,
    );
    const grOrg = await createOrganization(db, GRONINGEN.id, { name: 'Stips' }, actor);
    const grLoc = await createLocation(db, GRONINGEN.id, { name: 'Stip Centrum', ...GRONINGEN_POINT }, actor);
    const grSvc = await createService(
      db,
      GRONINGEN.id,
      { organization_id: grOrg.id, name: 'Stip inloopspreekuur eettafel', location_ids: [grLoc.id] },
      actor,
    );
    Object.assign(ids, { org: org.id, svc: svc.id, inactive: inactive.id, loc: loc.id, far: far.id, grSvc: grSvc.id });
  });

  it('answers version information', async () => {
    const res = await get(`${K}/`);
    assert.equal(res.statusCode, 200);
    const body = res.json() as { version: string; openapi_url: string };
    assert.equal(body.version, '3.0');
    assert.match(body.openapi_url, /\/api\/openapi\.json$/);
  });

  it('lists active services in a Page, every one valid HSDS, with filters', async () => {
    const res = await get(`${K}/services?per_page=1`);
    assert.equal(res.statusCode, 200);
    const p = res.json() as Page;
    assert.deepEqual(
      { ...p, contents: undefined },
      { total_items: 2, total_pages: 2, page_number: 1, size: 1, first_page: true, last_page: false, empty: false, contents: undefined },
    );
    for (const s of p.contents) valid('service', s);
    const full = (await get(`${K}/services?full=true`)).json() as Page;
    assert.deepEqual(
      full.contents.map((s) => s.name),
      ['Open eettafel', 'Wandelgroep'],
      'inactive services are not public',
    );
    for (const s of full.contents) valid('service', s);

    const text = (await get(`${K}/services?search=eettafels`)).json() as Page;
    assert.deepEqual(
      text.contents.map((s) => s.name),
      ['Open eettafel'],
      'Dutch stemming; other tenants not included',
    );
    const terms = await termIdsByCode(ctx.database.db, KRIMPEN.id, [FUNCTIE.bewegingGezondheid, TOEGANKELIJKHEID.rolstoel]);
    const byTerm = (await get(`${K}/services?taxonomy_term_id=${terms.get(FUNCTIE.bewegingGezondheid)}`)).json() as Page;
    assert.deepEqual(
      byTerm.contents.map((s) => s.name),
      ['Wandelgroep'],
    );
    const byLocationTerm = (await get(`${K}/services?taxonomy_term_id=${terms.get(TOEGANKELIJKHEID.rolstoel)}`)).json() as Page;
    assert.deepEqual(
      byLocationTerm.contents.map((s) => s.name),
      ['Open eettafel'],
      'accessibility terms of the location count',
    );
    const byOrg = (await get(`${K}/services?organization_id=${ids.org}&search=wandelen`)).json() as Page;
    assert.deepEqual(
      byOrg.contents.map((s) => s.name),
      ['Wandelgroep'],
      'filters are cumulative',
    );
    const later = (await get(`${K}/services?modified_after=2030-01-01T00:00:00Z`)).json() as Page;
    assert.equal(later.empty, true);

    const near = (await get(`${K}/services?postcode=2922ad&proximity=500`)).json() as Page;
    assert.deepEqual(
      near.contents.map((s) => s.name),
      ['Open eettafel'],
      'the dijk location is ~2 km away',
    );
    const sorted = (await get(`${K}/services?postcode=2921%20LA`)).json() as Page;
    assert.deepEqual(
      sorted.contents.map((s) => s.name),
      ['Wandelgroep', 'Open eettafel'],
      'nearest first',
    );
  });

  it('refuses bad parameters and unknown postcodes with a clear JSON error', async () => {
    for (const q of [
      'page=0',
      'per_page=1000',
      'taxonomy_term_id=abc',
      'modified_after=gisteren',
      'full=misschien',
      'proximity=500',
      'postcode=ABCD',
      'format=ndjson',
    ]) {
      const res = await get(`${K}/services?${q}`);
      assert.equal(res.statusCode, 400, q);
      const body = res.json() as { error: { code: string; message: string; fields?: Record<string, string> } };
      assert.ok(body.error.message.length > 10, q);
      assert.ok(body.error.fields && Object.keys(body.error.fields).length === 1, `${q}: ${JSON.stringify(body.error)}`);
    }
    const unknown = await get(`${K}/services?postcode=9999%20ZZ`);
    assert.equal(unknown.statusCode, 400);
    assert.match((unknown.json() as { error: { message: string } }).error.message, /postcode/);
  });

  it('gives one service fully nested and valid, but not an inactive one or another tenant’s', async () => {
    const res = await get(`${K}/services/${ids.svc}`);
    assert.equal(res.statusCode, 200);
    const s = res.json() as Record<string, unknown> & {
      schedules: { byday: string; cancelled_dates: unknown[] }[];
      service_at_locations: { location: { buurt_code: string; addresses: { postal_code: string }[] } }[];
      attributes: { taxonomy_term: { code: string } }[];
    };
    valid('service', s);
    assert.equal(s.schedules[0]?.byday, '1TU,3TU');
    assert.deepEqual(s.schedules[0]?.cancelled_dates, [{ date: '2026-12-01', note: 'Vakantie' }]);
    assert.equal(s.service_at_locations[0]?.location.addresses[0]?.postal_code, '2922 AD');
    assert.match(s.service_at_locations[0]?.location.buurt_code ?? '', /^BU0542/);
    assert.deepEqual(s.attributes.map((a) => a.taxonomy_term.code).sort(), [DOELGROEP.ouderen, FUNCTIE.ontmoeting].sort());
    assert.equal((await get(`${K}/services/${ids.inactive}`)).statusCode, 404);
    assert.equal((await get(`${K}/services/${ids.grSvc}`)).statusCode, 404, 'tenant isolation');
    assert.equal((await get(`/${GRONINGEN.slug}/hsds/services/${ids.svc}`)).statusCode, 404, 'tenant isolation');
    assert.equal((await get(`${K}/services/not-a-uuid`)).statusCode, 404);
    const gr = (await get(`/${GRONINGEN.slug}/hsds/services`)).json() as Page;
    assert.deepEqual(
      gr.contents.map((x) => x.id),
      [ids.grSvc],
    );
  });

  it('lists and gives organizations, taxonomies, terms and services at locations, all valid', async () => {
    const orgs = (await get(`${K}/organizations`)).json() as Page;
    assert.equal(orgs.total_items, 1);
    for (const o of orgs.contents) valid('organization', o);
    const org = (await get(`${K}/organizations/${ids.org}?full_service=true`)).json() as Record<string, unknown> & {
      services: Record<string, unknown>[];
      locations: unknown[];
    };
    valid('organization', org);
    assert.equal(org.services.length, 2);
    assert.equal(org.locations.length, 2);
    for (const s of org.services) valid('service', s);
    assert.equal((await get(`/${GRONINGEN.slug}/hsds/organizations/${ids.org}`)).statusCode, 404);

    const taxonomies = (await get(`${K}/taxonomies`)).json() as Page;
    assert.equal(taxonomies.total_items, 3);
    for (const t of taxonomies.contents) valid('taxonomy', t);
    const t0 = (await get(`${K}/taxonomies/${taxonomies.contents[0]!.id as string}`)).json();
    valid('taxonomy', t0);
    const terms = (await get(`${K}/taxonomy_terms?per_page=100&taxonomy_id=${taxonomies.contents[0]!.id as string}`)).json() as Page;
    assert.equal(terms.total_items, 6);
    for (const t of terms.contents) valid('taxonomy_term', t);
    valid('taxonomy_term', (await get(`${K}/taxonomy_terms/${terms.contents[0]!.id as string}`)).json());
    // In English (`lang=en`): the English text kept with each default term, with HSDS `language` saying so.
    const english = (await get(`${K}/taxonomy_terms?per_page=100&lang=en`)).json() as Page;
    for (const t of english.contents) valid('taxonomy_term', t);
    const meeting = english.contents.find((t) => t.code === 'functie.ontmoeting')!;
    assert.equal(meeting.name, 'Meeting people');
    assert.equal(meeting.language, 'en');
    const dutch = (await get(`${K}/taxonomy_terms/${meeting.id as string}`)).json() as Record<string, unknown>;
    assert.equal(dutch.name, 'Mensen ontmoeten');
    assert.equal(dutch.language, 'nl');
    assert.equal(
      ((await get(`${K}/taxonomy_terms/${meeting.id as string}?lang=en`)).json() as Record<string, unknown>).name,
      'Meeting people',
    );
    assert.equal((await get(`${K}/taxonomy_terms?lang=fr`)).statusCode, 400);
    // Terms nested in services and organisations follow lang=en too; taxonomies get their English name.
    const termNames = (o: unknown): string[] => {
      const found: string[] = [];
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (k === 'taxonomy_term' && x && typeof x === 'object' && 'name' in x) found.push(String(x.name));
            walk(x);
          }
        }
      };
      walk(o);
      return found;
    };
    const serviceId = (await get(`${K}/services`)).json().contents[0].id as string;
    const nestedNl = termNames((await get(`${K}/services/${serviceId}`)).json());
    const nestedEn = termNames((await get(`${K}/services/${serviceId}?lang=en`)).json());
    assert.ok(nestedNl.includes('Mensen ontmoeten') && !nestedNl.includes('Meeting people'), nestedNl.join());
    assert.ok(nestedEn.includes('Meeting people') && !nestedEn.includes('Mensen ontmoeten'), nestedEn.join());
    assert.ok(termNames((await get(`${K}/services?full=true&lang=en`)).json()).includes('Meeting people'));
    assert.ok(termNames((await get(`${K}/organizations/${ids.org}?full_service=true&lang=en`)).json()).includes('Meeting people'));
    const taxonomiesEn = (await get(`${K}/taxonomies?lang=en`)).json() as Page;
    assert.ok(
      taxonomiesEn.contents.some((t) => t.name === 'Basic functions'),
      JSON.stringify(taxonomiesEn.contents.map((t) => t.name)),
    );
    assert.ok(taxonomies.contents.some((t) => t.name === 'Basisfuncties'));

    const sals = (await get(`${K}/service_at_locations?full=true`)).json() as Page;
    assert.equal(sals.total_items, 2, 'only those of active services');
    for (const s of sals.contents) valid('service_at_location', s);
    const one = await get(`${K}/service_at_locations/${sals.contents[0]!.id as string}`);
    assert.equal(one.statusCode, 200);
    valid('service_at_location', one.json());
  });

  it('exports everything as valid HSDS JSON and as a tabular data package', async () => {
    const res = await get(`${K}/export.json`);
    assert.equal(res.statusCode, 200);
    const body = res.json() as {
      organizations: unknown[];
      locations: unknown[];
      services: { name: string }[];
      taxonomies: unknown[];
      taxonomy_terms: unknown[];
    };
    for (const o of body.organizations) valid('organization', o);
    for (const l of body.locations) valid('location', l);
    for (const s of body.services) valid('service', s);
    for (const t of body.taxonomies) valid('taxonomy', t);
    for (const t of body.taxonomy_terms) valid('taxonomy_term', t);
    assert.deepEqual(
      body.services.map((s) => s.name),
      ['Open eettafel', 'Wandelgroep'],
    );
    assert.equal(body.taxonomy_terms.length, 18);
    assert.equal(JSON.stringify(body).includes('Stips'), false, 'no other tenant');

    const dp = (await get(`${K}/export/datapackage.json`)).json() as {
      profile: string;
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    assert.equal(dp.profile, 'tabular-data-package');
    const services = dp.resources.find((r) => r.name === 'service')!;
    assert.match(services.path, /\/krimpen-aan-den-ijssel\/hsds\/export\/services\.csv$/);
    const csv = await get(new URL(services.path).pathname);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], services.schema.fields.map((f) => f.name).join(','));
    assert.equal(lines.length, 3, 'header and the two active services');
    for (const r of dp.resources) assert.equal((await get(new URL(r.path).pathname)).statusCode, 200, r.path);
    assert.equal((await get(`${K}/export/passwords.csv`)).statusCode, 404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of [
      '/{tenant}/hsds/services',
      '/{tenant}/hsds/services/{id}',
      '/{tenant}/hsds/taxonomy_terms',
      '/{tenant}/hsds/export/datapackage.json',
    ]) {
      assert.ok(doc.paths[p], p);
    }
  });
});
