/**
 * The maps in a real browser (issue 12 item 2, docs/maps.md). Tiles come from a stub in this file, never from the
 * internet. The points map is tested on the social map search page of the real server; the pin picker on a tiny
 * test-only page (rendered here with the app's own layout, Leaflet and island proxied from the real server, and the
 * real server's Content-Security-Policy), so the picker's behaviour is proven apart from any form that uses it.
 * Proven: with JavaScript the map draws tiles and a click, the keyboard or "gebruik mijn locatie" fills lat/lon;
 * without JavaScript only the note shows and the form still posts; failing tiles are said and change nothing; axe-clean.
 */
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { h } from 'preact';
import type { Page } from 'playwright-core';
import '../../src/platform/i18n/platform.messages.ts';
import { translator, type Locale } from '../../src/platform/i18n/index.ts';
import { renderDocument } from '../../src/platform/http/views.ts';
import type { ViewContext } from '../../src/ui/context.ts';
import { MapAssets, MapPicker } from '../../src/ui/map.tsx';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { startServer, stopServer, type RunningServer } from './helpers/server.ts';
import { startTileStub, type TileStub } from './helpers/tiles.ts';

// --- the tile stub: every /{z}/{x}/{y}.png is one small grey PNG; /kapot/… answers 404 ---
let tiles: TileStub;
let tileUrl = '';
let server: RunningServer | undefined;
const srv = {
  get url() {
    assert.ok(server, 'server not started');
    return server.url;
  },
};
// One hook, in order: the tile stub, then the app with its tile URL, then the test-only picker page.
before(async () => {
  tiles = await startTileStub();
  tileUrl = tiles.url;
  server = await startServer({ MAP_TILE_URL: tileUrl });
  await startPickerApp();
});
after(async () => {
  await pickerApp?.close();
  if (server) await stopServer(server);
  await tiles.close();
});

const browser = useBrowser();

// --- the test-only picker page ---
const CENTER = { lat: 53.2194, lon: 6.5665 };
let pickerApp: FastifyInstance;
let pickerUrl = '';

function pickerPage(locale: Locale, tileUrl: string | null, body: string | null, pin: { lat?: string; lon?: string } = {}): string {
  const ctx: ViewContext = {
    t: translator(locale),
    locale,
    path: '/plek',
    csrfToken: '',
    user: null,
    tenant: null,
    roles: [],
    nav: [],
    mapTiles: { url: tileUrl, attribution: 'Kaartgegevens © Kadaster' },
  };
  const page = h(
    'div',
    null,
    h('h1', { class: 'utrecht-heading-1' }, 'Plek kiezen'),
    body === null ? null : h('p', { id: 'posted', class: 'utrecht-paragraph' }, body),
    h(
      'form',
      { method: 'post', action: '/plek', class: 'form' },
      h('label', { for: 'adres', class: 'utrecht-form-label' }, 'Adres of plek'),
      h('input', { id: 'adres', name: 'adres', class: 'utrecht-textbox', type: 'text' }),
      h(MapPicker, {
        center: CENTER,
        label: 'Zet een speld op de plek',
        lat: pin.lat ? Number(pin.lat) : null,
        lon: pin.lon ? Number(pin.lon) : null,
      }),
      h('button', { type: 'submit', class: 'utrecht-button utrecht-button--primary-action' }, 'Versturen'),
    ),
    h(MapAssets, null),
  );
  return renderDocument(ctx, page, { title: 'Plek kiezen' });
}

async function startPickerApp(): Promise<void> {
  // The real server's CSP, so the picker is proven under the same rules as the app's pages.
  const csp = (await getOnce(`${srv.url}/toegankelijkheid`)).headers['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/);
  pickerApp = Fastify({ forceCloseConnections: true });
  await pickerApp.register(formbody);
  pickerApp.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', csp);
  });
  pickerApp.get<{ Params: { '*': string } }>('/static/*', async (req, reply) => {
    const res = await getOnce(`${srv.url}/static/${req.params['*']}`);
    return reply
      .code(res.status)
      .type(res.headers['content-type'] ?? 'application/octet-stream')
      .send(res.body);
  });
  type Query = { tegels?: string };
  const tilesFor = (query: Query) => (query.tegels === 'kapot' ? tileUrl.replace('/{z}', '/kapot/{z}') : tileUrl);
  pickerApp.get<{ Querystring: Query }>('/plek', async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(pickerPage('nl', tilesFor(req.query), null)),
  );
  pickerApp.post<{ Querystring: Query; Body: Record<string, string> }>('/plek', async (req, reply) => {
    const f = req.body;
    return reply
      .type('text/html; charset=utf-8')
      .send(pickerPage('nl', tilesFor(req.query), `adres=${f.adres ?? ''};lat=${f.lat ?? ''};lon=${f.lon ?? ''}`, f));
  });
  pickerUrl = await pickerApp.listen({ port: 0, host: '127.0.0.1' });
}

/** A GET without keep-alive, so the real server can stop cleanly at the end. */
function getOnce(url: string): Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 500,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v])),
          body: Buffer.concat(chunks),
        }),
      );
    }).on('error', reject);
  });
}

/** Collects CSP violations and script errors of a page. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

const posted = async (page: Page) => (await page.locator('#posted').innerText()).trim();

describe('map pin picker', () => {
  it('with JavaScript: tiles, a click fills lat/lon, the live line says where, the form posts them; axe-clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${pickerUrl}/plek`);
    assert.equal(await page.locator('[data-map-fallback]').isVisible(), false, 'the no-JS note is hidden');
    const canvas = page.locator('.map-canvas--picker');
    assert.equal(await canvas.isVisible(), true);
    await page.locator('.map-canvas--picker img.leaflet-tile-loaded').first().waitFor();
    assert.ok(tiles.requests() > 0, 'tiles were fetched from the configured (stub) server');
    assert.match(await page.locator('.leaflet-control-attribution').innerText(), /Kaartgegevens © Kadaster/);
    assert.equal(await page.inputValue('input[name="lat"]'), '');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2 + 40, box.y + box.height / 2 - 30);
    const lat = Number(await page.inputValue('input[name="lat"]'));
    const lon = Number(await page.inputValue('input[name="lon"]'));
    assert.ok(lat > CENTER.lat && lat < CENTER.lat + 0.02, `north of the centre: ${lat}`);
    assert.ok(lon > CENTER.lon && lon < CENTER.lon + 0.02, `east of the centre: ${lon}`);
    assert.equal(await page.locator('.leaflet-marker-icon').count(), 1);
    assert.match(await page.locator('[data-map-status]').innerText(), /^De speld staat op 53,\d{5}, 6,\d{5}\.$/);
    await expectNoSeriousAxeViolations(page, 'picker with a pin');
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
    assert.equal(await posted(page), `adres=;lat=${lat.toFixed(6)};lon=${lon.toFixed(6)}`);
    // After posting, the page shows the pin where it was.
    assert.equal(await page.locator('.leaflet-marker-icon').count(), 1);
    assert.equal(await page.inputValue('input[name="lat"]'), lat.toFixed(6));
    // "Speld weghalen" empties the fields again.
    await page.locator('[data-map-clear]').click();
    assert.equal(await page.inputValue('input[name="lat"]'), '');
    assert.equal(await page.locator('.leaflet-marker-icon').count(), 0);
    assert.deepEqual(errors, [], 'no CSP violation or script error');
    await context.close();
  });

  it('with the keyboard: Tab to the map, move it with the arrows, Enter drops the pin in the middle', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pickerUrl}/plek`);
    let onMap = false;
    for (let i = 0; i < 30 && !onMap; i++) {
      await page.keyboard.press('Tab');
      onMap = await page.evaluate(() => document.activeElement?.classList.contains('map-canvas--picker') ?? false);
    }
    assert.ok(onMap, 'the map is reachable with Tab');
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    const lat = Number(await page.inputValue('input[name="lat"]'));
    const lon = Number(await page.inputValue('input[name="lon"]'));
    assert.ok(lat > CENTER.lat, `the map moved north before the pin was dropped: ${lat}`);
    assert.ok(Math.abs(lon - CENTER.lon) < 0.001, `in the middle: ${lon}`);
    assert.match(await page.locator('[data-map-status]').innerText(), /De speld staat op/);
    await context.close();
  });

  it('"Gebruik mijn locatie" puts the pin at the browser\'s location', async () => {
    const context = await browser.newContext({ geolocation: { latitude: 53.2161, longitude: 6.5735 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${pickerUrl}/plek`);
    await page.locator('[data-map-locate]').click();
    await page.waitForFunction(() => (document.querySelector('input[name="lat"]') as HTMLInputElement).value !== '');
    assert.equal(await page.inputValue('input[name="lat"]'), '53.216100');
    assert.equal(await page.inputValue('input[name="lon"]'), '6.573500');
    await context.close();
  });

  it('when the tiles fail it says so, and a click still places the pin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${pickerUrl}/plek?tegels=kapot`);
    await page.waitForFunction(() => /achtergrondkaart laadt niet/.test(document.querySelector('[data-map-status]')?.textContent ?? ''));
    await page.locator('.map-canvas--picker').scrollIntoViewIfNeeded();
    const box = (await page.locator('.map-canvas--picker').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.notEqual(await page.inputValue('input[name="lat"]'), '');
    await expectNoSeriousAxeViolations(page, 'picker without tiles');
    await context.close();
  });

  it('without JavaScript: only the note shows, and the form posts the typed address with empty lat/lon', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${pickerUrl}/plek`);
    assert.equal(await page.locator('[data-map-fallback]').isVisible(), true);
    assert.match(await page.locator('[data-map-fallback]').innerText(), /De kaart werkt alleen met JavaScript/);
    assert.equal(await page.locator('.map-canvas--picker').isVisible(), false);
    assert.equal(await page.locator('[data-map-locate]').isVisible(), false);
    await page.locator('#adres').fill('Oude Ebbingestraat 10');
    await Promise.all([page.waitForNavigation(), page.locator('button[type="submit"]').click()]);
    assert.equal(await posted(page), 'adres=Oude Ebbingestraat 10;lat=;lon=');
    await context.close();
  });

  it('when Leaflet does not load, the page is as without JavaScript (the note, no map) and axe-clean', async () => {
    // axe needs JavaScript; blocking Leaflet gives the page the island leaves alone.
    const context = await browser.newContext();
    await context.route('**/static/vendor/leaflet/leaflet.js', (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${pickerUrl}/plek`);
    assert.equal(await page.locator('[data-map-fallback]').isVisible(), true);
    assert.equal(await page.locator('.map-canvas--picker').isVisible(), false);
    await expectNoSeriousAxeViolations(page, 'picker without Leaflet');
    await context.close();
  });
});

describe('points map on the social map search', () => {
  /** A demo tenant whose search page lists results with a place. */
  async function searchPage(page: Page): Promise<string> {
    for (const tenant of DEMO_TENANTS) {
      const path = `/${tenant.slug}/sociale-kaart`;
      await page.goto(srv.url + path);
      if ((await page.locator('.points-map').count()) > 0) return path;
    }
    assert.fail('no demo tenant shows a points map on /{tenant}/sociale-kaart');
  }

  it('with JavaScript: one marker per listed place on the tiles, a popup links to the service; axe-clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const path = await searchPage(page);
    const map = page.locator('.points-map');
    assert.equal(await map.isVisible(), true);
    await page.locator('.points-map img.leaflet-tile-loaded').first().waitFor();
    const points = JSON.parse((await map.getAttribute('data-points'))!) as { lat: number; lon: number; label: string; href?: string }[];
    assert.ok(points.length > 0);
    assert.ok(
      points.every((p) => p.href?.includes('/sociale-kaart/aanbod/')),
      'every point links to its service',
    );
    // One marker per spot; places at the same spot share it.
    const spots = new Set(points.map((p) => `${p.lat.toFixed(5)},${p.lon.toFixed(5)}`));
    const markers = page.locator('.points-map .leaflet-marker-icon');
    assert.equal(await markers.count(), spots.size);
    // With the keyboard: a marker takes focus and Enter opens its popup with a link per place.
    await markers.first().focus();
    await page.keyboard.press('Enter');
    const links = page.locator('.points-map .leaflet-popup-content a');
    await links.first().waitFor();
    const first = points[0]!;
    const here = points.filter((p) => p.lat.toFixed(5) === first.lat.toFixed(5) && p.lon.toFixed(5) === first.lon.toFixed(5));
    assert.equal(await links.count(), here.length);
    assert.equal(await links.first().getAttribute('href'), first.href);
    // The list is still there: the map is an addition.
    assert.ok((await page.locator('main a[href*="/sociale-kaart/aanbod/"]').count()) > points.length - 1);
    await expectNoSeriousAxeViolations(page, `points map ${path}`);
    assert.deepEqual(errors, [], 'no CSP violation or script error');
    await context.close();
  });

  it('without JavaScript: no map, the list of results works as before', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await searchPage(page);
    assert.equal(await page.locator('.points-map').isVisible(), false);
    assert.ok((await page.locator('main a[href*="/sociale-kaart/aanbod/"]').count()) > 0);
    await context.close();
  });
});

describe('pin picker on the signal report form', () => {
  const form = () => `${srv.url}/krimpen-aan-den-ijssel/meldingen/nieuw/verlichting`;

  it('with JavaScript: the map draws on the real form, a click fills lat/lon; axe-clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const res = await page.goto(form());
    assert.equal(res?.status(), 200);
    const canvas = page.locator('main form .map-canvas--picker');
    assert.equal(await canvas.isVisible(), true, 'the picker is inside the report form');
    await page.locator('main form .map-canvas--picker img.leaflet-tile-loaded').first().waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const lat = Number(await page.inputValue('main form input[name="lat"]'));
    const lon = Number(await page.inputValue('main form input[name="lon"]'));
    // Krimpen aan den IJssel lies around 51.92 N, 4.60 E: the map starts there.
    assert.ok(Math.abs(lat - 51.92) < 0.05 && Math.abs(lon - 4.6) < 0.08, `a point in Krimpen: ${lat}, ${lon}`);
    assert.match(await page.locator('main form [data-map-status]').innerText(), /De speld staat op/);
    await expectNoSeriousAxeViolations(page, 'report form with a pin');
    assert.deepEqual(errors, [], 'no CSP violation or script error');
    await context.close();
  });

  it('without JavaScript: the note instead of the map, the address field is the way in', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(form());
    assert.equal(await page.locator('main form [data-map-fallback]').isVisible(), true);
    assert.equal(await page.locator('main form .map-canvas--picker').isVisible(), false);
    assert.equal(await page.locator('main form input[name="address"]').isVisible(), true);
    await context.close();
  });
});
