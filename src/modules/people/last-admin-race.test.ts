import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../test/helpers/factories.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { raceOnlyOnPostgres } from '../../../test/helpers/db.ts';
import { listMembers } from './people.service.ts';

/**
 * Two administrators who remove each other at the same moment must not leave the municipality
 * without one. A race test: it runs on PostgreSQL only (see raceOnlyOnPostgres).
 */
describe('removing administrators concurrently', { skip: raceOnlyOnPostgres() }, () => {
  const ctx = useTestApp();
  const admins: { browser: TestBrowser; id: string }[] = [];

  before(async () => {
    await buildTenant(ctx.database.db, A);
    for (let i = 0; i < 2; i++) {
      const browser = new TestBrowser(ctx.app);
      admins.push({ browser, id: await signInAs(ctx, browser, { tenantId: A.id, role: 'admin' }) });
      await browser.get(`/${A.slug}/beheer/gebruikers`);
    }
  });

  it('keeps at least one administrator', async () => {
    const membershipOf = async (userId: string) =>
      (await listMembers(ctx.database.db, A.id, { userId })).find((m) => m.role === 'admin')!.membershipId;
    const [m0, m1] = [await membershipOf(admins[0]!.id), await membershipOf(admins[1]!.id)];
    const [r0, r1] = await Promise.all([
      admins[0]!.browser.post(`/${A.slug}/beheer/gebruikers/${m1}/verwijderen`, {}),
      admins[1]!.browser.post(`/${A.slug}/beheer/gebruikers/${m0}/verwijderen`, {}),
    ]);
    const left = await listMembers(ctx.database.db, A.id, { role: 'admin' });
    assert.equal(left.length, 1, `statuses ${r0.statusCode} ${r1.statusCode}`);
    // One removal succeeds; the other finds the last administrator (409), or its sender no longer is one (403).
    const [done, refused] = [r0.statusCode, r1.statusCode].sort((a, b) => a - b);
    assert.equal(done, 303);
    assert.ok(refused === 403 || refused === 409, `statuses ${r0.statusCode} ${r1.statusCode}`);
  });
});
