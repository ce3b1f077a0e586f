import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../test/helpers/factories.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { translator } from '../../platform/i18n/index.ts';
import { createOrganisation } from './people.service.ts';

const invalid = translator('nl')('form.invalidValue');

/** PostgreSQL refuses U+0000 in text: such input must be a 4xx with a message, never a 500. */
describe('a NUL character in submitted text', () => {
  const ctx = useTestApp();
  let admin: TestBrowser;
  let anon: TestBrowser;
  let orgId: string;

  before(async () => {
    await buildTenant(ctx.database.db, A);
    orgId = (await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Welzijn Krimpen', kind: 'welzijn' })).id;
    admin = new TestBrowser(ctx.app);
    await signInAs(ctx, admin, { tenantId: A.id, role: 'admin' });
    anon = new TestBrowser(ctx.app);
    await anon.get('/registreren');
  });

  it('is refused on forms with a field message (422), and nothing is written', async () => {
    const cases: [TestBrowser, string, Record<string, string>, string][] = [
      [admin, '/account', { name: 'Naam\u0000', locale: 'nl' }, 'name'],
      [admin, '/account', { name: 'Naam', locale: 'nl', address: 'Straat\u00001' }, 'address'],
      [admin, `/${A.slug}/beheer/organisaties`, { name: 'Club\u0000', kind: 'vereniging' }, 'name'],
      [
        admin,
        `/${A.slug}/beheer/organisaties/${orgId}/uitnodigen`,
        { email: 'nieuw@example.nl', name: 'Nieuw\u0000', role: 'professional' },
        'name',
      ],
      [anon, '/registreren', { name: 'Nieuw\u0000', email: 'nul@example.nl', tenant: A.id, password: '' }, 'name'],
    ];
    for (const [browser, url, form] of cases) {
      const res = await browser.post(url, form);
      assert.equal(res.statusCode, 422, `${url} ${JSON.stringify(form)}`);
      assert.ok(res.body.includes(invalid), url);
    }
    const users = await ctx.database.db.selectFrom('users').select('id').where('email', '=', 'nul@example.nl').execute();
    assert.equal(users.length, 0);
  });

  it('is refused in the audit search with a message (400)', async () => {
    for (const q of ['actie=%00', 'soort=a%00', 'record-id=x%00y']) {
      const res = await admin.get(`/${A.slug}/beheer/audit?${q}`);
      assert.equal(res.statusCode, 400, q);
      assert.ok(res.body.includes(invalid), q);
    }
  });
});
