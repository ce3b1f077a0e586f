import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../../platform/i18n/index.ts';
import { PageContext, type ViewContext } from '../../../../ui/context.ts';
import type { Area, GeoJsonGeometry } from '../../../areas/areas.service.ts';
import type { SignalListItem } from '../list.presenter.ts';
import { SignalMap, signalMap } from './list-map.tsx';

const square = (lon: number, lat: number, d: number): GeoJsonGeometry => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + d, lat],
      [lon + d, lat + d],
      [lon, lat + d],
      [lon, lat],
    ],
  ],
});

const wijk: Area = {
  tenantId: 't',
  code: 'WK054201',
  level: 'district',
  name: 'Oud-Krimpen',
  parentCode: 'GM0542',
  year: 2024,
  geometry: square(4.6, 51.91, 0.02),
  label: null,
  approximate: false,
  source: 'test',
  stats: {},
};

function row(publicId: string, sensitive: boolean, lat: number, lon: number): SignalListItem {
  return {
    publicId,
    categoryName: 'Verlichting',
    categoryNameEn: '',
    sensitive,
    state: 'gemeld',
    buurtCode: 'BU05420101',
    wijkCode: wijk.code,
    organisationId: null,
    deadlineAt: null,
    closed: false,
    latitude: lat,
    longitude: lon,
  };
}

const ctx = {
  t: translator('nl'),
  locale: 'nl',
  mapTiles: { url: 'https://tiles.example.nl/{z}/{x}/{y}.png', attribution: 'Kaartgegevens © Kadaster' },
} as ViewContext;

describe('signal list map', () => {
  it('names the wijken on the SVG and adds a tiled map with the same dots; a sensitive signal only at its buurt', () => {
    const buurtLabel: [number, number] = [4.605, 51.915];
    const drawing = signalMap(
      [wijk],
      new Map([['BU05420101', buurtLabel]]),
      [row('SIG-2026-000001', false, 51.92, 4.61), row('SIG-2026-000002', true, 51.9111, 4.6111)],
      (r, approx) => `${r.publicId}${approx ? ' (buurt)' : ''}`,
    );
    assert.ok(drawing);
    const html = renderToString(
      <PageContext.Provider value={ctx}>
        <SignalMap ctx={ctx} slug="krimpen" drawing={drawing} />
      </PageContext.Provider>,
    );
    assert.match(html, /<g class="area-map__labels"[^>]*>.*Oud-Krimpen.*<\/g>/, 'the wijk is named on the SVG');
    const json = /data-points="([^"]*)"/
      .exec(html)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(json), [
      { lat: 51.92, lon: 4.61, label: 'SIG-2026-000001', href: '/krimpen/meldingen/behandelen/SIG-2026-000001' },
      { lat: buurtLabel[1], lon: buurtLabel[0], label: 'SIG-2026-000002 (buurt)', href: '/krimpen/meldingen/behandelen/SIG-2026-000002' },
    ]);
    assert.doesNotMatch(html, /51\.9111|4\.6111/, 'the reported spot of a sensitive signal is nowhere in the page');
    assert.match(html, /data-replaces="\.signal-map"/, 'with tiles the Leaflet map stands in for the SVG');
    assert.match(html, /src="\/static\/map.js"/);
  });
});
