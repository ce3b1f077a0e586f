/**
 * The social map's write services check the actor themselves (issue 10): whoever calls them, a
 * provider writes only its own organisation's entries, the admin writes no entries (only the
 * categories), the import is the coordinator's, another municipality is refused, and nothing is
 * written when refused. System actors (seeds, the command line) may write in their municipality.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import type { Role } from '../../../platform/roles.ts';
import { systemActor, type Actor } from '../actor.ts';
import { HHW, keepFixture, KRIMPEN, type KeepFixture } from '../keep/keep.test-support.ts';
import { importHsds } from '../hsds/import.ts';
import { createTerm, listTaxonomies, updateTerm } from '../taxonomy/taxonomy.service.ts';
import { addScheduleException, deleteSchedule } from './schedules.service.ts';
import { createService, deleteService, getService, markChecked, updateService } from './services.service.ts';
import { createLocation } from './locations.service.ts';

const NOW = new Date('2026-11-23T10:00:00Z');
const forbidden = { status: 403 };

/** A person acting in a municipality with one role, at one organisation (or none). */
function actorOf(tenantId: string, role: Role, organisationId: string | null = null): Actor {
  return {
    userId: `00000000-0000-4000-8000-${String(role.length).padStart(12, '0')}`,
    tenantId,
    roles: [role],
    organisationIds: organisationId ? [organisationId] : [],
    memberships: [{ role, organisationId }],
    mfaVerified: true,
    now: NOW,
    ip: null,
  };
}

describe('socialmap: write services check the actor (issue 10)', () => {
  const ctx = useTestDb();
  const getDb = () => ctx.database.db;
  let f: KeepFixture;
  before(async () => {
    f = await keepFixture(getDb(), NOW);
  });

  it("a provider changes its own organisation's entries only", async () => {
    const db = getDb();
    const provX = actorOf(KRIMPEN.id, 'professional', f.peopleX);
    await markChecked(db, KRIMPEN.id, f.serviceX, provX);
    await assert.rejects(markChecked(db, KRIMPEN.id, f.serviceY, provX), forbidden);
    await assert.rejects(updateService(db, KRIMPEN.id, f.serviceY, { name: 'Overgenomen' }, provX), forbidden);
    // Moving its own entry to another organisation is refused too.
    await assert.rejects(updateService(db, KRIMPEN.id, f.serviceX, { organization_id: f.orgY }, provX), forbidden);
    await assert.rejects(createService(db, KRIMPEN.id, { organization_id: f.orgY, name: 'Stiekem' }, provX), forbidden);
    await assert.rejects(deleteSchedule(db, KRIMPEN.id, f.scheduleY, provX), forbidden);
    await assert.rejects(
      addScheduleException(db, KRIMPEN.id, { schedule_id: f.scheduleY, date: '2026-12-01', note: null }, provX),
      forbidden,
    );
    await assert.rejects(
      createLocation(db, KRIMPEN.id, { name: 'Zonder organisatie', latitude: f.point.lat, longitude: f.point.lon }, provX),
      forbidden,
    );
    assert.notEqual((await getService(db, KRIMPEN.id, f.serviceY))!.name, 'Overgenomen');
    assert.equal((await getService(db, KRIMPEN.id, f.serviceX))!.organization_id, f.orgX);
  });

  it('the admin writes no entries, not even in its own municipality; the coordinator writes every one', async () => {
    const db = getDb();
    const admin = actorOf(KRIMPEN.id, 'admin');
    await assert.rejects(markChecked(db, KRIMPEN.id, f.serviceX, admin), forbidden);
    await assert.rejects(createService(db, KRIMPEN.id, { organization_id: f.orgX, name: 'Door beheerder' }, admin), forbidden);
    await assert.rejects(deleteService(db, KRIMPEN.id, f.serviceY, admin), forbidden);
    await markChecked(db, KRIMPEN.id, f.serviceY, actorOf(KRIMPEN.id, 'coordinator'));
    assert.ok(await getService(db, KRIMPEN.id, f.serviceY));
  });

  it("another municipality's coordinator and a system actor of another municipality are refused", async () => {
    const db = getDb();
    await assert.rejects(markChecked(db, KRIMPEN.id, f.serviceX, actorOf(HHW.id, 'coordinator')), forbidden);
    await assert.rejects(markChecked(db, KRIMPEN.id, f.serviceX, systemActor(NOW, HHW.id)), forbidden);
    await markChecked(db, KRIMPEN.id, f.serviceX, systemActor(NOW, KRIMPEN.id));
  });

  it('the categories are a setting (admin and coordinator); the import is the coordinator’s', async () => {
    const db = getDb();
    const taxonomy = (await listTaxonomies(db, KRIMPEN.id))[0]!;
    const input = { taxonomy_id: taxonomy.id, name: 'Nieuwe categorie', description: '' };
    await assert.rejects(createTerm(db, KRIMPEN.id, input, actorOf(KRIMPEN.id, 'professional', f.peopleX)), forbidden);
    const term = await createTerm(db, KRIMPEN.id, input, actorOf(KRIMPEN.id, 'admin'));
    await assert.rejects(updateTerm(db, KRIMPEN.id, term.id, { name: 'Anders' }, actorOf(KRIMPEN.id, 'volunteer', f.peopleX)), forbidden);
    await updateTerm(db, KRIMPEN.id, term.id, { name: 'Anders' }, actorOf(KRIMPEN.id, 'coordinator'));
    await assert.rejects(createTerm(db, KRIMPEN.id, input, actorOf(HHW.id, 'admin')), forbidden);

    const data = [{ id: '7a1d0e39-5b1c-4c8e-9a57-0d6f3f0c2b11', name: 'Geïmporteerd', description: 'Een organisatie uit een import' }];
    for (const role of ['admin', 'professional', 'resident'] as const) {
      await assert.rejects(importHsds(db, KRIMPEN.id, data, actorOf(KRIMPEN.id, role, f.peopleX)), forbidden, role);
    }
    await assert.rejects(importHsds(db, KRIMPEN.id, data, actorOf(HHW.id, 'coordinator')), forbidden);
    const report = await importHsds(db, KRIMPEN.id, data, actorOf(KRIMPEN.id, 'coordinator'));
    assert.equal(report.written, true, JSON.stringify(report.rejected));
  });
});
