import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/index.ts';
import type { ViewContext } from '../../../ui/context.ts';
import type { AreaFigures } from '../../../ui/charts/area-figures.ts';
import type { AreaInfo } from '../areas.service.ts';
import { AreaPage, type PageSection } from './area-page.tsx';
import { MunicipalityPage } from './municipality-page.tsx';

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
const info = (code: string, name: string, level: AreaInfo['level']): AreaInfo =>
  ({ code, name, level, year: 2024, approximate: false, stats: {} }) as unknown as AreaInfo;
const wijk = info('WK054201', 'Oud Krimpen', 'district');
const buurten = [info('BU05420101', 'Kern', 'neighbourhood'), info('BU05420102', 'Dorp', 'neighbourhood')];
const section = (id: string, fn: PageSection['fn'], text: string): PageSection => ({ id, fn, node: <section id={id}>{text}</section> });

describe('the neighbourhood page around the four functions', () => {
  it('overview first, a block per function with its sections, "Nog geen gegevens" and what would fill it, the rest after; updated-at', () => {
    const html = renderToString(
      <AreaPage
        ctx={view('nl')}
        slug="krimpen"
        area={wijk}
        children={buurten}
        drawing={null}
        computedAt={new Date('2026-11-23T10:00:00Z')}
        sections={[section('s-other', null, 'OTHER'), section('s-help', 'help', 'HELP'), section('s-over', 'overview', 'OVERVIEW')]}
      />,
    );
    const order = [
      'block-overview',
      'OVERVIEW',
      'block-meet',
      'block-know',
      'block-help',
      'HELP',
      'block-together',
      'sub-areas',
      'OTHER',
    ].map((s) => html.indexOf(s));
    assert.ok(
      order.every((i) => i >= 0),
      `all present: ${order}`,
    );
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      'in this order',
    );
    assert.match(html, /Bijgewerkt op 23 nov\.? 2026, 11:00\./);
    assert.match(html, /Nog geen gegevens\.<\/strong> Dit vult een enquête met de cohesieschaal/);
    assert.match(
      html,
      /Nog geen gegevens\.<\/strong> Dit vullen bewonersinitiatieven \(komt later\) en vrijwilligerswerk uit de wijkmonitor/,
    );
    assert.equal((html.match(/Nog geen gegevens/g) ?? []).length, 3, 'help has a section, the other three say so');
    const en = renderToString(
      <AreaPage ctx={view('en')} slug="krimpen" area={wijk} children={buurten} drawing={null} computedAt={null} sections={[]} />,
    );
    assert.equal((en.match(/No data yet\./g) ?? []).length, 4);
    assert.match(en, /have not been computed yet/);
  });

  it('plain nodes (the route before the summaries) still render, after the four blocks', () => {
    const html = renderToString(
      <AreaPage ctx={view('nl')} slug="krimpen" area={wijk} children={[]} drawing={null} sections={[<p>PLAIN</p>]} />,
    );
    assert.ok(html.indexOf('PLAIN') > html.indexOf('block-together'));
  });

  const figures: AreaFigures = {
    indicators: [
      { code: 'sm_meeting_places', nameNl: 'Ontmoetingsplekken', nameEn: 'Meeting places', unit: 'count', decimals: 0, theme: 'meet' },
      {
        code: 'wm09_active',
        nameNl: 'Actief in de wijk',
        nameEn: 'Active',
        unit: 'percent',
        decimals: 0,
        theme: 'together',
        headlineOf: 'together',
      },
    ],
    values: {
      wm09_active: {
        WK054201: { period: '2026', value: 21, status: 'ok', isDemo: true },
        WK054202: { period: '2026', value: null, status: 'suppressed', isDemo: false },
      },
      sm_meeting_places: { WK054201: { period: '2026-Q4', value: 3, status: 'ok', isDemo: false } },
    },
    classes: { WK054201: 'around', WK054202: null },
  };

  it('the municipality: wijken with the headline figure per function and the class; the map per figure with the chosen one', () => {
    const districts = [wijk, info('WK054202', 'Lansingh', 'district')];
    const html = renderToString(
      <MunicipalityPage
        ctx={view('nl')}
        slug="krimpen"
        name="Krimpen"
        districts={districts}
        drawing={null}
        functions={[]}
        figures={figures}
        indicator="sm_meeting_places"
      />,
    );
    assert.match(html, /<th scope="col">Samen doen: Actief in de wijk<\/th>/);
    assert.match(html, /data-label="Samen doen: Actief in de wijk">21 % \(demo-waarde, verzonnen\)</);
    assert.match(html, /data-label="Samen doen: Actief in de wijk">te weinig antwoorden</);
    assert.match(html, /data-label="Vergeleken met de gemeente">rond gemiddeld</);
    assert.match(html, /<option value="sm_meeting_places" selected>Ontmoetingsplekken<\/option>/);
    assert.match(html, /<caption>Ontmoetingsplekken per gebied<\/caption>/);
    assert.doesNotMatch(html, /block-meet/, 'no function blocks on the home without sections');
    const headline = renderToString(
      <MunicipalityPage
        ctx={view('nl')}
        slug="krimpen"
        name="Krimpen"
        districts={districts}
        drawing={null}
        functions={[]}
        figures={figures}
        indicator="nope"
      />,
    );
    assert.match(headline, /<option value="wm09_active" selected>/, 'an unknown choice falls back to a headline figure');
  });
});
