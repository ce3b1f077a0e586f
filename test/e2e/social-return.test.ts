/**
 * The social return of a project card on the demo data, by keyboard without JavaScript, every page
 * checked with axe (in a second context with JavaScript, sharing the session), at 375 px:
 * Heerhugowaard's coordinator opens card 3 (*Goed voor elkaar*), follows "Maatschappelijk
 * rendement" from the card, reads the range with its labelled demo values, is refused an item
 * with a negative amount and no source (messages beside the fields), then adds one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const HHW = DEMO_TENANTS.find((t) => t.short === 'heerhugowaard')!;
const programme = `/${HHW.slug}/programmas/meedoen-is-winnen`;

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('social return journey (no JavaScript, keyboard, axe)', () => {
  it('a coordinator reads the social return of a card and adds an avoided cost', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', HHW.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 375, height: 800 } });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
      const [scroll, width] = await axePage.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
    };

    assert.equal((await page.goto(srv.url + programme))?.status(), 200);
    assert.equal(await enterOn(page, 'main a:has-text("Goed voor elkaar")'), 200);
    const cardPath = new URL(page.url()).pathname;
    assert.match(await mainText(page), /Per uitgegeven euro tussen € 0 en € 0,13\./);
    assert.equal(await enterOn(page, `main a[href="${cardPath}/rendement"]`), 200);
    const path = `${cardPath}/rendement`;
    await axe(path, 'social return page');
    let text = await mainText(page);
    assert.match(text, /Per uitgegeven euro levert het project tussen € 0 en € 0,13 op\./);
    assert.match(text, /Kosten: € 37\.500\./);
    assert.match(text, /€ 15 per uur\. Bron: Demo-waarde, verzonnen/);
    assert.match(text, /Demo-waarde, verzonnen/);

    // Refused: a negative amount and no source, the messages beside the fields, what was typed kept.
    await typeInto(page, '#veld-labelNl', 'Minder inzet van de wijkcoach');
    await typeInto(page, '#veld-amount', '-100');
    assert.equal(await enterOn(page, `main form[action="${path}/posten"] button[type="submit"]`), 422);
    assert.equal(await page.locator('#veld-amount-error').innerText(), 'Het bedrag mag niet negatief zijn.');
    assert.equal(await page.locator('#veld-source-error').innerText(), 'Noem de bron van dit bedrag.');
    assert.equal(await page.locator('#veld-labelNl').inputValue(), 'Minder inzet van de wijkcoach');

    await page.locator('#veld-amount').fill('');
    await typeInto(page, '#veld-amount', '1.250');
    await page.locator('#veld-certainty').selectOption('medium');
    await typeInto(page, '#veld-source', 'Urenregistratie wijkteam 2011 (voorbeeld in deze test)');
    assert.equal(await enterOn(page, `main form[action="${path}/posten"] button[type="submit"]`), 200);
    text = await mainText(page);
    assert.match(text, /Opgeslagen\./);
    assert.match(text, /Minder inzet van de wijkcoach/);
    assert.match(text, /€ 1\.250/);
    await axe(`${path}?klaar=bewaard`, 'social return page after saving');
    await axeContext.close();
    await context.close();
  });
});
