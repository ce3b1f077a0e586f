import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { h, type VNode } from 'preact';
import type { SummarySection } from '../../platform/module.ts';
import { refreshAreaSummaries } from '../../../test/helpers/summaries.ts';
import { getArea, importDemoAreas, listAreas } from './areas.service.ts';

const DEMO = [
  { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' },
  { id: 'GM1980', slug: 'heerhugowaard', name: 'Heerhugowaard' },
  { id: 'GM0014', slug: 'groningen', name: 'Groningen' },
];

describe('areas pages', () => {
  const ctx = useTestApp();
  before(async () => {
    await importDemoAreas(ctx.database.db, { now: new Date('2026-11-23T10:00:00Z'), tenants: DEMO, dataDir: 'seed-data/cbs' });
  });

  it('shows the municipality home with a map and a table of wijken', async () => {
    const res = await new TestBrowser(ctx.app).get('/heerhugowaard/');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Heerhugowaard<\/h1>/);
    // The four functions: linked where a module serves them, and said plainly where nothing does yet.
    const fns = /<ul class="utrecht-unordered-list home-functions">([\s\S]*?)<\/ul>/.exec(res.body)?.[1] ?? '';
    assert.match(fns, /<a class="utrecht-link" href="\/heerhugowaard\/sociale-kaart">Ontmoeten<\/a>/);
    assert.match(fns, /<a class="utrecht-link" href="\/heerhugowaard\/hulp">Helpen<\/a>/);
    for (const name of ['Kennen', 'Samen doen']) {
      assert.ok(fns.includes(`<strong>${name}</strong>`), `${name} is not a link`);
    }
    assert.equal(fns.match(/Het komt later/g)?.length, 2, 'the two functions that do not exist yet say so');
    assert.match(res.body, /<svg[^>]*aria-labelledby="map-districts-title"/);
    assert.match(
      res.body,
      /<a href="\/heerhugowaard\/wijken\/WK198010" aria-label="Schrijverswijk"><path d="M[^"]+"[^>]*><title>Schrijverswijk<\/title>/,
    );
    assert.match(
      res.body,
      /<th scope="row"><a class="utrecht-link" href="\/heerhugowaard\/wijken\/WK198010">Schrijverswijk<\/a><\/th><td class="num" data-label="Inwoners">2\.875<\/td><td class="num" data-label="[^"]+">25%<\/td><td class="num" data-label="Huishoudens">1\.305<\/td>/,
    );
    assert.equal((res.body.match(/<tr><th scope="row">/g) ?? []).length, 19);
    assert.doesNotMatch(res.body, /WK198001/, 'Langedijk wijken are not part of the demo tenant');
  });

  it('shows a wijk with CBS figures, its buurten and breadcrumbs', async () => {
    const res = await new TestBrowser(ctx.app).get('/heerhugowaard/wijken/WK198010');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Schrijverswijk<\/h1>/);
    assert.match(res.body, /<dt>Inwoners<\/dt><dd>2\.875<\/dd>/);
    assert.match(res.body, /<dt>65 jaar en ouder<\/dt><dd>25%<\/dd>/);
    assert.match(res.body, /Bron: CBS Kerncijfers wijken en buurten 2024/);
    assert.match(res.body, /href="\/heerhugowaard\/"/);
    const buurten = await listAreas(ctx.database.db, 'GM1980', { parentCode: 'WK198010' });
    for (const b of buurten) assert.ok(res.body.includes(`href="/heerhugowaard/wijken/${b.code}"`), b.code);
  });

  it("shows an approximate buurt with a note and its wijk's figures, said as such, in English too", async () => {
    const [buurt] = await listAreas(ctx.database.db, 'GM0014', { level: 'neighbourhood' });
    const wijk = await getArea(ctx.database.db, 'GM0014', buurt!.parentCode!);
    const browser = new TestBrowser(ctx.app);
    const res = await browser.get(`/groningen/wijken/${buurt!.code}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /de grenzen van deze buurt zijn geschat/);
    // No CBS figures per buurt in the demo: the wijk's stand in, named and linked, never passed off as the buurt's.
    assert.doesNotMatch(res.body, /Voor dit gebied hebben we nog geen cijfers/);
    assert.ok(
      res.body.includes(
        `Dit zijn de cijfers van de hele wijk <a class="utrecht-link" href="/groningen/wijken/${wijk!.code}">${wijk!.name}</a>`,
      ),
      'says the figures are those of the wijk',
    );
    const inwoners = new Intl.NumberFormat('nl-NL').format(wijk!.stats['inhabitants']!);
    assert.ok(res.body.includes(`<dt>Inwoners</dt><dd>${inwoners}</dd>`), 'the wijk figure');
    assert.ok(res.body.includes(`href="/groningen/wijken/${wijk!.code}"`), 'breadcrumb to the wijk');
    assert.match(res.body, /<svg[^>]*role="img"/);
    browser.cookies.set('lang', 'en');
    const en = await browser.get(`/groningen/wijken/${buurt!.code}`);
    assert.match(en.body, /the boundaries of this neighbourhood are estimated/);
    assert.match(en.body, /These are the figures of the whole district/);
  });

  it('shows the municipality as an area too', async () => {
    const res = await new TestBrowser(ctx.app).get('/krimpen-aan-den-ijssel/wijken/GM0542');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>Inwoners<\/dt><dd>29\.626<\/dd>/);
    assert.match(res.body, /wijken\/WK054200/);
  });

  it('answers 404 for unknown or malformed codes and redirects lower case', async () => {
    const browser = new TestBrowser(ctx.app);
    assert.equal((await browser.get('/groningen/wijken/WK054200')).statusCode, 404, 'a wijk of another tenant');
    assert.equal((await browser.get('/groningen/wijken/WK999999')).statusCode, 404);
    const bad = await browser.get('/groningen/wijken/%3Cscript%3E');
    assert.equal(bad.statusCode, 404);
    assert.match(bad.body, /Dit gebied kennen we niet/);
    assert.equal((await browser.get('/onbekend/wijken/WK001400')).statusCode, 404);
    const bare = await browser.get('/groningen');
    assert.equal(bare.statusCode, 301);
    assert.equal(bare.headers.location, '/groningen/');
    assert.equal((await browser.get('/bestaat-niet')).statusCode, 404);
    const lower = await browser.get('/groningen/wijken/wk001400');
    assert.equal(lower.statusCode, 301);
    assert.equal(lower.headers.location, '/groningen/wijken/WK001400');
  });

  it('renders the sections of modules in their order from the stored summaries, computed with the codes of the area and its buurten', async () => {
    const sections = ctx.app.summarySections as SummarySection[];
    const seen = new Map<string, string[]>();
    let calls = 0;
    const section = (id: string, order: number, show: boolean): SummarySection<{ name: string; at: string }> => ({
      id,
      order,
      summarize: async ({ areaCodes, area, now }) => {
        calls++;
        seen.set(area.code, [...areaCodes]);
        return { name: area.name, at: now.toISOString() };
      },
      // Pure: only the stored data and its moment.
      render: ({ data, computedAt }) =>
        show ? (h('section', { id }, `${id} ${data.name} ${data.at === computedAt.toISOString() ? 'same' : 'other'}`) as VNode) : null,
    });
    // Appended in order, as app.ts sorts them.
    sections.push(section('test-first', 1000, true), section('test-hidden', 1001, false), section('test-second', 1002, true));
    try {
      const browser = new TestBrowser(ctx.app);
      // Before the job has run, the page shows none of them.
      assert.doesNotMatch((await browser.get('/krimpen-aan-den-ijssel/wijken/WK054200')).body, /test-first/);
      await refreshAreaSummaries(ctx.app, 'GM0542');
      const perRun = calls;
      const res = await browser.get('/krimpen-aan-den-ijssel/wijken/WK054200');
      assert.equal(res.statusCode, 200);
      const first = res.body.indexOf('<section id="test-first">test-first Wijk 00 Krimpen aan den IJssel same</section>');
      const second = res.body.indexOf('<section id="test-second">');
      assert.ok(first > 0 && second > first, 'both sections, in order');
      assert.doesNotMatch(res.body, /test-hidden/);
      const buurten = await listAreas(ctx.database.db, 'GM0542', { parentCode: 'WK054200' });
      assert.deepEqual(seen.get('WK054200')!.sort(), ['WK054200', ...buurten.map((b) => b.code)].sort());
      assert.deepEqual(seen.get(buurten[0]!.code), [buurten[0]!.code]);
      // Every area of the tenant was summarised, three sections each.
      assert.equal(perRun, 3 * (await listAreas(ctx.database.db, 'GM0542')).length);
      // The page itself computes nothing.
      await browser.get('/krimpen-aan-den-ijssel/wijken/WK054200');
      await browser.get('/krimpen-aan-den-ijssel/');
      assert.equal(calls, perRun);
    } finally {
      sections.splice(sections.length - 3, 3);
    }
  });
});
