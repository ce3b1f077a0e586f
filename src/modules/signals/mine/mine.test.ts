import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createSignal, transitionSignal } from '../signals.service.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { GRONINGEN, GRONINGEN_POINT, KRIMPEN, newSignal, NOW, setupTenant } from '../signals.test-support.ts';

const base = `/${KRIMPEN.slug}/meldingen/mijn`;

describe('following with an account and "Mijn meldingen"', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let open: { id: string; public_id: string };
  let sensitive: { id: string; public_id: string };
  let groningen: { public_id: string };
  let other: { public_id: string };

  before(async () => {
    await setupTenant(db(), KRIMPEN);
    await setupTenant(db(), GRONINGEN);
    open = (await createSignal(db(), newSignal({ reporter: { email: 'iemand@example.nl' } }))).signal;
    sensitive = (await createSignal(db(), newSignal({ category: { serviceCode: 'eenzaamheid' }, description: 'Zorg.' }))).signal;
    other = (await createSignal(db(), newSignal({ reporter: { email: 'ander@example.nl' }, description: 'Een andere melding.' }))).signal;
    groningen = (
      await createSignal(
        db(),
        newSignal({ tenantId: GRONINGEN.id, ...GRONINGEN_POINT, links: { baseUrl: 'x', tenantSlug: GRONINGEN.slug } }),
      )
    ).signal;
  });

  it('needs an account', async () => {
    const b = new TestBrowser(ctx.app);
    const res = await b.get(base);
    assert.ok([302, 303, 401].includes(res.statusCode), `got ${res.statusCode}`);
  });

  it('follows, mails the account on the next public step, lists only mine, unfollows', async () => {
    const b = new TestBrowser(ctx.app);
    const email = 'bewoner.volgt@test.samenhang.nl';
    const userId = await signInAs(ctx, b, { tenantId: KRIMPEN.id, role: 'resident', email });
    const own = (await createSignal(db(), newSignal({ reporterUserId: userId, reporter: { email }, description: 'Mijn eigen melding.' })))
      .signal;
    await b.get(base);
    const followed = await b.post(`${base}/volgen`, { publicId: open.public_id });
    assert.equal(followed.statusCode, 303);
    assert.equal(followed.headers.location, `${base}?gevolgd=${open.public_id}`);
    const rows = await db().selectFrom('signals_followers').selectAll().where('signal_id', '=', open.id).execute();
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.email]),
      [[userId, email]],
    );
    assert.equal((await b.post(`${base}/volgen`, { publicId: open.public_id })).headers.location, `${base}?al=${open.public_id}`);
    assert.equal((await b.post(`${base}/volgen`, { publicId: own.public_id })).headers.location, `${base}?eigen=${own.public_id}`);

    await transitionSignal(db(), {
      tenantId: KRIMPEN.id,
      signalId: open.id,
      to: 'ingepland',
      publicMessage: 'Maandag komt de monteur.',
      actorUserId: null,
      locale: 'nl',
      links: { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug },
      now: NOW,
      principal: systemPrincipal(KRIMPEN.id, NOW),
    });
    const mail = await db()
      .selectFrom('mail_outbox')
      .select('text_body')
      .where('to_address', '=', email)
      .where('text_body', 'like', '%Maandag komt de monteur%')
      .execute();
    assert.equal(mail.length, 1);

    const page = await b.get(`${base}?gevolgd=${open.public_id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(open.public_id) && page.body.includes(own.public_id));
    assert.ok(!page.body.includes(other.public_id) && !page.body.includes(sensitive.public_id));
    assert.ok(!page.body.includes('iemand@example.nl'), 'no other reporter details');
    assert.ok(page.body.includes('nu met uw account'));

    const view = await b.post(`${base}/bekijken`, { publicId: open.public_id });
    assert.equal(view.statusCode, 303);
    const track = await b.get(String(view.headers.location));
    assert.equal(track.statusCode, 200);
    assert.ok(track.body.includes('Maandag komt de monteur.'));
    assert.ok(!track.body.includes('De lantaarnpaal voor nummer 12'), 'a follower does not see the description');
    assert.ok(track.body.includes('Volg met mijn account'), 'signed in on a follower link: the account button');
    const mine = await b.post(`${base}/bekijken`, { publicId: own.public_id });
    const ownPage = (await b.get(String(mine.headers.location))).body;
    assert.ok(ownPage.includes('Mijn eigen melding.'), 'the reporter sees their description');
    assert.ok(!ownPage.includes('Volg met mijn account'));
    assert.equal((await b.post(`${base}/bekijken`, { publicId: other.public_id })).statusCode, 404);

    const un = await b.post(`${base}/ontvolgen`, { publicId: open.public_id });
    assert.equal(un.headers.location, `${base}?ontvolgd=${open.public_id}`);
    assert.equal((await db().selectFrom('signals_followers').select('id').where('signal_id', '=', open.id).execute()).length, 0);
    assert.equal((await b.get(String(view.headers.location))).statusCode, 404, 'the follower link stops working');
    assert.ok(!(await b.get(base)).body.includes(open.public_id));
  });

  it('refuses sensitive, unknown and other-tenant signals with 404 and closed ones with 409', async () => {
    const b = new TestBrowser(ctx.app);
    await signInAs(ctx, b, { tenantId: KRIMPEN.id, role: 'resident' });
    await b.get(base);
    for (const publicId of [sensitive.public_id, 'SIG-1999-000001', 'nonsense']) {
      assert.equal((await b.post(`${base}/volgen`, { publicId })).statusCode, 404, publicId);
    }
    assert.equal((await db().selectFrom('signals_followers').select('id').where('signal_id', '=', sensitive.id).execute()).length, 0);
    // Another municipality's address: a Krimpen-only number is 404 there, and nothing attaches to Krimpen's signal.
    const gb = new TestBrowser(ctx.app);
    await signInAs(ctx, gb, { tenantId: GRONINGEN.id, role: 'resident' });
    await gb.get(`/${GRONINGEN.slug}/meldingen/mijn`);
    const krimpenOnly = (await createSignal(db(), newSignal({ now: new Date('2025-06-01T10:00:00Z') }))).signal;
    assert.equal((await gb.post(`/${GRONINGEN.slug}/meldingen/mijn/volgen`, { publicId: krimpenOnly.public_id })).statusCode, 404);
    assert.equal((await gb.post(`/${GRONINGEN.slug}/meldingen/mijn/bekijken`, { publicId: krimpenOnly.public_id })).statusCode, 404);
    assert.equal((await db().selectFrom('signals_followers').select('id').where('signal_id', '=', krimpenOnly.id).execute()).length, 0);
    assert.ok(groningen.public_id);
    const closed = (await createSignal(db(), newSignal({ reporter: {}, wantsFeedback: false }))).signal;
    await transitionSignal(db(), {
      tenantId: KRIMPEN.id,
      signalId: closed.id,
      to: 'afgehandeld',
      actorUserId: null,
      locale: 'nl',
      links: { baseUrl: 'x', tenantSlug: KRIMPEN.slug },
      now: NOW,
      principal: systemPrincipal(KRIMPEN.id, NOW),
    });
    assert.equal((await b.post(`${base}/volgen`, { publicId: closed.public_id })).statusCode, 409);
  });
});
