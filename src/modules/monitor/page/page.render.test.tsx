import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../ui/context.ts';
import { monitorPageSections } from './page.sections.tsx';
import type { FunctionSummary, IndicatorSummary, OverviewSummary } from './page.types.ts';

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
const area = { code: 'WK054201', level: 'district' as const, name: 'Oud Krimpen' };
const section = (id: string) => monitorPageSections.find((s) => s.id === id)!;
const render = (id: string, data: unknown, locale: 'nl' | 'en' = 'nl') => {
  const node = section(id).render({ ctx: view(locale), tenantSlug: 'krimpen', area, data, computedAt: new Date('2026-11-23T10:00:00Z') });
  return node ? renderToString(node) : null;
};

const base: IndicatorSummary = {
  code: 'wm09_active',
  nameNl: 'Actief in de wijk',
  nameEn: 'Active in the district',
  unit: 'percent',
  direction: 'up',
  source: 'survey',
  theme: 'together',
  decimals: 0,
  latest: { period: '2026', value: 21, status: 'ok', ciLow: 18, ciHigh: 24, isDemo: true },
  series: [
    { period: '2024', value: 16, status: 'ok', ciLow: null, ciHigh: null, isDemo: true },
    { period: '2026', value: 21, status: 'ok', ciLow: 18, ciHigh: 24, isDemo: true },
  ],
  municipality: { period: '2026', value: 20, status: 'ok', ciLow: null, ciHigh: null, isDemo: false },
  similar: { value: 30, areas: 2 },
  class: 'around',
  method: 'pp5',
  target: {
    value: 24,
    year: 2028,
    comparator: 'at_least',
    baselinePeriod: '2024',
    baselineValue: 16,
    municipalityWide: true,
    isDemo: false,
    course: 'on_course',
  },
};
const fnData = (indicators: IndicatorSummary[]): FunctionSummary => ({ similar: { basis: 'urbanity', group: '2' }, indicators });

describe('monitor page sections (render from hand-made summaries)', () => {
  it('registers an overview and one section per function, each in its block', () => {
    assert.deepEqual(
      monitorPageSections.map((s) => [s.id, s.fn]),
      [
        ['monitor.overview', 'overview'],
        ['monitor.meet', 'meet'],
        ['monitor.know', 'know'],
        ['monitor.help', 'help'],
        ['monitor.together', 'together'],
      ],
    );
  });

  it('a figure with unit, period, CI, demo label, comparisons, the target on course, and its trend with a table', () => {
    const html = render('monitor.together', fnData([base]))!;
    assert.match(html, /<strong>21 % \(demo-waarde, verzonnen\)<\/strong>, periode 2026/);
    assert.match(html, /Betrouwbaarheid \(95 %\): 18 % tot 24 %/);
    assert.match(html, /Hele gemeente<\/dt><dd>20 %<\/dd>/);
    assert.match(html, /30 % \(gemiddelde van 2 gebieden\)/);
    assert.match(html, /rond het gemiddelde van de gemeente/);
    assert.match(html, /minstens 24 % in 2028 \(doel voor de hele gemeente\)/);
    assert.match(html, /Op koers:/);
    assert.match(html, /dezelfde stedelijkheid \(CBS-klasse 2\)/);
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /<caption>Cijfers van Actief in de wijk per periode<\/caption>/);
    const en = render('monitor.together', fnData([{ ...base, target: { ...base.target!, course: 'off_course' } }]), 'en')!;
    assert.match(en, /demo value, invented/);
    assert.match(en, /Not on course/);
  });

  it('a suppressed figure says "te weinig antwoorden" and never shows a number', () => {
    const suppressed: IndicatorSummary = {
      ...base,
      latest: { period: '2026', value: null, status: 'suppressed', ciLow: null, ciHigh: null, isDemo: false },
      series: [],
      municipality: null,
      similar: null,
      class: null,
      method: null,
      target: null,
    };
    const html = render('monitor.together', fnData([suppressed]))!;
    assert.match(html, /<strong>te weinig antwoorden<\/strong>, periode 2026/);
    assert.match(html, /Te weinig mensen gaven antwoord/);
    const text = html.replace(/<[^>]+>/g, ' ').replace(/periode 2026/g, '');
    assert.doesNotMatch(text, /\d/, `no digit at all apart from the period: ${text}`);
  });

  it('nothing measured for a function: no section (the block then says there is no data yet)', () => {
    assert.equal(render('monitor.meet', fnData([{ ...base, latest: null, series: [] }])), null);
  });

  it('the overview: computed class with the method, the recorded judgement with knelpunten, the wijkperspectief link, more figures', () => {
    const data: OverviewSummary = {
      classification: { class: 'below', counts: { above: 0, around: 1, below: 2 }, methods: ['pp5', 'z'] },
      recorded: [
        {
          year: 2009,
          class: 'below',
          label: 'Minder dan gemiddeld',
          knelpunten: ['weinig ontmoetingsplekken'],
          method: 'Wijkmonitor',
          sourceNote: 'seed 001',
        },
      ],
      more: [
        {
          ...base,
          code: 'cbs_inwoners',
          nameNl: 'Inwoners',
          theme: 'population',
          unit: 'count',
          latest: { period: '2024', value: 9000, status: 'ok', ciLow: null, ciHigh: null, isDemo: false },
        },
      ],
      similar: { basis: 'density', group: 'medium' },
      figures: { indicators: [], values: {}, classes: {} },
    };
    const html = render('monitor.overview', data)!;
    assert.match(html, /Berekend uit de cijfers: minder goed dan de gemeente\./);
    assert.match(html, /0 cijfers beter, 1 rond het gemiddelde, 2 minder goed\./);
    assert.match(html, /binnen 5 procentpunten/);
    assert.match(html, /z-score/);
    assert.match(html, /Oordeel van de gemeente \(2009\)/);
    assert.match(html, /<li>weinig ontmoetingsplekken<\/li>/);
    assert.match(html, /href="\/krimpen\/wijken\/WK054201\/wijkperspectief"/);
    assert.match(html, /Meer cijfers/);
    assert.match(html, /Inwoners <span class="monitor-theme">\(bevolking\)<\/span>/);
    assert.match(html, /9\.000/);
  });

  it('a function with many indicators: the first four in full (a target first), the others as rows under "Meer cijfers"', () => {
    const many = Array.from({ length: 7 }, (_, i): IndicatorSummary => ({
      ...base,
      code: `bench_${i}`,
      nameNl: `Cijfer ${i}`,
      source: i === 0 ? 'cbs' : 'import',
      target: i === 6 ? base.target : null,
    }));
    const html = render('monitor.together', fnData(many))!;
    const blocks = [...html.matchAll(/<h4 class="utrecht-heading-4" id="[^"]*-h">([^<]*)<\/h4>/g)].map((m) => m[1]);
    // The one with a target first, then the imports in their order; the CBS figure falls to the table.
    assert.deepEqual(blocks, ['Cijfer 1', 'Cijfer 2', 'Cijfer 3', 'Cijfer 6']);
    assert.equal((html.match(/<svg/g) ?? []).length, 4, 'a trend chart per full block only');
    const more = html.slice(html.indexOf('<details class="monitor-more">'));
    assert.match(more, /<summary>Meer cijfers over dit onderwerp \(3\)<\/summary>/);
    for (const name of ['Cijfer 0', 'Cijfer 4', 'Cijfer 5']) assert.match(more, new RegExp(`<th scope="row"[^>]*>${name}</th>`));
    assert.match(more, /<td data-label="Waarde">21 %/);
  });

  it('four indicators or fewer: every one in full and no "Meer cijfers"', () => {
    const html = render('monitor.together', fnData([base, { ...base, code: 'x', nameNl: 'X' }]))!;
    assert.doesNotMatch(html, /monitor-more/);
    assert.equal((html.match(/<svg/g) ?? []).length, 2);
  });

  it('a trend that includes an older CBS code says so', () => {
    const html = render('monitor.together', fnData([{ ...base, olderCodes: ['WK039801'] }]))!;
    assert.match(html, /horen bij de vorige CBS-code WK039801: de code is veranderd, de grenzen bleven gelijk/);
    assert.doesNotMatch(render('monitor.together', fnData([base]))!, /vorige CBS-code/);
  });
});
