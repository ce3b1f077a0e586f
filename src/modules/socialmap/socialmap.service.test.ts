import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { useTestDb } from '../../../test/helpers/app.ts';
import { AppError } from '../../platform/errors.ts';
import { addScheduleException, createSchedule, deleteSchedule, listScheduleExceptions } from './records/schedules.service.ts';
import { createLocation, listAddresses, pointOfPostcode } from './records/locations.service.ts';
import { createOrganization } from './records/organizations.service.ts';
import { createService, listServicesForOrganisation, markChecked, updateService } from './records/services.service.ts';
import { ensureDefaultTaxonomies, listTerms } from './taxonomy/taxonomy.service.ts';
import { FUNCTIE, TOEGANKELIJKHEID, DOELGROEP } from './taxonomy/taxonomy.ts';
import { getServiceDetail } from './records/detail.service.ts';
import { systemActor } from './actor.ts';
import { principalOf } from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, KRIMPEN_POINT, setupSocialmapTenants } from './socialmap.test-support.ts';

const actor = systemActor(new Date('2026-11-23T10:00:00Z'));

function invalid(field: string, key: string) {
  return (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.status, 422);
    assert.equal(e.fields?.[field], key, JSON.stringify(e.fields));
    return true;
  };
}

async function count(db: Parameters<typeof createOrganization>[0], table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return r.rows[0]!.n;
}

describe('social map core service', () => {
  const ctx = useTestDb();

  it('creates default taxonomies once per tenant with stable codes', async () => {
    const db = ctx.database.db;
    await setupSocialmapTenants(db);
    const again = await ensureDefaultTaxonomies(db, actor, KRIMPEN.id);
    assert.equal(again.size, 18);
    const functies = await listTerms(db, KRIMPEN.id, { taxonomyCode: 'functie' });
    assert.deepEqual(functies.map((t) => t.code).sort(), Object.values(FUNCTIE).sort());
    const other = await ensureDefaultTaxonomies(db, actor, GRONINGEN.id);
    assert.notEqual(other.get(FUNCTIE.ontmoeting), again.get(FUNCTIE.ontmoeting), 'each tenant has its own terms');
    // Only who keeps the categories, in their own municipality (`socialmap.categories`).
    const at = new Date('2026-11-23T10:00:00Z');
    const as = (tenantId: string, role: Role | null) =>
      principalOf(
        {
          id: '00000000-0000-4000-8000-00000000000a',
          mfaVerified: true,
          memberships: role ? [{ tenantId, organisationId: null, role }] : [],
        },
        KRIMPEN.id,
        at,
      );
    for (const p of [as(KRIMPEN.id, null), as(KRIMPEN.id, 'resident'), as(KRIMPEN.id, 'professional'), as(GRONINGEN.id, 'coordinator')]) {
      await assert.rejects(ensureDefaultTaxonomies(db, p, KRIMPEN.id), (e: unknown) => e instanceof AppError && e.status === 403);
    }
    const otherCoordinator = principalOf(
      {
        id: '00000000-0000-4000-8000-00000000000b',
        mfaVerified: true,
        memberships: [{ tenantId: GRONINGEN.id, organisationId: null, role: 'coordinator' }],
      },
      GRONINGEN.id,
      at,
    );
    await assert.rejects(
      ensureDefaultTaxonomies(db, otherCoordinator, KRIMPEN.id),
      (e: unknown) => e instanceof AppError && e.status === 403,
    );
    assert.equal((await ensureDefaultTaxonomies(db, as(KRIMPEN.id, 'admin'), KRIMPEN.id)).size, 18);
  });

  it('creates an organisation, a location in its buurt and a service with terms, schedules and a cancelled date', async () => {
    const db = ctx.database.db;
    const org = await createOrganization(db, KRIMPEN.id, { name: 'Buurthuis De Tuin', description: 'Buurthuis' }, actor);
    const loc = await createLocation(
      db,
      KRIMPEN.id,
      {
        name: 'Buurthuis De Tuin',
        organization_id: org.id,
        ...KRIMPEN_POINT,
        address: { address_1: 'Raadhuisplein 1', city: 'Krimpen aan den IJssel', postal_code: '2922ad' },
        term_codes: [TOEGANKELIJKHEID.rolstoel],
      },
      actor,
    );
    assert.equal(loc.wijk_code, 'WK054200');
    assert.match(loc.buurt_code ?? '', /^BU0542/);
    const [address] = await listAddresses(db, KRIMPEN.id, [loc.id]);
    assert.equal(address?.postal_code, '2922 AD');
    assert.deepEqual(await pointOfPostcode(db, KRIMPEN.id, '2922 AD'), { lat: KRIMPEN_POINT.latitude, lon: KRIMPEN_POINT.longitude });
    assert.equal(await pointOfPostcode(db, KRIMPEN.id, '9999 ZZ'), null);

    const svc = await createService(
      db,
      KRIMPEN.id,
      {
        organization_id: org.id,
        name: 'Open eettafel',
        description: 'Samen eten in de buurt',
        location_ids: [loc.id],
        term_codes: [FUNCTIE.ontmoeting, DOELGROEP.ouderen],
      },
      actor,
    );
    const sched = await createSchedule(
      db,
      KRIMPEN.id,
      {
        service_id: svc.id,
        freq: 'MONTHLY',
        byday: '1TU,3TU',
        opens_at: '12:00',
        closes_at: '13:30',
        description: 'Eerste en derde dinsdag',
      },
      actor,
    );
    await addScheduleException(db, KRIMPEN.id, { schedule_id: sched.id, date: '2026-12-01', note: 'Kerstvakantie' }, actor);
    await addScheduleException(db, KRIMPEN.id, { schedule_id: sched.id, date: '2026-12-01' }, actor); // twice is harmless
    assert.equal((await listScheduleExceptions(db, KRIMPEN.id, [sched.id])).length, 1);

    const detail = await getServiceDetail(db, KRIMPEN.id, svc.id);
    assert.ok(detail);
    assert.equal(detail.organization.id, org.id);
    assert.deepEqual(detail.terms.map((t) => t.code).sort(), [DOELGROEP.ouderen, FUNCTIE.ontmoeting].sort());
    assert.equal(detail.schedules.length, 1);
    assert.equal(detail.exceptions[0]?.date, '2026-12-01');
    assert.equal(detail.locations.length, 1);
    assert.equal(detail.locations[0]?.address?.postal_code, '2922 AD');
    assert.deepEqual(
      detail.locations[0]?.terms.map((t) => t.code),
      [TOEGANKELIJKHEID.rolstoel],
    );
    assert.equal(await getServiceDetail(db, GRONINGEN.id, svc.id), null, 'not visible from another tenant');

    const later = systemActor(new Date('2026-12-01T09:00:00Z'));
    const checked = await markChecked(db, KRIMPEN.id, svc.id, later);
    assert.equal(checked.last_checked_at?.toISOString(), '2026-12-01T09:00:00.000Z');
    const updated = await updateService(db, KRIMPEN.id, svc.id, { name: 'Open eettafel De Tuin', term_codes: [FUNCTIE.ontmoeting] }, later);
    assert.equal(updated.name, 'Open eettafel De Tuin');
    assert.equal(updated.description, 'Samen eten in de buurt', 'absent fields keep their value');
    assert.equal((await getServiceDetail(db, KRIMPEN.id, svc.id))?.terms.length, 1);
    assert.deepEqual(
      (await listServicesForOrganisation(db, KRIMPEN.id, org.id)).map((s) => s.id),
      [svc.id],
    );

    const audits = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where entity like 'socialmap_%' and tenant_id = ${KRIMPEN.id}`.execute(db);
    assert.ok(audits.rows[0]!.n >= 6, 'every change is audited');
  });

  it('finds services by Dutch stems through the generated search vector', async () => {
    const db = ctx.database.db;
    const r = await sql<{
      name: string;
    }>`select name from socialmap_services where tenant_id = ${KRIMPEN.id} and search_vector @@ websearch_to_tsquery('dutch', 'eettafels')`.execute(
      db,
    );
    assert.deepEqual(
      r.rows.map((x) => x.name),
      ['Open eettafel De Tuin'],
    );
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const db = ctx.database.db;
    const org = await createOrganization(db, KRIMPEN.id, { name: 'Kerk aan de Dijk' }, actor);
    const svc = await createService(db, KRIMPEN.id, { organization_id: org.id, name: 'Inloop' }, actor);
    const before = {
      loc: await count(db, 'socialmap_locations'),
      sched: await count(db, 'socialmap_schedules'),
      svc: await count(db, 'socialmap_services'),
    };

    await assert.rejects(
      createLocation(db, KRIMPEN.id, { name: 'In Groningen', ...GRONINGEN_POINT }, actor),
      invalid('latitude', 'socialmap.error.outsideTenant'),
    );
    await assert.rejects(
      createLocation(db, KRIMPEN.id, { name: 'X', ...KRIMPEN_POINT, address: { address_1: 'A 1', city: 'K', postal_code: '123' } }, actor),
      invalid('address.postal_code', 'socialmap.error.postcode'),
    );
    await assert.rejects(
      createLocation(db, KRIMPEN.id, { name: 'X', ...KRIMPEN_POINT, term_codes: ['toegankelijkheid.bestaat-niet'] }, actor),
      invalid('term_ids', 'socialmap.error.unknownTerm'),
    );
    await assert.rejects(
      createSchedule(db, KRIMPEN.id, { service_id: svc.id, opens_at: '12:00', closes_at: '25:00' }, actor),
      invalid('closes_at', 'socialmap.error.time'),
    );
    await assert.rejects(
      createSchedule(db, KRIMPEN.id, { service_id: svc.id, opens_at: '14:00', closes_at: '14:00' }, actor),
      invalid('closes_at', 'socialmap.error.closesBeforeOpens'),
    );
    await assert.rejects(
      createSchedule(db, KRIMPEN.id, { service_id: svc.id, opens_at: '10:00Z', closes_at: '11:00+01:00' }, actor),
      invalid('closes_at', 'socialmap.error.closesBeforeOpens'),
      'the same instant written with two offsets',
    );
    // Closing before opening is past midnight (issue 12): accepted.
    const night = await createSchedule(
      db,
      KRIMPEN.id,
      { service_id: svc.id, freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '02:00' },
      actor,
    );
    assert.deepEqual([night.opens_at, night.closes_at], ['22:00', '02:00']);
    await deleteSchedule(db, KRIMPEN.id, night.id, actor);
    await assert.rejects(
      createSchedule(db, KRIMPEN.id, { service_id: svc.id, valid_from: '2026-12-01', valid_to: '2026-11-01' }, actor),
      invalid('valid_to', 'socialmap.error.validToBeforeFrom'),
    );
    await assert.rejects(
      createSchedule(db, KRIMPEN.id, { service_id: svc.id, valid_from: '2026-02-30' }, actor),
      invalid('valid_from', 'socialmap.error.date'),
    );
    await assert.rejects(createSchedule(db, KRIMPEN.id, {}, actor), invalid('service_id', 'socialmap.error.scheduleTarget'));
    await assert.rejects(
      createService(db, KRIMPEN.id, { organization_id: org.id, name: 'Y', term_ids: ['00000000-0000-4000-8000-000000000000'] }, actor),
      invalid('term_ids', 'socialmap.error.unknownTerm'),
    );
    await assert.rejects(
      createService(db, KRIMPEN.id, { organization_id: 'not-a-uuid', name: 'Y' }, actor),
      invalid('organization_id', 'socialmap.error.uuid'),
    );
    const grOrg = await createOrganization(db, GRONINGEN.id, { name: 'Stips' }, actor);
    await assert.rejects(
      createService(db, KRIMPEN.id, { organization_id: grOrg.id, name: 'Y' }, actor),
      invalid('organization_id', 'socialmap.error.organizationNotFound'),
    );

    assert.deepEqual(
      {
        loc: await count(db, 'socialmap_locations'),
        sched: await count(db, 'socialmap_schedules'),
        svc: await count(db, 'socialmap_services'),
      },
      before,
    );
  });
});
