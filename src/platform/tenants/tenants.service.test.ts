import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDb } from '../../../test/helpers/app.ts';
import { bumpAreasVersion, findTenantById, findTenantBySlug, insertTenant, listTenants } from './tenants.service.ts';

/** The platform's tenants (ADR 0007): found by slug or id, listed by name, created once; the areas version. */
describe('tenants', () => {
  const ctx = useTestDb();

  it('creates a tenant once and finds it by slug and by id', async () => {
    const db = ctx.database.db;
    assert.equal(await insertTenant(db, { id: 'GM9901', slug: 'zuidstad', name: 'Zuidstad' }), true);
    assert.equal(await insertTenant(db, { id: 'GM9901', slug: 'anders', name: 'Anders' }), false, 'the id exists');
    assert.equal(await insertTenant(db, { id: 'GM9902', slug: 'zuidstad', name: 'Anders' }), false, 'the slug exists');
    assert.deepEqual(await findTenantBySlug(db, 'zuidstad'), { id: 'GM9901', slug: 'zuidstad', name: 'Zuidstad', areasVersion: 0 });
    assert.deepEqual(await findTenantById(db, 'GM9901'), { id: 'GM9901', slug: 'zuidstad', name: 'Zuidstad' });
    assert.equal(await findTenantBySlug(db, 'anders'), null);
    assert.equal(await findTenantById(db, 'GM9902'), null);
  });

  it('lists tenants by name', async () => {
    const db = ctx.database.db;
    await insertTenant(db, { id: 'GM9903', slug: 'aastad', name: 'Aastad' });
    const names = (await listTenants(db)).map((t) => t.name);
    assert.ok(names.includes('Aastad') && names.includes('Zuidstad'));
    assert.ok(names.indexOf('Aastad') < names.indexOf('Zuidstad'), 'by name, not by id or creation');
  });

  it('bumps the areas version of one tenant only', async () => {
    const db = ctx.database.db;
    await bumpAreasVersion(db, 'GM9901');
    await bumpAreasVersion(db, 'GM9901');
    assert.equal((await findTenantBySlug(db, 'zuidstad'))?.areasVersion, 2);
    assert.equal((await findTenantBySlug(db, 'aastad'))?.areasVersion, 0);
  });
});
