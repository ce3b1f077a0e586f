import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../test/helpers/app.ts';
import { testConfig } from '../platform/config.ts';
import { listAreas } from '../modules/areas/areas.service.ts';
import { listTenants } from '../platform/tenants/tenants.service.ts';
import { listOrganisations, findUserByEmail } from '../modules/people/people.service.ts';
import { DEMO_ORGANISATIONS, definedDemoAccounts, runDemoSeed } from './demo.ts';

describe('runDemoSeed', () => {
  const ctx = useTestDb();

  it('loads the three demo municipalities with wijken, buurten, partners and one account per role', async () => {
    const { db } = ctx.database;
    const accounts = await runDemoSeed(db, testConfig(), () => undefined, new Date('2026-11-23T10:00:00Z'));
    const tenants = await listTenants(db);
    assert.deepEqual(tenants.map((t) => t.slug).sort(), ['groningen', 'heerhugowaard', 'krimpen-aan-den-ijssel']);

    const hhwWijken = await listAreas(db, 'GM1980', { level: 'district' });
    assert.equal(hhwWijken.length, 19, 'former Heerhugowaard: WK198010–WK198028');
    assert.ok(hhwWijken.every((w) => /^WK1980(1\d|2[0-8])$/.test(w.code)));
    assert.ok(hhwWijken.some((w) => w.name === 'Schrijverswijk'));
    assert.equal((await listAreas(db, 'GM0014', { level: 'district' })).length, 20);
    assert.equal((await listAreas(db, 'GM0542', { level: 'district' })).length, 1);
    for (const t of tenants) {
      const buurten = await listAreas(db, t.id, { level: 'neighbourhood' });
      assert.ok(buurten.length > 0, `${t.name} has buurten`);
    }

    for (const [tenantId, orgs] of Object.entries(DEMO_ORGANISATIONS)) {
      const names = (await listOrganisations(db, tenantId)).map((o) => o.name).sort();
      assert.deepEqual(names, orgs.map((o) => o.name).sort());
    }
    assert.equal(accounts.length, 15);
    assert.deepEqual(
      accounts.map((a) => a.email).sort(),
      definedDemoAccounts()
        .map((a) => a.email)
        .sort(),
    );
    const admin = await findUserByEmail(db, 'beheerder.groningen@demo.samenhang.nl');
    assert.ok(admin);
  });

  it('refuses to load into a database that has data', async () => {
    await assert.rejects(
      runDemoSeed(ctx.database.db, testConfig(), () => undefined, new Date('2026-11-23T10:00:00Z')),
      /already has data/,
    );
  });
});
