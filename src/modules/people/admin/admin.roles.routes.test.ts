import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { buildTenant, buildUser, KRIMPEN as A, TEST_NOW } from '../../../../test/helpers/factories.ts';
import { signInAs, signInUser } from '../../../../test/helpers/people.ts';
import { listMembers } from '../people.service.ts';

describe('taking a role away: confirm, undo, findable again', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let admin: TestBrowser;
  let adminId: string;
  const base = `/${A.slug}/beheer/gebruikers`;

  before(async () => {
    await buildTenant(db(), A);
    admin = new TestBrowser(ctx.app);
    adminId = await signInAs(ctx, admin, { tenantId: A.id, role: 'admin', name: 'Anna Admin' });
  });

  const membershipOf = async (userId: string) => (await listMembers(db(), A.id, { userId }))[0];
  const removals = () => db().selectFrom('people_removed_roles').selectAll().where('tenant_id', '=', A.id).execute();

  it('asks for confirmation on a page of its own, then removes; the users page offers undo and the person stays findable', async () => {
    const { id: vera } = await buildUser(db(), { tenantId: A.id, role: 'volunteer', name: 'Vera Vrijwilliger' });
    const m = (await membershipOf(vera))!;
    const list = await admin.get(base);
    // No one-click removal: the row links to the confirm step.
    assert.doesNotMatch(list.body, /<form method="post" action="[^"]*\/verwijderen"/);
    assert.match(
      list.body,
      new RegExp(
        `<a class="utrecht-link" href="${base}/${m.membershipId}/verwijderen" aria-label="Rol Vrijwilliger weghalen bij Vera Vrijwilliger">`,
      ),
    );

    const confirm = await admin.get(`${base}/${m.membershipId}/verwijderen`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /U haalt de rol Vrijwilliger weg bij Vera Vrijwilliger\./);
    assert.match(confirm.body, /nog 30 minuten ongedaan maken/);
    assert.match(confirm.body, new RegExp(`<form method="post" action="${base}/${m.membershipId}/verwijderen"`));
    assert.match(confirm.body, new RegExp(`href="${base}">Nee, terug naar de gebruikers`));
    assert.ok(await membershipOf(vera), 'opening the confirm page removes nothing');

    const del = await admin.post(`${base}/${m.membershipId}/verwijderen`, {});
    assert.equal(del.statusCode, 303);
    assert.equal(del.headers.location, `${base}?melding=rol-weggehaald`);
    assert.equal(await membershipOf(vera), undefined);

    const after = await admin.get(del.headers.location as string);
    assert.match(after.body, /De rol is weggehaald\. Was dat niet de bedoeling\?/);
    assert.match(after.body, /<h2 class="utrecht-heading-2" id="onlangs-weggehaald">Onlangs weggehaald<\/h2>/);
    const [removal] = await removals();
    assert.equal(removal!.user_id, vera);
    assert.match(after.body, new RegExp(`action="${base}/herstellen/${removal!.id}"`));
    // Still in "Iemand een rol geven", although Vera has no role left.
    assert.match(after.body, new RegExp(`<option value="${vera}">Vera Vrijwilliger</option>`));

    const undo = await admin.post(`${base}/herstellen/${removal!.id}`, {});
    assert.equal(undo.statusCode, 303);
    assert.equal(undo.headers.location, `${base}?melding=rol-teruggegeven`);
    const back = (await membershipOf(vera))!;
    assert.equal(back.role, 'volunteer');
    assert.equal(back.organisationId, null);
    assert.match((await admin.get(undo.headers.location as string)).body, /De rol is teruggegeven\./);
    const audit = await db().selectFrom('audit_log').select(['action', 'entity']).where('actor_user_id', '=', adminId).execute();
    assert.ok(audit.some((a) => a.action === 'delete' && a.entity === 'membership'));
    assert.ok(audit.some((a) => a.action === 'restore' && a.entity === 'membership'));

    const twice = await admin.post(`${base}/herstellen/${removal!.id}`, {});
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /al teruggegeven/);
    assert.equal((await listMembers(db(), A.id, { userId: vera })).length, 1, 'undone once');
  });

  it("shows no remove button where it would be refused: the last administrator, and the admin's own only admin role", async () => {
    const own = (await membershipOf(adminId))!;
    const alone = await admin.get(base);
    assert.match(alone.body, /Laatste beheerder: kan niet weg/);
    assert.doesNotMatch(alone.body, new RegExp(`${own.membershipId}/verwijderen`));
    const confirmAlone = await admin.get(`${base}/${own.membershipId}/verwijderen`);
    assert.equal(confirmAlone.statusCode, 409);
    assert.match(confirmAlone.body, /laatste beheerder/);
    assert.doesNotMatch(confirmAlone.body, /Ja, rol weghalen/);

    const { id: bob } = await buildUser(db(), {
      tenantId: A.id,
      role: 'admin',
      name: 'Bob Beheer',
      totpSecretEncrypted: 'test-not-a-real-secret',
    });
    const bobs = (await membershipOf(bob))!;
    const two = await admin.get(base);
    assert.match(two.body, /Uw eigen beheerdersrol/);
    assert.doesNotMatch(two.body, new RegExp(`${own.membershipId}/verwijderen`));
    assert.match(two.body, new RegExp(`${bobs.membershipId}/verwijderen`), 'another administrator can be removed');
    const refused = await admin.post(`${base}/${own.membershipId}/verwijderen`, {});
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /Dit is uw eigen beheerdersrol/);
    assert.ok(await membershipOf(adminId), 'still an administrator');
    // The other administrator may take it away.
    const other = new TestBrowser(ctx.app);
    await signInUser(ctx, other, bob, { mfa: true });
    await other.get(base);
    assert.equal((await other.post(`${base}/${own.membershipId}/verwijderen`, {})).statusCode, 303);
    assert.equal(await membershipOf(adminId), undefined);
    const [restore] = (await removals()).filter((r) => r.user_id === adminId);
    assert.equal((await other.post(`${base}/herstellen/${restore!.id}`, {})).statusCode, 303);
    assert.ok(await membershipOf(adminId));
  });

  it('refuses undo after 30 minutes; the person can then still be given a role with the form', async () => {
    const { id: rik } = await buildUser(db(), { tenantId: A.id, role: 'resident', name: 'Rik Resident' });
    const m = (await membershipOf(rik))!;
    assert.equal((await admin.post(`${base}/${m.membershipId}/verwijderen`, {})).statusCode, 303);
    const [removal] = (await removals()).filter((r) => r.user_id === rik);
    ctx.clock.advance(31 * 60_000);
    try {
      await signInUser(ctx, admin, adminId, { mfa: true });
      await admin.get(base);
      const late = await admin.post(`${base}/herstellen/${removal!.id}`, {});
      assert.equal(late.statusCode, 409);
      assert.match(late.body, /kan niet meer ongedaan worden gemaakt/);
      const page = await admin.get(base);
      assert.doesNotMatch(page.body, new RegExp(`herstellen/${removal!.id}`), 'no undo button any more');
      assert.match(page.body, new RegExp(`<option value="${rik}">Rik Resident</option>`));
      const again = await admin.post(base, { userId: rik, role: 'volunteer', organisationId: '' });
      assert.equal(again.statusCode, 303);
      assert.equal((await membershipOf(rik))!.role, 'volunteer');
    } finally {
      ctx.clock.set(TEST_NOW);
    }
  });
});
