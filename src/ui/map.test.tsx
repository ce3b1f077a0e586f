import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { useTestApp } from '../../test/helpers/app.ts';
import { translator } from '../platform/i18n/index.ts';
import { loadConfig, PDOK_TILE_URL } from '../platform/config.ts';
import { PageContext, type ViewContext } from './context.ts';
import { MapAssets, MapPicker, PointsMap } from './map.tsx';

function page(locale: 'nl' | 'en', tiles: ViewContext['mapTiles'], body: preact.VNode): string {
  const ctx: ViewContext = {
    t: translator(locale),
    locale,
    path: '/',
    csrfToken: '',
    user: null,
    tenant: null,
    roles: [],
    nav: [],
    mapTiles: tiles,
  };
  return renderToString(h(PageContext.Provider, { value: ctx }, body));
}

const tiles = { url: 'https://tiles.example.nl/{z}/{x}/{y}.png', attribution: 'Kaartgegevens © Kadaster' };

describe('MapPicker', () => {
  it('renders the hidden inputs, the no-JS note and the tiles for the island; the map itself is hidden without JS', () => {
    const html = page('nl', tiles, <MapPicker center={{ lat: 53.2, lon: 6.56 }} label="Waar is het?" />);
    assert.match(html, /<input type="hidden" id="kaart-lat-lat" name="lat" value(="")?\/>/);
    assert.match(html, /<input type="hidden" id="kaart-lat-lon" name="lon" value(="")?\/>/);
    assert.match(html, /De kaart werkt alleen met JavaScript/);
    assert.match(html, /class="map-picker__body" data-map-body="true" hidden>/);
    assert.match(html, /data-tiles="https:\/\/tiles.example.nl\/\{z\}\/\{x\}\/\{y\}.png"/);
    assert.match(html, /data-attribution="Kaartgegevens © Kadaster"/);
    assert.match(html, /data-center="53.200000,6.560000"/);
    assert.match(html, /Gebruik mijn locatie/);
    assert.match(html, /aria-live="polite"/);
    assert.doesNotMatch(html, /<script/, 'no inline script: data travels in data- attributes');
  });

  it('keeps a given pin, with configurable names, and says where it is in the reader’s language', () => {
    const nl = page(
      'nl',
      tiles,
      <MapPicker latName="pin_lat" lonName="pin_lon" lat={53.21871} lon={6.56712} center={{ lat: 53.2, lon: 6.56 }} label="x" />,
    );
    assert.match(nl, /name="pin_lat" value="53.218710"/);
    assert.match(nl, /name="pin_lon" value="6.567120"/);
    assert.match(nl, /De speld staat op 53,21871, 6,56712\./);
    const en = page('en', tiles, <MapPicker lat={53.21871} lon={6.56712} center={{ lat: 53.2, lon: 6.56 }} label="x" />);
    assert.match(en, /The pin is at 53.21871, 6.56712\./);
    assert.match(en, /Use my location/);
  });

  it('renders without tiles (and in Dutch) outside a page', () => {
    const html = renderToString(<MapPicker center={{ lat: 52, lon: 5 }} label="Plek" />);
    assert.doesNotMatch(html, /data-tiles/);
    assert.match(html, /Gebruik mijn locatie/);
  });
});

describe('PointsMap', () => {
  it('puts the points in a data- attribute as JSON, escaped, and renders nothing without points', () => {
    const html = page(
      'en',
      tiles,
      <PointsMap label="Map of the results" points={[{ lat: 53.2, lon: 6.5, label: 'Koffie <b>&</b> "thee"', href: '/g/x' }]} />,
    );
    assert.match(html, /data-map="points"/);
    assert.match(html, /aria-label="Map of the results"/);
    assert.doesNotMatch(html, /<b>/);
    const json = /data-points="([^"]*)"/
      .exec(html)![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(json), [{ lat: 53.2, lon: 6.5, label: 'Koffie <b>&</b> "thee"', href: '/g/x' }]);
    assert.equal(page('nl', tiles, <PointsMap label="x" points={[]} />), '');
    assert.equal(
      page('nl', { url: null, attribution: '' }, <PointsMap label="x" points={[{ lat: 53.2, lon: 6.5, label: 'a' }]} />),
      '',
      'no tiles, no map',
    );
  });

  it('MapAssets loads Leaflet and the island from our own origin', () => {
    const html = renderToString(<MapAssets />);
    assert.match(html, /src="\/static\/vendor\/leaflet\/leaflet.js"/);
    assert.match(html, /src="\/static\/map.js"/);
    assert.match(html, /href="\/static\/vendor\/leaflet\/leaflet.css"/);
  });
});

describe('map configuration', () => {
  it('defaults to the PDOK BRT-Achtergrondkaart, none under NODE_ENV=test, and refuses a template without {z}/{x}/{y}', () => {
    assert.equal(loadConfig({ SESSION_SECRET: 'x'.repeat(32) }, '/tmp').mapTiles.url, PDOK_TILE_URL);
    assert.equal(loadConfig({ SESSION_SECRET: 'x'.repeat(32), NODE_ENV: 'test' }, '/tmp').mapTiles.url, null);
    assert.equal(loadConfig({ SESSION_SECRET: 'x'.repeat(32), MAP_TILE_URL: 'none' }, '/tmp').mapTiles.url, null);
    assert.throws(
      () => loadConfig({ SESSION_SECRET: 'x'.repeat(32), MAP_TILE_URL: 'https://tiles.example.nl/x.png' }, '/tmp'),
      /MAP_TILE_URL/,
    );
  });
});

describe('map assets and CSP', () => {
  const ctx = useTestApp({ mapTiles: tiles });

  it('serves Leaflet, its marker images and licence, and the island from /static', async () => {
    for (const [path, type] of [
      ['/static/vendor/leaflet/leaflet.js', 'text/javascript'],
      ['/static/vendor/leaflet/leaflet.css', 'text/css'],
      ['/static/vendor/leaflet/images/marker-icon.png', 'image/png'],
      ['/static/vendor/leaflet/LICENSE.txt', 'text/plain'],
      ['/static/map.js', 'text/javascript'],
      ['/static/map.css', 'text/css'],
    ] as const) {
      const res = await ctx.app.inject(path);
      assert.equal(res.statusCode, 200, path);
      assert.ok(String(res.headers['content-type']).startsWith(type), path);
    }
  });

  it('allows images from the tile host and scripts only from our own origin', async () => {
    const res = await ctx.app.inject('/toegankelijkheid');
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /img-src 'self' data: https:\/\/tiles\.example\.nl(;|$)/);
    assert.match(csp, /script-src 'self'(;|$)/);
  });
});
