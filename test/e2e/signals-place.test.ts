/**
 * A resident reports a broken street light (issue 12, usability review problem 3): once by dropping a pin on the map
 * with JavaScript (by keyboard: Tab to the map, Enter drops the pin), once by typing an address without JavaScript.
 * Both end on the confirmation page that says what happens next; a typed address that cannot be placed comes back
 * beside the field with everything kept. Tiles come from a stub in this file (MAP_TILE_URL), never the internet.
 * Axe on every page (in a context with JavaScript, which axe needs).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { startServer, stopServer, type RunningServer } from './helpers/server.ts';
import { startTileStub, type TileStub } from './helpers/tiles.ts';

const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const form = `/${KRIMPEN.slug}/meldingen/nieuw/verlichting`;

let tiles: TileStub;
let server: RunningServer | undefined;
const url = () => {
  assert.ok(server, 'server not started');
  return server.url;
};
before(async () => {
  tiles = await startTileStub();
  server = await startServer({ MAP_TILE_URL: tiles.url });
});
after(async () => {
  if (server) await stopServer(server);
  await tiles.close();
});
const browser = useBrowser();

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

async function submitByKeyboard(page: Page): Promise<Response | null> {
  const button = page.locator(`main form[action="${form}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

/** The confirmation: a number, what happens next with a date, and what was reported. */
async function expectConfirmation(page: Page, description: string): Promise<string> {
  assert.match((await page.locator('#meldingsnummer').innerText()).trim(), /^SIG-\d{4}-\d{6}$/);
  const next = await page.locator('#wat-nu-stappen').innerText();
  assert.match(next, /uiterlijk \d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) 20\d\d/);
  const summary = await page.locator('#samenvatting-lijst').innerText();
  assert.ok(summary.includes(description), summary);
  return summary;
}

describe('a resident reports a broken street light and it is placed', () => {
  it('with JavaScript: drops a pin on the map by keyboard; no coordinates to type; axe-clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    assert.equal((await page.goto(url() + form))?.status(), 200);
    assert.equal(await page.locator('text=Breedtegraad').count(), 0, 'no latitude field');
    await page.locator('.map-canvas--picker img.leaflet-tile-loaded').first().waitFor();
    assert.ok(tiles.requests() > 0, 'tiles from the stub');
    await expectNoSeriousAxeViolations(page, 'report form with the map');
    await typeInto(page, '#veld-description', 'De lantaarnpaal bij de bushalte brandt niet.');
    let onMap = false;
    await page.locator('#veld-description').focus();
    for (let i = 0; i < 30 && !onMap; i++) {
      await page.keyboard.press('Tab');
      onMap = await page.evaluate(() => document.activeElement?.classList.contains('map-canvas--picker') ?? false);
    }
    assert.ok(onMap, 'the map is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.notEqual(await page.inputValue('input[name="lat"]'), '', 'the pin fills the hidden fields');
    assert.match(await page.locator('[data-map-status]').innerText(), /De speld staat op/);
    await expectNoSeriousAxeViolations(page, 'report form with a pin');
    const res = await submitByKeyboard(page);
    assert.equal(res?.status(), 200, await page.locator('main').innerText());
    await expectConfirmation(page, 'De lantaarnpaal bij de bushalte brandt niet.');
    await expectNoSeriousAxeViolations(page, 'confirmation after a pin');
    await context.close();
  });

  it('without JavaScript: types an address; one that cannot be placed comes back beside the field, kept', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const axeContext = await browser.newContext();
    const axePage = await axeContext.newPage();
    assert.equal((await page.goto(url() + form))?.status(), 200);
    assert.ok(await page.locator('[data-map-fallback]').isVisible(), 'the note says the address is enough');
    await typeInto(page, '#veld-description', 'Lamp kapot bij het plein.');
    await typeInto(page, '#veld-address', 'Nergenshuizen 12');
    let res = await submitByKeyboard(page);
    assert.equal(res?.status(), 422);
    assert.ok((await page.locator('#veld-address-error').innerText()).length > 0, 'the message sits beside the address');
    assert.equal(await page.inputValue('#veld-address'), 'Nergenshuizen 12');
    assert.equal(await page.inputValue('#veld-description'), 'Lamp kapot bij het plein.');
    await axePage.setContent(await page.content());
    await expectNoSeriousAxeViolations(axePage, 'report form: address not found');
    await page.locator('#veld-address').fill('');
    await typeInto(page, '#veld-address', 'Raadhuisplein 2, 2922 AD');
    res = await submitByKeyboard(page);
    assert.equal(res?.status(), 200, await page.locator('main').innerText());
    const summary = await expectConfirmation(page, 'Lamp kapot bij het plein.');
    assert.ok(summary.includes('Raadhuisplein 2, 2922 AD'));
    assert.ok(summary.includes('We zoeken vanaf het midden van postcodegebied 2922'), 'a coarse place is said');
    await axePage.setContent(await page.content());
    await expectNoSeriousAxeViolations(axePage, 'confirmation after a typed address');
    await axeContext.close();
    await context.close();
  });
});
