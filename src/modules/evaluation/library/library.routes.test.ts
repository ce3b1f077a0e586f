import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { GRONINGEN, KRIMPEN, buildTenant } from '../../../../test/helpers/factories.ts';
import { signInWithRoles } from '../../../../test/helpers/people.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { createIntervention } from './library.service.ts';
import { sampleCard } from './library.test-support.ts';

const LIB = `/${KRIMPEN.slug}/wat-werkt`;
const ADMIN = `/${KRIMPEN.slug}/beheer/wat-werkt`;
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

describe('evaluation: intervention library pages (no JavaScript)', () => {
  const ctx = useTestApp();
  let coord: TestBrowser;

  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    await buildTenant(db, GRONINGEN);
    const sys = systemPrincipal(KRIMPEN.id, ctx.clock.now());
    await createIntervention(
      db,
      sys,
      KRIMPEN.id,
      sampleCard({ slug: 'bus', titleNl: 'Boodschappenbus', functions: ['helpen'], targetGroups: ['ouderen'], level: 'municipality' }),
      { published: true },
    );
    await createIntervention(
      db,
      sys,
      KRIMPEN.id,
      sampleCard({
        slug: 'pers',
        titleNl: 'Kinderpersclub',
        whatNl: 'Kinderen maken filmpjes.',
        functions: ['samen_doen'],
        targetGroups: ['kinderen'],
        level: 'district',
      }),
      { published: true },
    );
    await createIntervention(
      db,
      sys,
      KRIMPEN.id,
      sampleCard({ slug: 'concept', titleNl: 'Geheim concept', targetGroups: ['geheime groep'] }),
    );
    coord = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, coord, [{ tenantId: KRIMPEN.id, role: 'coordinator' }]);
  });

  it('the library searches by words, function, target group and level with a GET form; drafts only for staff', async () => {
    const visitor = new TestBrowser(ctx.app);
    const all = await visitor.get(LIB);
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /<form method="get" action="\/krimpen-aan-den-ijssel\/wat-werkt"/);
    assert.match(all.body, /Boodschappenbus/);
    assert.match(all.body, /Kinderpersclub/);
    assert.doesNotMatch(all.body, /Geheim concept|geheime groep/);
    const found = async (query: string) => {
      const html = main((await visitor.get(`${LIB}?${query}`)).body);
      return ['Boodschappenbus', 'Kinderpersclub'].filter((t) => html.includes(`>${t}</a>`));
    };
    assert.deepEqual(await found('q=filmpjes'), ['Kinderpersclub']);
    assert.deepEqual(await found('functie=helpen'), ['Boodschappenbus']);
    assert.deepEqual(await found('doelgroep=kinderen'), ['Kinderpersclub']);
    assert.deepEqual(await found('niveau=municipality'), ['Boodschappenbus']);
    assert.deepEqual(await found('q=&functie=helpen&doelgroep=&niveau=district'), []);
    assert.deepEqual(await found('functie=onzin&niveau=onzin'), ['Boodschappenbus', 'Kinderpersclub'], 'a bad filter is ignored');
    assert.equal((await visitor.get(`${LIB}/concept`)).statusCode, 404);
    const staff = await coord.get(LIB);
    assert.match(staff.body, /Geheim concept/);
    assert.match(staff.body, /Concept, niet openbaar/);
    assert.equal((await coord.get(`${LIB}/concept`)).statusCode, 200);
  });

  it('public pages and the export do not change when a draft changes', async () => {
    const visitor = new TestBrowser(ctx.app);
    const urls = [LIB, `${LIB}?q=bus`, `${LIB}?doelgroep=ouderen`, `${LIB}/bus`, `${LIB}.json`, `${LIB}/bus.json`];
    const snapshot = async () =>
      Promise.all(urls.map(async (u) => ((r) => (u.endsWith('.json') ? r.body : main(r.body)))(await visitor.get(u))));
    const before = await snapshot();
    await coord.get(`${ADMIN}/concept/bewerken`);
    const edited = await coord.post(`${ADMIN}/concept/bewerken`, {
      slug: 'concept',
      titleNl: 'Boodschappenbus twee',
      whatNl: 'bus',
      effectNl: 'Geen gemeten effect bekend.',
      targetGroups: 'ouderen\nnieuwe groep',
      level: 'municipality',
      functions: 'helpen',
    });
    assert.equal(edited.statusCode, 303, edited.body);
    const after = await snapshot();
    assert.deepEqual(after, before);
    assert.match((await coord.get(LIB)).body, /Boodschappenbus twee/, 'staff see the changed draft');
  });

  it('a coordinator makes a card (refusals beside the fields), publishes and unpublishes it; others may not', async () => {
    await coord.get(`${ADMIN}/nieuw`);
    const bad = await coord.post(`${ADMIN}/nieuw`, { slug: 'Met Spatie', titleNl: '', effectNl: '', costEuros: 'veel', estimate: '3' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="veld-slug-error"[^>]*>Gebruik kleine letters/);
    assert.match(bad.body, /id="veld-costEuros-error"[^>]*>Vul een heel aantal euro/);
    assert.match(bad.body, /id="veld-effectNl-error"/);
    assert.match(bad.body, /id="veld-ciLow-error"/);
    const ok = await coord.post(`${ADMIN}/nieuw`, {
      slug: 'buurtkamer-west',
      titleNl: 'Buurtkamer West',
      effectNl: 'In West 4 punten meer dan elders.',
      estimate: '4',
      ciLow: '-1',
      ciHigh: '9',
      effectUnit: 'procentpunt',
      costEuros: '12.500',
      functions: 'ontmoeten',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    assert.equal(ok.headers.location, `${LIB}/buurtkamer-west?klaar=bewaard`);
    const page = await coord.get(`${LIB}/buurtkamer-west`);
    assert.match(page.body, /Geschat effect: \+4 procentpunt, tussen −1 en \+9 \(90% betrouwbaarheid\)/);
    assert.match(page.body, /Per jaar: € 12\.500/);
    const visitor = new TestBrowser(ctx.app);
    assert.equal((await visitor.get(`${LIB}/buurtkamer-west`)).statusCode, 404);
    const pub = await coord.post(`${ADMIN}/buurtkamer-west/publiceren`, { published: '1' });
    assert.equal(pub.headers.location, `${LIB}/buurtkamer-west?klaar=gepubliceerd`);
    assert.equal((await visitor.get(`${LIB}/buurtkamer-west`)).statusCode, 200);
    const file = JSON.parse((await visitor.get(`${LIB}/buurtkamer-west.json`)).body) as { cards: { effect: { estimate: number } }[] };
    assert.equal(file.cards[0]!.effect.estimate, 4);
    await coord.post(`${ADMIN}/buurtkamer-west/publiceren`, { published: '0' });
    assert.equal((await visitor.get(`${LIB}/buurtkamer-west`)).statusCode, 404);

    const professional = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, professional, [{ tenantId: KRIMPEN.id, role: 'professional' }]);
    assert.equal((await professional.get(`${ADMIN}/nieuw`)).statusCode, 403);
    assert.equal((await professional.get(`${ADMIN}/import`)).statusCode, 403);
    assert.equal((await professional.post(`${ADMIN}/bus/publiceren`, { published: '0' })).statusCode, 403);
  });

  it('import by pasting JSON: refused whole with every reason (422), or stored whole as drafts', async () => {
    const visitor = new TestBrowser(ctx.app);
    const exported = (await visitor.get(`${LIB}.json`)).body;
    const file = JSON.parse(exported) as { cards: Record<string, unknown>[]; version: number };
    const gron = new TestBrowser(ctx.app);
    await signInWithRoles(ctx, gron, [{ tenantId: GRONINGEN.id, role: 'coordinator' }]);
    const url = `/${GRONINGEN.slug}/beheer/wat-werkt/import`;
    await gron.get(url);
    const empty = await gron.post(url, { json: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Kies een bestand of plak de JSON\./);
    const v2 = await gron.post(url, { json: JSON.stringify({ ...file, version: 2 }) });
    assert.equal(v2.statusCode, 422);
    assert.match(v2.body, /Onbekende versie van het formaat/);
    const broken = structuredClone(file);
    broken.cards[1]!.level = 'planet';
    const refused = await gron.post(url, { json: JSON.stringify(broken) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Niets overgenomen/);
    assert.match(refused.body, /Kaart 2 \(pers\)<\/td><td[^>]*><code>level<\/code><\/td><td[^>]*>Deze waarde is niet toegestaan\./);
    assert.doesNotMatch((await gron.get(`/${GRONINGEN.slug}/wat-werkt`)).body, /Boodschappenbus/, 'nothing stored');
    const done = await gron.post(url, { json: exported });
    assert.equal(done.statusCode, 200, done.body);
    assert.match(done.body, new RegExp(`Overgenomen: ${file.cards.length} kaarten`));
    const card = await gron.get(`/${GRONINGEN.slug}/wat-werkt/bus`);
    assert.match(card.body, /Concept, niet openbaar/);
    assert.match(card.body, /Overgenomen van Krimpen aan den IJssel \(http:\/\/localhost/);
    assert.equal((await new TestBrowser(ctx.app).get(`/${GRONINGEN.slug}/wat-werkt/bus`)).statusCode, 404, 'imported cards are drafts');
    const again = await gron.post(url, { json: exported });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /Deze korte naam is hier al in gebruik\./);
  });
});
