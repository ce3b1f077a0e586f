import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { signInWithRoles } from '../../../../test/helpers/people.ts';
import { seedSocialReturn, type Fixture } from './socialreturn.test-support.ts';

const CARDS = `/${KRIMPEN.slug}/programmas/oog-en-oor/projecten`;

describe('social return: the page and its forms (no JavaScript)', () => {
  const ctx = useTestApp();
  let f: Fixture;
  let proA: TestBrowser;
  let proB: TestBrowser;
  const page = () => `${CARDS}/${f.cardId}/rendement`;
  const itemCount = async () => (await ctx.database.db.selectFrom('evaluation_social_return_items').select('id').execute()).length;

  before(async () => {
    f = await seedSocialReturn(ctx.database.db);
    proA = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, proA, [{ tenantId: KRIMPEN.id, role: 'professional', organisationId: f.orgA }]);
    proB = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, proB, [{ tenantId: KRIMPEN.id, role: 'professional', organisationId: f.orgB }]);
  });

  it('shows anyone the calculation, says plainly what cannot be calculated, and no forms', async () => {
    const res = await new TestBrowser(ctx.app).get(`${CARDS}/${f.unknownCostCardId}/rendement`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Maatschappelijk rendement: 2 Samen koken/);
    assert.match(res.body, /Niet te berekenen\./);
    assert.match(res.body, /De kosten zijn onbekend: een kostenregel heeft geen bedrag \(Trajecten\)\./);
    assert.match(res.body, /Er is geen schaduwprijs per vrijwilligersuur ingesteld/);
    assert.doesNotMatch(res.body, /Schaduwprijs instellen/);
    assert.doesNotMatch(res.body, /<script/);
    assert.equal(
      (await new TestBrowser(ctx.app).get(`/${KRIMPEN.slug}/programmas/andere/projecten/${f.cardId}/rendement`)).statusCode,
      404,
    );
  });

  it('refuses bad amounts and a missing source with 422 and messages beside the fields; nothing stored', async () => {
    const form = await proA.get(page());
    assert.match(form.body, /Post toevoegen/);
    const before = await itemCount();
    const res = await proA.post(`${page()}/posten`, {
      kind: 'avoided_cost',
      labelNl: 'Minder schuldhulp',
      amount: '-5',
      certainty: 'high',
      source: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="veld-amount-error"[^>]*>Het bedrag mag niet negatief zijn\./);
    assert.match(res.body, /id="veld-source-error"[^>]*>Noem de bron van dit bedrag\./);
    assert.match(res.body, /value="Minder schuldhulp"/, 'what was typed stays');
    const words = await proA.post(`${page()}/posten`, {
      kind: 'avoided_cost',
      labelNl: 'x',
      amount: 'veel',
      certainty: 'high',
      source: 'y',
    });
    assert.equal(words.statusCode, 422);
    assert.match(words.body, /id="veld-amount-error"[^>]*>Vul een bedrag in euro’s in/);
    const price = await proA.post(`${page()}/schaduwprijs`, { price: '15,00', priceSource: '', priceCertainty: 'medium' });
    assert.equal(price.statusCode, 422);
    assert.match(price.body, /id="veld-priceSource-error"[^>]*>Noem de bron van dit bedrag\./);
    assert.equal(await itemCount(), before);
    assert.equal((await ctx.database.db.selectFrom('evaluation_social_returns').select('card_id').execute()).length, 0);
  });

  it('saves the shadow price and an item, shows the range and its assumptions; edits and removes the item', async () => {
    const price = await proA.post(`${page()}/schaduwprijs`, { price: '15', priceSource: 'Publicatie X, 2025', priceCertainty: 'high' });
    assert.equal(price.statusCode, 303, price.body);
    const added = await proA.post(`${page()}/posten`, {
      kind: 'avoided_cost',
      labelNl: 'Minder schuldhulp',
      amount: '2.500',
      certainty: 'high',
      source: 'Jaarverslag 2026',
    });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, `${page()}?klaar=bewaard`);
    const shown = await new TestBrowser(ctx.app).get(page());
    assert.match(shown.body, /Per uitgegeven euro levert het project tussen € 0,25 en € 0,25 op\./);
    assert.match(shown.body, /€ 15 per uur\. Bron: Publicatie X, 2025\. Zekerheid: hoog\./);
    assert.match(shown.body, /Jaarverslag 2026/);
    const card = await new TestBrowser(ctx.app).get(`${CARDS}/${f.cardId}`);
    assert.match(card.body, /Per uitgegeven euro tussen € 0,25 en € 0,25\./);
    assert.match(card.body, new RegExp(`href="${page()}"`));

    const id = (await ctx.database.db.selectFrom('evaluation_social_return_items').select('id').executeTakeFirstOrThrow()).id;
    // Another organisation's professional can neither open the edit form nor post.
    assert.equal((await proB.get(`${page()}/posten/${id}`)).statusCode, 403);
    proB.csrf ||= proA.csrf;
    assert.equal((await proB.post(`${page()}/posten/${id}/verwijderen`, {})).statusCode, 403);
    const edit = await proA.get(`${page()}/posten/${id}`);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /value="2500"/);
    const changed = await proA.post(`${page()}/posten/${id}`, {
      kind: 'valued_outcome',
      labelNl: 'Minder eenzaamheid',
      amount: '1.000,50',
      certainty: 'low',
      source: 'Enquête 2026',
    });
    assert.equal(changed.statusCode, 303, changed.body);
    const after = await new TestBrowser(ctx.app).get(page());
    assert.match(after.body, /Minder eenzaamheid/);
    assert.match(after.body, /€ 1\.000,50/);
    assert.match(after.body, /tussen € 0 en € 0,10 op/);
    assert.equal((await proA.post(`${page()}/posten/${id}/verwijderen`, {})).statusCode, 303);
    assert.equal(await itemCount(), 0);
  });
});
