import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../platform/i18n/index.ts';
import type { ViewContext } from '../context.ts';
import { Choropleth, classBreaks, classOf } from './choropleth.tsx';
import { formatFigure } from './format.ts';
import { TrendChart, trendRows, type TrendPoint } from './trend-chart.tsx';

const view = (locale: 'nl' | 'en'): ViewContext => ({
  t: translator(locale),
  locale,
  path: '/',
  csrfToken: '',
  user: null,
  tenant: null,
  roles: [],
  nav: [],
});
const nl = view('nl');
const pct = (n: number) => formatFigure(nl, 'percent', 1, n);

/** The text of every cell of every body row of the first table in some HTML. */
function tableRows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
  );
}

const points: TrendPoint[] = [
  { period: '2023', value: 16.25, status: 'ok', ciLow: 14, ciHigh: 18.5 },
  { period: '2024', value: null, status: 'suppressed' },
  { period: '2025', value: 21, status: 'ok', isDemo: true },
];

describe('trend chart', () => {
  it('the table beside the chart holds exactly its data, in Dutch number format; suppressed shows no number', () => {
    const html = renderToString(<TrendChart ctx={nl} id="t" name="Actief in de wijk" points={points} format={pct} target={24} />);
    const expected = trendRows(nl, points, pct).map((r) => [r.period, r.value, r.ci]);
    assert.deepEqual(tableRows(html), expected);
    assert.deepEqual(expected, [
      ['2023', '16,3 %', '14,0 % tot 18,5 %'],
      ['2024', 'te weinig antwoorden', '—'],
      ['2025', '21,0 % (demo-waarde, verzonnen)', '—'],
    ]);
    assert.equal(tableRows(html).length, points.length, 'one row per point');
  });

  it('is an image with a title and a description, draws the target as a labelled dashed line, and breaks the line at a gap', () => {
    const html = renderToString(<TrendChart ctx={nl} id="t" name="Actief in de wijk" points={points} format={pct} target={24} />);
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="t-title"[^>]*aria-describedby="t-desc"/);
    assert.match(html, /<title id="t-title">Actief in de wijk<\/title>/);
    assert.match(html, /<desc id="t-desc">Actief in de wijk van 2023 tot 2025\. De cijfers staan ook in de tabel\.<\/desc>/);
    assert.match(html, /stroke-dasharray="6 4"/);
    assert.match(html, /Doel: 24,0 %/);
    assert.doesNotMatch(html, /<polyline/, 'no two consecutive known points: no line across the suppressed year');
    assert.equal((html.match(/<circle/g) ?? []).length, 2, 'a dot for each known point only');
    const en = renderToString(<TrendChart ctx={view('en')} id="t" name="Active" points={points} format={(n) => String(n)} />);
    assert.match(en, /too few answers/);
    assert.match(en, /demo value, invented/);
  });
});

describe('choropleth', () => {
  it('classes of about equal size; equal values in one class; few distinct values each their own class', () => {
    assert.deepEqual(classBreaks([1, 2, 3, 4, 5, 6, 7, 8]), [
      { low: 1, high: 2 },
      { low: 3, high: 4 },
      { low: 5, high: 6 },
      { low: 7, high: 8 },
    ]);
    assert.deepEqual(classBreaks([5, 5, 5, 5, 5, 9]), [
      { low: 5, high: 5 },
      { low: 9, high: 9 },
    ]);
    assert.deepEqual(classBreaks([]), []);
    const c = classBreaks([1, 2, 2, 2, 2, 3, 4, 5, 6]);
    assert.equal(classOf(2, c), 0, 'all the 2s together');
    assert.equal(classOf(null, c), null);
  });

  it('a map with legend (colour, pattern and number) and a table of the same values; suppressed areas show no number', () => {
    const drawing = {
      width: 100,
      height: 100,
      outline: null,
      shapes: [
        { code: 'A', name: 'Noord', d: 'M0 0H50V50Z' },
        { code: 'B', name: 'Zuid', d: 'M50 50H100V100Z' },
        { code: 'C', name: 'West', d: 'M0 50H50V100Z' },
      ],
    };
    const values = [
      { code: 'A', name: 'Noord', value: 12, status: 'ok' as const },
      { code: 'B', name: 'Zuid', value: 30, status: 'ok' as const, isDemo: true },
      { code: 'C', name: 'West', value: null, status: 'suppressed' as const },
    ];
    const html = renderToString(
      <Choropleth
        ctx={nl}
        id="m"
        name="Actief"
        drawing={drawing}
        values={values}
        format={pct}
        cellText={(v) => (v.status === 'suppressed' ? 'te weinig antwoorden' : pct(v.value as number))}
        indicators={[
          { code: 'wm09_active', label: 'Actief' },
          { code: 'cohesion_vm', label: 'Cohesie' },
        ]}
        selected="cohesion_vm"
      />,
    );
    assert.deepEqual(tableRows(html), [
      ['Noord', '12,0 %', '1'],
      ['Zuid', '30,0 %', '2'],
      ['West', 'te weinig antwoorden', '—'],
    ]);
    assert.match(html, /<form method="get"/);
    assert.match(html, /<select id="m-indicator" name="indicator">/);
    assert.match(html, /<option value="cohesion_vm" selected>Cohesie<\/option>/);
    assert.match(html, /klasse 1: 12,0 %/);
    assert.match(html, /klasse 2: 30,0 %/);
    assert.match(html, /geen cijfer/);
    assert.match(html, /fill="url\(#m-p3\)"/, 'the top class has a pattern, not only a colour');
    assert.match(html, /fill="url\(#m-none\)"/, 'an area without a figure is hatched');
    assert.match(html, /<svg[^>]*role="img"[^>]*aria-labelledby="m-title"/);
  });
});
