/**
 * Registering an evaluation on the demo data, by keyboard without JavaScript, every page checked
 * with axe (in a second context with JavaScript, sharing the session), at 375 px: Heerhugowaard's
 * coordinator opens project card 7 (Molen- and Rivierenwijk), follows "Evaluatie opzetten", asks
 * for comparison suggestions, takes the first two, saves, and finds the evaluation in the list.
 * A save without comparison areas is refused first, with the message beside the field.
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
const action = `/${HHW.slug}/evaluaties/nieuw`;

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

async function pressSpace(page: Page, selector: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press('Space');
}

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

async function fits(page: Page, label: string): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
}

describe('evaluation register journey (no JavaScript, keyboard, axe)', () => {
  it('a coordinator registers an evaluation on a project card with two suggested comparison wijken', async () => {
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
      await fits(axePage, label);
    };

    // The project card links to the form with the card filled in.
    assert.equal((await page.goto(`${srv.url}${programme}`))?.status(), 200);
    const cardLink = page.locator('main a', { hasText: 'Molen en Rivierenwijk' }).first();
    const cardHref = (await cardLink.getAttribute('href'))!;
    assert.equal(await enterOn(page, `main a[href="${cardHref}"]`), 200);
    const setup = page.locator('main a[href*="/evaluaties/nieuw?kaart="]');
    assert.equal(await setup.count(), 1, 'the card offers "Evaluatie opzetten"');
    const formHref = (await setup.getAttribute('href'))!;
    assert.equal(await enterOn(page, `main a[href="${formHref}"]`), 200);
    await axe(formHref, 'evaluation form');
    let text = await mainText(page);
    assert.match(text, /Voor projectkaart 7:/);
    const ticked = await page
      .locator('input[name="interventionCodes"]:checked')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    assert.deepEqual(ticked.sort(), ['WK198016', 'WK198017'], 'the card’s wijken are the project areas');
    assert.equal(await page.locator('#veld-startDay').inputValue(), '2010-01-01');

    // The question and an outcome; saving without comparison areas is refused beside the field.
    await typeInto(page, '#veld-questionNl', 'Zijn bewoners in Molenwijk en Rivierenwijk actiever in de wijk dan in vergelijkbare wijken?');
    const outcome = await page.locator('input[name="indicatorCodes"][value="wm09_active"]').getAttribute('id');
    await pressSpace(page, `#${outcome}`);
    assert.equal(await enterOn(page, `main form[action="${action}"] button[value="opslaan"]`), 422);
    assert.match(await page.locator('#veld-comparisonCodes-error').innerText(), /Kies minstens één vergelijkingswijk/);

    // Suggestions: each with its likeness in words and the figures it rests on; take the first two.
    assert.equal(await enterOn(page, `main form[action="${action}"] button[value="voorstel"]`), 200);
    text = await mainText(page);
    assert.match(text, /Voorgestelde vergelijkingswijken/);
    assert.match(text, /Neem .+ \(lijkt (sterk|redelijk|weinig), afstand [0-9,]+\)/);
    assert.match(text, /Actief in de wijk \(vóór de start\)/);
    const taken = await page
      .locator('input[name="suggestedCodes"]')
      .evaluateAll((els) => els.slice(0, 2).map((e) => (e as HTMLInputElement).value));
    assert.equal(taken.length, 2);
    assert.ok(!taken.includes('WK198016') && !taken.includes('WK198017'), 'no project wijk is suggested');
    await pressSpace(page, '#veld-suggestedCodes');
    await pressSpace(page, '#veld-suggestedCodes-1');
    assert.equal(await enterOn(page, `main form[action="${action}"] button[value="opslaan"]`), 200);

    // The list, with the new evaluation as a draft and a link to its result page.
    assert.equal(new URL(page.url()).pathname, `/${HHW.slug}/evaluaties`);
    text = await mainText(page);
    const saved = /Evaluatie (EVA-2010-\d{4}) is opgeslagen\./.exec(text);
    assert.ok(saved, text);
    assert.match(text, /Project versterken individuele participatie/);
    assert.equal(await page.locator(`main table a[href="/${HHW.slug}/evaluaties/${saved[1]}"]`).count(), 1);
    await axe(`/${HHW.slug}/evaluaties`, 'evaluation list');

    // The suggestion page itself is axe-clean too (reached here with JavaScript, same form).
    await axePage.goto(srv.url + formHref);
    await axePage.locator('input[name="indicatorCodes"][value="wm09_active"]').check();
    await Promise.all([axePage.waitForNavigation(), axePage.locator('button[value="voorstel"]').click()]);
    await expectNoSeriousAxeViolations(axePage, 'evaluation form with suggestions');
    await fits(axePage, 'evaluation form with suggestions');
    await axeContext.close();
    await context.close();
  });
});
