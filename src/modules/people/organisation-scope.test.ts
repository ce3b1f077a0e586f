import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { buildTenant, KRIMPEN as A } from '../../../test/helpers/factories.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { createOrganisation } from './people.service.ts';

/** A coordinator of one organisation manages that organisation, not the others of the municipality. */
describe('coordinators scoped to an organisation', () => {
  const ctx = useTestApp();
  let own: string;
  let other: string;
  let coord: TestBrowser;
  let wide: TestBrowser;

  before(async () => {
    await buildTenant(ctx.database.db, A);
    own = (await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Welzijn Krimpen', kind: 'welzijn' })).id;
    other = (await createOrganisation(ctx.database.db, { tenantId: A.id, name: 'Woonstichting', kind: 'woningcorporatie' })).id;
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: A.id, role: 'coordinator', organisationId: own });
    wide = new TestBrowser(ctx.app);
    await signInAs(ctx, wide, { tenantId: A.id, role: 'coordinator' });
  });

  it('opens and invites into the own organisation', async () => {
    assert.equal((await coord.get(`/${A.slug}/beheer/organisaties/${own}`)).statusCode, 200);
    const res = await coord.post(`/${A.slug}/beheer/organisaties/${own}/uitnodigen`, {
      email: 'eigen@example.nl',
      name: 'Eigen',
      role: 'professional',
    });
    assert.equal(res.statusCode, 303);
  });

  it("cannot see another organisation's members or invite anyone into it", async () => {
    const page = await coord.get(`/${A.slug}/beheer/organisaties/${other}`);
    assert.equal(page.statusCode, 403);
    const res = await coord.post(`/${A.slug}/beheer/organisaties/${other}/uitnodigen`, {
      email: 'vreemd@example.nl',
      name: 'Vreemd',
      role: 'coordinator',
    });
    assert.equal(res.statusCode, 403);
    const tokens = await ctx.database.db.selectFrom('auth_tokens').select('id').where('email', '=', 'vreemd@example.nl').execute();
    assert.equal(tokens.length, 0);
    const views = await ctx.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'view')
      .where('entity_id', '=', other)
      .execute();
    assert.equal(views.length, 0);
  });

  it('a coordinator of the whole municipality manages every organisation', async () => {
    assert.equal((await wide.get(`/${A.slug}/beheer/organisaties/${other}`)).statusCode, 200);
  });
});
