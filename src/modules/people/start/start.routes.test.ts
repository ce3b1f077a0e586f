import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { buildHelpRequest, buildService, buildSignal, KRIMPEN as A } from '../../../../test/helpers/factories.ts';
import { signInAs, signInWithRoles } from '../../../../test/helpers/people.ts';
import { setupTenant, type TenantFixture } from '../../signals/signals.test-support.ts';

/** The lines of the start page: label → count. */
function attention(body: string): Map<string, number> {
  const lines = new Map<string, number>();
  for (const m of body.matchAll(/<span class="attention-item__count">(\d+)<\/span><span class="attention-item__label">([^<]+)/g)) {
    lines.set(m[2]!.trim(), Number(m[1]));
  }
  return lines;
}

/** The top-level items of the main menu (links and menus), and every link in it. */
function menu(body: string): { top: string[]; links: string[] } {
  const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(body)?.[0] ?? '';
  const list = nav.replace(/<ul class="site-nav__sublist">[\s\S]*?<\/ul>/g, '');
  const top = [...list.matchAll(/<(?:a|summary) class="site-nav__link[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1]!);
  const links = [...nav.matchAll(/<a class="site-nav__link" href="([^"]+)"/g)].map((m) => m[1]!);
  return { top, links };
}

const OVERDUE = 'Meldingen over de termijn';
const NEW_ALL = 'Nieuwe meldingen die nog niemand oppakt';
const NEW_ORG = 'Nieuwe meldingen voor uw organisatie';
const HELP = 'Hulpvragen zonder helper: stel iemand voor';
const REPORTS = 'Meldingen over hulp die nog open staan';
const SUGGESTIONS = 'Correctievoorstellen voor de sociale kaart';
const TO_CHECK = 'Aanbod dat u moet nakijken (langer dan 6 maanden niet bevestigd)';
const RESIDENTS = 'Nieuwe bewoners van de laatste 14 dagen, nog zonder andere rol';

describe('the staff start page and the grouped menu', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let t: TenantFixture;
  const start = `/${A.slug}/beheer`;

  before(async () => {
    t = await setupTenant(db(), A);
    // Two street-light signals to the municipality's desk: one long past its deadline, one new today.
    await buildSignal(db(), { now: new Date('2026-10-01T10:00:00Z') });
    await buildSignal(db());
    await buildHelpRequest(db());
    await buildService(db());
  });

  it('shows the coordinator every kind of work with counts and links, urgent first', async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: A.id, role: 'coordinator' });
    const res = await b.get(start);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1 class="utrecht-heading-1">Wat vraagt nu uw aandacht\?<\/h1>/);
    const lines = attention(res.body);
    assert.equal(lines.get(OVERDUE), 1);
    assert.equal(lines.get(NEW_ALL), 2);
    assert.equal(lines.get(HELP), 1);
    assert.equal(lines.get(REPORTS), 0);
    assert.equal(lines.get(SUGGESTIONS), 0);
    assert.equal(lines.get(TO_CHECK), 1);
    assert.equal(lines.has(RESIDENTS), false, 'accounts are the administrator’s');
    assert.equal([...lines.keys()][0], OVERDUE, 'late work first');
    assert.match(
      res.body,
      /attention-item--urgent[^>]*><a class="utrecht-link attention-item__link" href="\/krimpen-aan-den-ijssel\/meldingen\/behandelen\?status=open&amp;telaat=1"/,
    );
    assert.match(res.body, /\(Dringend\)/);
    // Each link opens a page for this person (no dead ends).
    for (const href of [...res.body.matchAll(/class="utrecht-link attention-item__link" href="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    )) {
      assert.equal((await b.get(href)).statusCode, 200, href);
    }
  });

  it("shows a professional only their organisation's signals, and an administrator only the accounts", async () => {
    const desk = new TestBrowser(ctx.app);
    await signInAs(ctx, desk, { tenantId: A.id, role: 'professional', organisationId: t.municipality });
    const deskLines = attention((await desk.get(start)).body);
    assert.equal(deskLines.get(OVERDUE), 1);
    assert.equal(deskLines.get(NEW_ORG), 2);
    assert.equal(deskLines.has(HELP), false);
    assert.equal(deskLines.get(TO_CHECK), 0, 'the entry belongs to no organisation of theirs');

    const housing = new TestBrowser(ctx.app);
    await signInAs(ctx, housing, { tenantId: A.id, role: 'professional', organisationId: t.housing });
    const housingLines = attention((await housing.get(start)).body);
    assert.equal(housingLines.get(OVERDUE), 0);
    assert.equal(housingLines.get(NEW_ORG), 0);

    const admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    const adminPage = await admin.get(start);
    const adminLines = attention(adminPage.body);
    assert.deepEqual([...adminLines.keys()], [RESIDENTS], 'no residents’ content for the administrator');
    assert.ok(adminLines.get(RESIDENTS)! >= 1, 'the request factory made a new resident');
    // The start page is also the administrator's home with every management page.
    for (const path of ['gebruikers', 'organisaties', 'mail', 'audit']) assert.match(adminPage.body, new RegExp(`href="${start}/${path}"`));
  });

  it('is for staff only', async () => {
    assert.equal((await new TestBrowser(ctx.app).get(start)).statusCode, 401);
    for (const role of ['resident', 'volunteer'] as const) {
      const b = new TestBrowser(ctx.app);
      await signInAs(ctx, b, { tenantId: A.id, role });
      assert.equal((await b.get(start)).statusCode, 403, role);
    }
  });

  it('groups the menu into at most six items, and every link in it opens', async () => {
    const cases = [
      { roles: ['admin'], max: 6 },
      { roles: ['coordinator'], max: 6 },
      { roles: ['admin', 'coordinator'], max: 6 },
      { roles: ['professional'], max: 6 },
      { roles: ['resident'], max: 5 },
    ] as const;
    for (const c of cases) {
      const b = new TestBrowser(ctx.app);
      await signInWithRoles(
        ctx,
        b,
        c.roles.map((role) => ({ tenantId: A.id, role, organisationId: role === 'professional' ? t.municipality : null })),
      );
      const home = await b.get(`/${A.slug}/`);
      const { top, links } = menu(home.body);
      assert.ok(top.length <= c.max, `${c.roles.join('+')}: ${top.join(', ')}`);
      for (const href of links) assert.equal((await b.get(href)).statusCode, 200, `${c.roles.join('+')}: ${href}`);
    }
    const both = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, both, [
      { tenantId: A.id, role: 'admin' },
      { tenantId: A.id, role: 'coordinator' },
    ]);
    const { top } = menu((await both.get(`/${A.slug}/`)).body);
    assert.deepEqual(top, ['Start', 'Wijken', 'Sociale kaart', 'Hulp', 'Meldingen', 'Beheer']);
  });

  it('shows a volunteer "Sociale kaart beheren" only when they belong to an organisation', async () => {
    const alone = new TestBrowser(ctx.app);
    await signInAs(ctx, alone, { tenantId: A.id, role: 'volunteer' });
    assert.doesNotMatch((await alone.get(`/${A.slug}/`)).body, /Sociale kaart beheren/);
    const member = new TestBrowser(ctx.app);
    await signInAs(ctx, member, { tenantId: A.id, role: 'volunteer', organisationId: t.welfare });
    assert.match((await member.get(`/${A.slug}/`)).body, /href="\/krimpen-aan-den-ijssel\/sociale-kaart\/beheer">Sociale kaart beheren</);
  });
});
