/**
 * The resident side of the social map in a real browser on the demo data: the search page, a
 * service page and the printable leaflet are axe-clean (Dutch and English), work without
 * JavaScript, can be used with the keyboard only, and "Gebruik mijn locatie" fills the form.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

interface Found {
  slug: string;
  service: string;
  leaflet: string;
}

/** A demo tenant with services: the search page, the first result and a leaflet of its buurt (or of a wijk). */
async function findDemoService(page: Page): Promise<Found> {
  for (const tenant of DEMO_TENANTS) {
    const res = await page.goto(`${srv.url}/${tenant.slug}/sociale-kaart`);
    assert.equal(res?.status(), 200, `/${tenant.slug}/sociale-kaart`);
    const service = await page
      .locator('main a[href*="/sociale-kaart/aanbod/"]')
      .first()
      .getAttribute('href', { timeout: 1_000 })
      .catch(() => null);
    if (!service) continue;
    await page.goto(srv.url + service);
    let leaflet = await page
      .locator('main a[href*="/sociale-kaart/folder/"]')
      .first()
      .getAttribute('href', { timeout: 1_000 })
      .catch(() => null);
    if (!leaflet) {
      await page.goto(`${srv.url}/${tenant.slug}/`);
      const wijk = await page.locator(`a[href^="/${tenant.slug}/wijken/WK"]`).first().getAttribute('href');
      leaflet = `/${tenant.slug}/sociale-kaart/folder/${wijk!.split('/').pop()}`;
    }
    return { slug: tenant.slug, service, leaflet };
  }
  assert.fail('no demo tenant lists a service on /{tenant}/sociale-kaart: the social map demo data is missing');
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

describe('social map for residents', () => {
  let found: Found;
  before(async () => {
    const context = await browser.newContext();
    found = await findDemoService(await context.newPage());
    await context.close();
  });

  it('search page, service page and leaflet are axe-clean in Dutch and English', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const lang of ['nl', 'en']) {
      await page.goto(`${srv.url}/taal/${lang}?terug=${encodeURIComponent(`/${found.slug}/sociale-kaart`)}`);
      for (const path of [
        `/${found.slug}/sociale-kaart`,
        `/${found.slug}/sociale-kaart?q=koffie&wanneer=week&afstand=3000`,
        found.service,
        found.leaflet,
      ]) {
        const res = await page.goto(srv.url + path);
        assert.equal(res?.status(), 200, path);
        await expectNoSeriousAxeViolations(page, `${lang} ${path}`);
      }
      const bad = await page.goto(`${srv.url}/${found.slug}/sociale-kaart?postcode=9999+ZZ&huisnummer=1`);
      assert.equal(bad?.status(), 422);
      await expectNoSeriousAxeViolations(page, `${lang} unknown postcode`);
    }
    await page.goto(`${srv.url}/taal/nl?terug=%2F`);
    await context.close();
  });

  it('works without JavaScript: the GET form searches, pages link, errors are explained', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${srv.url}/${found.slug}/sociale-kaart`);
    assert.equal(await page.locator('#sm-geo').isVisible(), false, 'the location button needs JavaScript and stays hidden');
    await page.locator('#veld-q').fill('koffie');
    await page.locator('label', { hasText: 'De komende 7 dagen' }).click();
    await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('q'), 'koffie');
    assert.equal(url.searchParams.get('wanneer'), 'week');
    assert.match(await mainText(page), /resulta(at|ten) gevonden|niets gevonden/);
    await page.locator('#veld-postcode').fill('0000');
    await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
    assert.match(await mainText(page), /Dit is geen goede postcode/);
    const errorLink = page.locator('.error-summary a').first();
    assert.equal(await errorLink.getAttribute('href'), '#veld-postcode');
    await page.goto(srv.url + found.service);
    assert.match(await mainText(page), /Laatst gecontroleerd|Nog niet gecontroleerd/);
    await context.close();
  });

  it('can be used with the keyboard only: search and open a result', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${srv.url}/${found.slug}/sociale-kaart`);
    let onField = false;
    for (let i = 0; i < 40 && !onField; i++) {
      await page.keyboard.press('Tab');
      onField = await page.evaluate(() => document.activeElement?.id === 'veld-q');
    }
    assert.ok(onField, 'the words field is reachable with Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(new URL(page.url()).search, /q=/);
    let onResult = false;
    for (let i = 0; i < 120 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = await page.evaluate(() => (document.activeElement?.getAttribute('href') ?? '').includes('/sociale-kaart/aanbod/'));
    }
    assert.ok(onResult, 'a result link is reachable with Tab');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(new URL(page.url()).pathname, /\/sociale-kaart\/aanbod\/[0-9a-f-]{36}$/);
    assert.equal(await page.locator('main h1').count(), 1);
    await context.close();
  });

  it('the leaflet prints without navigation, in large type', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(srv.url + found.leaflet);
    assert.match(await page.locator('main h1').innerText(), /Wat is er te doen in mijn buurt\?/);
    assert.equal(await page.locator('.site-nav').isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-nav').isVisible(), false, 'no navigation in print');
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('.site-footer').isVisible(), false);
    const size = await page.locator('.sm-leaflet').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 18, `leaflet text is large in print (${size}px)`);
    await context.close();
  });

  it('"Gebruik mijn locatie" fills the form from the browser\'s location (with JavaScript)', async () => {
    const context = await browser.newContext({ geolocation: { latitude: 52.6604, longitude: 4.8286 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    await page.goto(`${srv.url}/${found.slug}/sociale-kaart`);
    const button = page.locator('#sm-geo-button');
    assert.equal(await button.isVisible(), true, 'shown when the browser can give a location');
    await Promise.all([page.waitForNavigation(), button.click()]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('lat'), '52.66040');
    assert.equal(url.searchParams.get('lon'), '4.82860');
    assert.match(await mainText(page), /Afstand gemeten vanaf uw locatie/);
    await expectNoSeriousAxeViolations(page, 'search from my location');
    await context.close();
  });
});
