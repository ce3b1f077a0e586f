/**
 * Reading an evaluation's result on the demo data, by keyboard without JavaScript, at 375 px, every
 * page checked with axe: a visitor opens Molenwijk's neighbourhood page in Heerhugowaard, finds
 * "Wat werkt hier?" with the demo evaluation's sentence (labelled as invented), follows the link to
 * the result page (sentence, chart with its table, placebo check, the method behind <details>),
 * then to the project card, which shows the evaluation with a link back.
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
const MOLENWIJK = 'WK198016';

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('evaluation result journey (no JavaScript, keyboard, axe, 375 px)', () => {
  it('a visitor reads the demo evaluation from the neighbourhood page, the result page and the project card', async () => {
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

    // The neighbourhood page: "Wat werkt hier?" with the sentence and the demo label.
    const wijk = `/${HHW.slug}/wijken/${MOLENWIJK}`;
    assert.equal((await page.goto(srv.url + wijk))?.status(), 200);
    const section = page.locator(`section#wat-werkt-${MOLENWIJK}, section[aria-labelledby="wat-werkt-${MOLENWIJK}"]`);
    assert.equal(await section.count(), 1, 'the section is on the page');
    const sectionText = await section.innerText();
    assert.match(sectionText, /Wat werkt hier\?/);
    assert.match(sectionText, /Participatie in Molenwijk en Rivierenwijk/);
    assert.match(sectionText, /In Molenwijk en Rivierenwijk|Of het project in Molenwijk en Rivierenwijk|Voor het cijfer/);
    assert.match(sectionText, /Demo-waarde, verzonnen/);
    await axe(wijk, 'neighbourhood page with the evaluation');

    // The result page, by keyboard.
    assert.equal(await enterOn(page, `section[aria-labelledby="wat-werkt-${MOLENWIJK}"] a[href^="/${HHW.slug}/evaluaties/EVA-"]`), 200);
    const result = pathOf(page);
    assert.match(result, new RegExp(`^/${HHW.slug}/evaluaties/EVA-\\d{4}-\\d{4}$`));
    let text = await mainText(page);
    assert.match(text, /De vraag/);
    assert.match(text, /Zijn bewoners van Molenwijk en Rivierenwijk/);
    assert.match(text, /De cijfers van deze evaluatie zijn demo-waarden, verzonnen/);
    assert.match(text, /Controle: alsof een vergelijkingsgebied het project had/);
    assert.ok((await page.locator('main svg[role="img"] title').count()) >= 1, 'a chart with a title');
    assert.ok((await page.locator('main table caption', { hasText: 'De cijfers van de grafiek' }).count()) >= 1, 'its table');
    assert.equal(await page.locator('main details.ev-method').getAttribute('open'), null, 'the method starts closed');
    await page.locator('main details.ev-method summary').focus();
    await page.keyboard.press('Enter');
    assert.notEqual(await page.locator('main details.ev-method').getAttribute('open'), null, 'Enter opens the method');
    text = await mainText(page);
    assert.match(text, /verschil-in-verschillen/);
    await axe(result, 'result page');

    // The project card shows the evaluation and links back.
    assert.equal(await enterOn(page, `main a[href^="/${HHW.slug}/programmas/"][href*="/projecten/"]`), 200);
    const card = pathOf(page);
    const part = page.locator('section[aria-labelledby="evaluatie"]');
    assert.equal(await part.count(), 1, 'the evaluation part on the card');
    assert.match(await part.innerText(), /Participatie in Molenwijk en Rivierenwijk/);
    assert.equal(await part.locator(`a[href="${result}"]`).count(), 1, 'a link back to the result');
    assert.equal(await part.locator('a[href*="/evaluaties/nieuw"]').count(), 0, 'no set-up link for a visitor');
    await axe(card, 'project card with the evaluation');
    await context.close();
    await axeContext.close();
  });
});
