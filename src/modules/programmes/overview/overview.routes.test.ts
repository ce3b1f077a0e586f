import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { KRIMPEN } from '../../../../test/helpers/factories.ts';
import { CARD_COLUMNS, LINE_COLUMNS, euros } from './overview.csv.ts';
import { buildProgrammeFixture, type Fixture } from './overview.test-support.ts';

const BASE = `/${KRIMPEN.slug}/programmas/oog-en-oor`;
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
/** The row of a table (by its data attribute) as plain text. */
const row = (html: string, attr: string, value: string) =>
  textOf(new RegExp(`<tr[^>]*data-${attr}="${value}"[^>]*>[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '');

describe('programme overviews: planning, financing, document, CSV', () => {
  const ctx = useTestApp();
  let fx: Fixture;
  before(async () => {
    fx = await buildProgrammeFixture(ctx.database.db);
  });

  it('shows the gap per year, per card and in total, and unknown as "onbekend" (never 0)', async () => {
    const res = await new TestBrowser(ctx.app).get(`${BASE}/overzicht`);
    assert.equal(res.statusCode, 200);
    const body = res.body;
    const years = /<table class="[^"]*pg-money-years[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    // Columns: year, costs, coverage WMO, coverage "Zo kan het ook", coverage, gap ("—": no line from that source).
    assert.match(row(years, 'year', '2010'), /2010 € 30\.000 — € 20\.000 € 20\.000 € 10\.000/);
    // 2011: the cost is unknown, so coverage is known and the gap is unknown.
    assert.match(row(years, 'year', '2011'), /2011 onbekend € 5\.000,50 — € 5\.000,50 onbekend/);
    assert.match(row(years, 'year', 'total'), /Totaal onbekend .* onbekend/);
    const cards = /<table class="[^"]*pg-money-cards[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    assert.match(row(cards, 'card', '1'), /€ 30\.000 € 20\.000 € 10\.000 2010: € 10\.000/);
    assert.match(row(cards, 'card', '2'), /onbekend € 5\.000,50 onbekend 2011: onbekend/);
    assert.match(row(cards, 'card', '3'), /geen bedragen in de bron/);
    assert.doesNotMatch(row(cards, 'card', '2'), /€ 0\b/, 'unknown is never shown as 0');
    assert.match(textOf(body), /Ontbrekende dekking die bekend is: € 10\.000\. Bij één project is het bedrag onbekend: project 2\./);
    // The coverage columns name their sources.
    assert.match(years, /Dekking: WMO-budget/);
    assert.match(years, /Dekking: Fonds "Zo kan het ook"|Dekking: Fonds &quot;Zo kan het ook&quot;/);
    // A draft programme's card is not part of it.
    assert.doesNotMatch(body, /Geheim conceptproject/);
  });

  it('draws the planning as an SVG with an accessible name, and its table holds the same cards and periods', async () => {
    const body = (await new TestBrowser(ctx.app).get(`${BASE}/overzicht`)).body;
    const svg = /<svg[^>]*class="pg-timeline__chart"[\s\S]*?<\/svg>/.exec(body)?.[0] ?? '';
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-labelledby="pg-timeline-title"/);
    assert.match(svg, /<title id="pg-timeline-title">Planning van de projecten van Oog en oor voor elkaar<\/title>/);
    assert.match(svg, /<desc id="pg-timeline-desc">Tijdlijn van 2010 tot en met 2011\./);
    const svgCards = [...svg.matchAll(/<g data-card="([^"]+)"/g)].map((m) => m[1]);
    const table = /<table class="[^"]*pg-timeline__table[\s\S]*?<\/table>/.exec(body)?.[0] ?? '';
    const tableCards = [...table.matchAll(/<tr data-card="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(svgCards, ['1', '2', '3']);
    assert.deepEqual(tableCards, svgCards, 'the table holds exactly the cards the chart draws');
    // Card 1: planned bar and an actual bar; card 2 open-ended (dashed, arrow); card 3 without dates: no bar.
    const g = (n: string) => new RegExp(`<g data-card="${n}">[\\s\\S]*?</g>`).exec(svg)?.[0] ?? '';
    assert.match(g('1'), /pg-bar--planned/);
    assert.match(g('1'), /pg-bar--actual/);
    assert.match(g('2'), /stroke-dasharray="6 3"/);
    assert.match(g('2'), /→/);
    assert.doesNotMatch(g('3'), /pg-bar/);
    assert.match(row(table, 'card', '1'), /2010-01-01 tot en met 2011-12-31 vanaf 2010-03-01, loopt nog 2010-2011/);
    assert.match(row(table, 'card', '2'), /vanaf 2011-01-01, geen einddatum niet bekend 2011 ev/);
    assert.match(row(table, 'card', '3'), /niet bekend niet bekend/);
  });

  it('exports cards and budget lines as CSV that parses back, in euros and cents, unknown never 0', async () => {
    const browser = new TestBrowser(ctx.app);
    const cardsRes = await browser.get(`${BASE}/overzicht/projecten.csv`);
    assert.equal(cardsRes.statusCode, 200);
    assert.match(String(cardsRes.headers['content-type']), /^text\/csv/);
    assert.match(
      String(cardsRes.headers['content-disposition']),
      /attachment; filename="projecten-krimpen-aan-den-ijssel-oog-en-oor\.csv"/,
    );
    const cards = parse(cardsRes.body, { delimiter: ';', bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(cards[0]!), [...CARD_COLUMNS]);
    assert.deepEqual(
      cards.map((c) => [c['nummer'], c['kosten_euro'], c['kosten_cent'], c['dekking_euro'], c['ontbreekt_euro'], c['ontbreekt_cent']]),
      [
        ['1', '30000,00', '3000000', '20000,00', '10000,00', '1000000'],
        ['2', 'onbekend', '', '5000,50', 'onbekend', ''],
        ['3', '', '', '', '', ''],
      ],
    );
    assert.equal(cards[1]!['gepland_eind'], '');
    assert.equal(cards[0]!['gebieden'], 'WK054201');
    const lines = parse((await browser.get(`${BASE}/overzicht/begroting.csv`)).body, {
      delimiter: ';',
      bom: true,
      columns: true,
    }) as Record<string, string>[];
    assert.deepEqual(Object.keys(lines[0]!), [...LINE_COLUMNS]);
    assert.deepEqual(
      lines.map((l) => [l['project_nummer'], l['soort'], l['jaar'], l['bron'], l['bedrag_euro'], l['bedrag_cent']]),
      [
        ['1', 'kosten', '2010', '', '30000,00', '3000000'],
        ['1', 'dekking', '2010', 'innovation_fund', '20000,00', '2000000'],
        ['2', 'kosten', '2011', '', 'onbekend', ''],
        ['2', 'dekking', '2011', 'wmo', '5000,50', '500050'],
      ],
    );
    assert.equal(euros(5), '0,05');
    assert.equal(euros(null), 'onbekend');
  });

  it('prints one programme document with goals, cards, financing and the action table', async () => {
    const res = await new TestBrowser(ctx.app).get(`${BASE}/document`);
    assert.equal(res.statusCode, 200);
    const text = textOf(res.body);
    assert.match(res.body, /<article class="pg-doc pg-print">/);
    assert.match(text, /Doel 1: Meer bewoners doen mee/);
    // The goal's indicator by its monitor name, with baseline, target and course; the operational goal has none.
    assert.match(text, /% actief in de wijk 15 \(2009\) minstens 20 in 2011 — nog niet te zeggen/);
    assert.match(text, /Doel 1a: Jongeren doen mee Nog geen indicator gekoppeld\./);
    assert.match(text, /1\. Samen koken in Oud-Krimpen/);
    assert.match(text, /Ontbrekende dekking die bekend is: € 10\.000/);
    assert.match(text, /Speelplekken opnieuw inrichten/);
    assert.doesNotMatch(res.body, /Maak projectkaart/, 'no tools in the printed document');
  });

  it('answers 404 for a draft programme to the public and for an unknown one', async () => {
    const browser = new TestBrowser(ctx.app);
    assert.equal((await browser.get(`/${KRIMPEN.slug}/programmas/concept/overzicht`)).statusCode, 404);
    assert.equal((await browser.get(`/${KRIMPEN.slug}/programmas/concept/overzicht/projecten.csv`)).statusCode, 404);
    assert.equal((await browser.get(`/${KRIMPEN.slug}/programmas/bestaat-niet/document`)).statusCode, 404);
    assert.ok(fx.cards.draft);
  });
});
