/**
 * Wijkperspectief journey in a real browser on the demo data: the Heerhugowaard coordinator reads
 * the Molenwijk page, opens its wijkperspectief from there, adds a SWOT entry, saves and agrees a
 * version and prints it — by keyboard without JavaScript; every page is checked with axe in a second
 * context (with JavaScript, which axe needs) that shares the session cookie. Print is emulated
 * (`emulateMedia({ media: 'print' })`): no navigation, no forms, every part of the document there.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const HHW = DEMO_TENANTS.find((t) => t.short === 'heerhugowaard')!;
const wijk = `/${HHW.slug}/wijken/WK198016`;
const doc = `${wijk}/wijkperspectief`;
const PARTS = ['wp-demand', 'wp-supply', 'wp-knelpunten', 'wp-swot', 'wp-priorities'];

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Press Enter on the (last) submit button of the form with this action and wait for the next page. */
async function submitByKeyboard(page: Page, action: string): Promise<Response | null> {
  const button = page.locator(`main form[action="${action}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

describe('wijkperspectief journey (no JavaScript, keyboard, axe, print)', () => {
  it('a coordinator reads a wijk page, opens its wijkperspectief, works on it and prints it', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', HHW.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
    };

    // The neighbourhood page links to the wijkperspectief; follow the link by keyboard.
    assert.equal((await page.goto(srv.url + wijk))?.status(), 200);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Molenwijk');
    const link = page.locator(`main a[href="${doc}"]`).first();
    assert.equal(await link.count(), 1, 'the neighbourhood page links to its wijkperspectief');
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, doc);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Wijkperspectief Molenwijk');
    let text = await mainText(page);
    assert.match(text, /Werkversie/);
    // The demo: the knelpunten of seed 001 §4.1, with their source.
    assert.match(text, /Gebrek aan signaleringsfunctie \(bron: Meedoen is winnen/);
    assert.match(text, /Vraag 10: Wie neemt de regie/);
    await axe(doc, 'wijkperspectief: working version');

    // A SWOT entry by keyboard.
    await page.locator('#veld-kind').focus();
    await page.locator('#veld-kind').selectOption('opportunity');
    await typeInto(page, '#veld-text', 'De school wil het schoolplein na schooltijd openstellen');
    const added = await submitByKeyboard(page, `${doc}/bijdrage`);
    assert.equal(added?.status(), 200);
    assert.match(await mainText(page), /Uw bijdrage staat in het wijkperspectief\./);
    assert.match(
      await page.locator('section[aria-labelledby="wp-swot"]').innerText(),
      /De school wil het schoolplein na schooltijd openstellen/,
    );

    // Save a version with priorities (the demo has version 1), then agree it.
    await typeInto(page, '#veld-priorities', 'Een plek voor ontmoeting in de Molenwijk');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Een signaleringsnetwerk met Kern 8 en Woonwaard');
    await page.locator('#veld-agreedWith').focus();
    await page.keyboard.press('Space');
    await typeInto(page, '#veld-changeNote', 'Prioriteiten na de wijkavond');
    const saved = await submitByKeyboard(page, `${doc}/versie`);
    assert.equal(saved?.status(), 200);
    assert.match(await mainText(page), /Versie 2 is bewaard als concept\./);
    await page.locator(`main form[action="${doc}/versie/2/vaststellen"] button`).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Versie 2 is vastgesteld/);

    // The agreed version, as the public and the printer see it.
    const anon = await browser.newContext({ javaScriptEnabled: false });
    const pub = await anon.newPage();
    assert.equal((await pub.goto(srv.url + doc))?.status(), 200);
    text = await mainText(pub);
    assert.match(text, /Versie 2 \(vastgesteld\)/);
    assert.deepEqual(await pub.locator('ol.wp-priorities li').allInnerTexts(), [
      'Een plek voor ontmoeting in de Molenwijk',
      'Een signaleringsnetwerk met Kern 8 en Woonwaard',
    ]);
    assert.doesNotMatch(text, /Werkversie/);
    await axe(`${doc}?versie=2`, 'wijkperspectief: version 2');
    await axe(`${doc}?versie=1`, 'wijkperspectief: version 1');

    await page.goto(`${srv.url}${doc}?versie=2`);
    assert.equal(await page.locator('.site-nav').isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-nav', '.site-header', '.site-footer', '.breadcrumbs']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('main form').first().isVisible(), false, 'no forms in print');
    for (const id of PARTS) assert.equal(await page.locator(`#${id}`).isVisible(), true, `${id} is printed`);
    const breaks = await page.locator('.wp-part').evaluateAll((els) => els.map((el) => getComputedStyle(el).breakBefore));
    assert.deepEqual(breaks.slice(1, 5), ['page', 'page', 'page', 'page'], 'each part starts on a new page');
    const footer = await page.locator('.wp-footer').innerText();
    assert.match(footer, /Wijkperspectief Molenwijk · versie 2 \(vastgesteld\) · \d+ \w+ \d{4}/);
    assert.equal(await page.locator('.wp-footer').isVisible(), true);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
    await anon.close();
    await axeContext.close();
    await context.close();
  });
});
