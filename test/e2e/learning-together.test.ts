/**
 * Learning together on the demo data, by keyboard without JavaScript, at 375 px, every page checked
 * with axe: from Heerhugowaard's home to its "Samen leren" page (the demo experiment, labelled as
 * invented), on to what every municipality shares, and from there to the experiment's result page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { mainText, pathOf } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const HHW = DEMO_TENANTS.find((t) => t.short === 'heerhugowaard')!;

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('learning together journey (no JavaScript, keyboard, axe, 375 px)', () => {
  it('a visitor reads the municipality’s experiments and what every municipality shares', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const axeContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
      const [scroll, width] = await axePage.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
    };

    // The municipality home links to "Samen leren" (main menu).
    assert.equal((await page.goto(`${srv.url}/${HHW.slug}/`))?.status(), 200);
    const own = `/${HHW.slug}/samen-leren`;
    assert.ok((await page.locator(`a[href="${own}"]`).count()) >= 1, 'the home links to samen leren');
    assert.equal((await page.goto(srv.url + own))?.status(), 200);
    let text = await mainText(page);
    assert.match(text, /Samen leren in Heerhugowaard/);
    assert.match(text, /Participatie in Molenwijk en Rivierenwijk/);
    assert.match(text, /Demo-waarde, verzonnen/);
    assert.match(text, /Alle cijfers van dit experiment zijn verzonnen/);
    assert.match(text, /Molenwijk, Rivierenwijk/);
    assert.match(text, /procentpunten meer dan in vergelijkbare wijken/);
    await axe(own, 'samen leren in Heerhugowaard');

    // What every municipality shares, by keyboard.
    assert.equal(await enterOn(page, 'main a[href="/samen-leren"]'), 200);
    assert.equal(pathOf(page), '/samen-leren');
    text = await mainText(page);
    assert.match(text, /Samen leren: wat gemeenten delen/);
    for (const t of DEMO_TENANTS) assert.ok(text.includes(t.name), `${t.name} is listed`);
    assert.match(text, /Participatie in Molenwijk en Rivierenwijk/);
    await axe('/samen-leren', 'samen leren across the installation');

    // On to the result page.
    assert.equal(await enterOn(page, `main a[href^="/${HHW.slug}/evaluaties/EVA-"]`), 200);
    assert.match(pathOf(page), new RegExp(`^/${HHW.slug}/evaluaties/EVA-\\d{4}-\\d{4}$`));
    await context.close();
    await axeContext.close();
  });
});
