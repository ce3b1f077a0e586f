import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createOrganisation } from '../../people/people.service.ts';
import { addRoutingRule } from './categories.service.ts';
import { KRIMPEN, setupTenant, type TenantFixture } from '../signals.test-support.ts';

const B = `/${KRIMPEN.slug}/beheer/meldingen`;
const EMPTY = 'Bij deze organisatie werkt niemand die meldingen kan oppakken.';

/** Routing rules and the default desk may not point at an organisation without anyone who picks signals up. */
describe('routing to an organisation without active members', () => {
  const ctx = useTestApp();
  let k: TenantFixture;
  let coord: TestBrowser;
  let empty = '';
  const db = () => ctx.database.db;
  const ruleCount = async () =>
    (await db().selectFrom('signals_routing_rules').select('id').where('tenant_id', '=', KRIMPEN.id).execute()).length;

  before(async () => {
    k = await setupTenant(db(), KRIMPEN);
    empty = (await createOrganisation(db(), { tenantId: KRIMPEN.id, name: 'Meldpunt Leeg', kind: 'overig' })).id;
    coord = new TestBrowser(ctx.app);
    await signInAs(ctx, coord, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: KRIMPEN.id, role: 'professional', organisationId: k.municipality });
  });

  it('refuses a rule to an empty organisation beside the field, keeping the choices; accepts it once someone works there', async () => {
    const before = await ruleCount();
    await coord.get(`${B}/routering`);
    const target = `categorie:${k.categories.get('groen')}`;
    const refused = await coord.post(`${B}/routering`, { target, area: '', organisationId: empty });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, new RegExp(`utrecht-form-field-error-message[^>]*>${EMPTY}`));
    assert.match(refused.body, new RegExp(`<option value="${target}" selected`), 'the choice is kept');
    assert.equal(await ruleCount(), before, 'nothing stored');

    // A resident or volunteer of the organisation does not pick signals up either.
    await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: KRIMPEN.id, role: 'volunteer', organisationId: empty });
    assert.equal((await coord.post(`${B}/routering`, { target, area: '', organisationId: empty })).statusCode, 422);

    await signInAs(ctx, new TestBrowser(ctx.app), { tenantId: KRIMPEN.id, role: 'professional', organisationId: empty });
    assert.equal((await coord.post(`${B}/routering`, { target, area: '', organisationId: empty })).statusCode, 303);
    assert.equal(await ruleCount(), before + 1);
  });

  it('refuses an empty organisation as the default desk', async () => {
    const other = (await createOrganisation(db(), { tenantId: KRIMPEN.id, name: 'Nog Een Leeg Loket', kind: 'overig' })).id;
    await coord.get(B);
    const res = await coord.post(`${B}/standaardloket`, { organisationId: other });
    assert.equal(res.statusCode, 422);
    assert.ok(res.body.includes(EMPTY));
    const desk = await db()
      .selectFrom('signals_settings')
      .select('default_organisation_id')
      .where('tenant_id', '=', KRIMPEN.id)
      .executeTakeFirst();
    assert.equal(desk?.default_organisation_id, k.municipality, 'unchanged');
  });

  it('the route tester and the rule list warn when a rule (made earlier, or whose people left) points at nobody', async () => {
    const gone = (await createOrganisation(db(), { tenantId: KRIMPEN.id, name: 'Vertrokken Team', kind: 'overig' })).id;
    const speelplek = k.categories.get('speelplek')!;
    // A rule from before this check (or whose members were removed later): stored without the check.
    await addRoutingRule(db(), KRIMPEN.id, { position: 1, categoryId: speelplek, organisationId: gone });
    const page = await coord.get(`${B}/routering?categorie=${speelplek}&gebied=`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="route-niemand"/);
    assert.match(
      page.body,
      /utrecht-alert--warning" role="alert" id="route-niemand"><p class="utrecht-paragraph">Let op: bij Vertrokken Team werkt niemand/,
    );
    assert.match(page.body, /Vertrokken Team<strong class="unstaffed-mark"> \(Let op: hier werkt niemand die meldingen oppakt\)/);
    // A staffed result has no warning.
    const staffed = await coord.get(`${B}/routering?categorie=${k.categories.get('afval')}&gebied=`);
    assert.ok(!staffed.body.includes('id="route-niemand"'));
  });
});
