/**
 * Issue 12, the social map as a real resident meets it (usability review problems 1, 2, 7, 13):
 * - the acceptance journey: a resident of Groningen with postcode 9712 finds an activity in the
 *   coming seven days within 1 km — keyboard only, without JavaScript, axe-clean;
 * - the first result is at most ten Tab presses from the words field (the other filters are folded);
 * - a service shows a number to call (demo numbers, marked as demo) with tel: and mailto: links;
 * - every buurt leaflet of the demo prints on one A4 page, with a print button (JavaScript) or a
 *   "Ctrl+P" sentence (without), and the button is not printed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/**
 * Press Tab until the focused element matches, at most `max` times; the number of presses, or null.
 * Uses a `:focus` locator, not page.evaluate, so that it also works with JavaScript switched off.
 */
async function tabUntil(page: Page, test: string, max: number): Promise<number | null> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await page.locator(`${test}:focus`).count()) > 0) return i;
  }
  return null;
}

const RESULT_LINK = 'main .sm-results a[href*="/sociale-kaart/aanbod/"]';

describe('social map: a resident gets through', () => {
  it('a resident of Groningen with postcode 9712 finds an activity in the coming 7 days within 1 km (keyboard, no JavaScript, axe)', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${srv.url}/groningen/sociale-kaart`);
    // axe needs JavaScript: the pages of this journey are checked afterwards in a context with it.
    const visited = [page.url()];
    // Keyboard only: to the postcode field, type, choose "De komende 7 dagen", submit with Enter.
    assert.ok((await tabUntil(page, '#veld-postcode', 40)) !== null, 'the postcode field is reachable with Tab');
    await page.keyboard.type('9712 AB');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    assert.ok((await tabUntil(page, 'input[name="wanneer"]', 5)) !== null, 'then the "when" choice');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('input[name="wanneer"]:focus').getAttribute('value'), 'week');
    assert.ok((await tabUntil(page, 'main form button[type="submit"]', 3)) !== null, 'then the search button, past the folded filters');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('wanneer'), 'week');
    assert.equal(url.searchParams.get('afstand'), '1000', 'within 1 km (the default)');
    const text = await mainText(page);
    assert.doesNotMatch(text, /We kennen deze postcode niet/);
    assert.match(text, /9712/, 'says from where it measures (the middle of postcode area 9712)');
    assert.match(text, /resulta(at|ten) gevonden/);
    visited.push(page.url());
    // Every result is within 1 km and has a date in the coming 7 days.
    const cards = page.locator('main .sm-result');
    assert.ok((await cards.count()) >= 1);
    for (const card of await cards.all()) {
      const facts = (await card.innerText()).replace(/\s+/g, ' ');
      const m = /Afstand (\d+(?:,\d)?) (meter|kilometer)/.exec(facts);
      assert.ok(m, facts);
      const metres = m[2] === 'meter' ? Number(m[1]) : Number(m[1]!.replace(',', '.')) * 1000;
      assert.ok(metres <= 1000, `${metres} m: ${facts}`);
    }
    // Open the first result with the keyboard: it has a date and a number to call.
    await page.locator(RESULT_LINK).first().focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(new URL(page.url()).pathname, /^\/groningen\/sociale-kaart\/aanbod\/[0-9a-f-]{36}$/);
    const service = await mainText(page);
    assert.match(service, /De volgende keren/);
    assert.match(service, /Telefoon/);
    visited.push(page.url());
    await context.close();
    const withJs = await browser.newContext();
    const checker = await withJs.newPage();
    for (const url of visited) {
      await checker.goto(url);
      await expectNoSeriousAxeViolations(checker, new URL(url).pathname + new URL(url).search);
    }
    await withJs.close();
  });

  it('the first result is at most 10 Tab presses from the words field; the folded filters open without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(`${srv.url}/groningen/sociale-kaart?q=koffie`);
      await page.locator('#veld-q').focus();
      const presses = await tabUntil(page, RESULT_LINK, 30);
      assert.ok(presses !== null && presses <= 10, `JS ${javaScriptEnabled}: ${presses} Tab presses to the first result`);
      // From the top of the page, through every field: the site's first link "Naar de inhoud"
      // skips the header; from there the breadcrumb, "Naar de resultaten", the words field, postcode,
      // house number, address, "Gebruik mijn locatie" (with JavaScript only), "when", the folded
      // filters, the search button and "Opnieuw beginnen" come before the first result: at most 12.
      await page.goto(`${srv.url}/groningen/sociale-kaart?q=koffie`);
      assert.equal(await tabUntil(page, 'a[href="#main"]', 1), 1, 'the first Tab reaches "Naar de inhoud"');
      await page.keyboard.press('Enter');
      const fromMain = await tabUntil(page, RESULT_LINK, 30);
      assert.ok(
        fromMain !== null && fromMain <= (javaScriptEnabled ? 12 : 11),
        `JS ${javaScriptEnabled}: ${fromMain} Tab presses from "Naar de inhoud"`,
      );
      // From the top of the page: the site's skip link, then "Naar de resultaten".
      await page.goto(`${srv.url}/groningen/sociale-kaart?q=koffie`);
      const toSkip = await tabUntil(page, 'main a[href="#resultaten"]', 12);
      assert.ok(toSkip !== null, 'a "Naar de resultaten" link in the page');
      await page.keyboard.press('Enter');
      assert.equal(await tabUntil(page, RESULT_LINK, 1), 1, 'the first result follows the skip link');
      // The folded filters: closed by default, open when one is chosen, usable without JavaScript.
      assert.equal(await page.locator('details.sm-more').getAttribute('open'), null);
      await page.locator('details.sm-more summary').click();
      await page.locator('details.sm-more input[name="functie"]').first().check();
      await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
      assert.equal(await page.locator('details.sm-more').getAttribute('open'), '', 'open when a folded filter is in use');
      assert.match(await page.locator('details.sm-more summary').innerText(), /1 gekozen/);
      if (javaScriptEnabled) await expectNoSeriousAxeViolations(page, 'folded filters open');
      await context.close();
    }
  });

  it('a service shows a number to call, an e-mail address and a website, marked as demo', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${srv.url}/groningen/sociale-kaart?q=spreekuur`);
    await page.locator(RESULT_LINK).first().click();
    const contact = page.locator('section[aria-labelledby="sm-contact"]');
    const tel = contact.locator('a[href^="tel:"]').first();
    assert.match((await tel.getAttribute('href')) ?? '', /^tel:0000\d{6}$/, 'a demo number that no one can call');
    assert.match(
      (await contact.locator('a[href^="mailto:"]').first().getAttribute('href')) ?? '',
      /^mailto:[^@]+@[a-z0-9.-]+\.example\.org$/,
    );
    assert.match((await contact.locator('a[href^="https://"]').first().getAttribute('href')) ?? '', /\.example\.org$/);
    assert.match(await contact.innerText(), /voorbeeldgegevens \(demo\)/);
    assert.match(await mainText(page), /Kosten/);
    await context.close();
  });

  it('every buurt leaflet of the demo prints on one A4 page, with a print button that is not printed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const leaflets = new Set<string>();
    for (const tenant of DEMO_TENANTS) {
      await page.goto(`${srv.url}/${tenant.slug}/sociale-kaart`);
      const services = await page.locator(RESULT_LINK).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const s of services) {
        await page.goto(srv.url + s);
        for (const href of await page
          .locator('main a[href*="/sociale-kaart/folder/BU"]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
          leaflets.add(href);
        }
      }
    }
    assert.ok(leaflets.size >= 5, `found ${leaflets.size} buurt leaflets`);
    for (const href of leaflets) {
      await page.goto(srv.url + href);
      await page.emulateMedia({ media: 'screen' });
      assert.equal(await page.locator('#sm-print').isVisible(), true, 'a print button with JavaScript');
      assert.equal(await page.locator('#sm-print-hint').isVisible(), false);
      await page.evaluate(() => {
        (window as unknown as { printed: boolean }).printed = false;
        window.print = () => {
          (window as unknown as { printed: boolean }).printed = true;
        };
      });
      await page.locator('#sm-print').click();
      assert.equal(await page.evaluate(() => (window as unknown as { printed: boolean }).printed), true, 'the button prints');
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('#sm-print').isVisible(), false, 'the button is not printed');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: false });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      assert.equal(pages, 1, `${href} prints on ${pages} pages`);
    }
    // Without JavaScript: the sentence, no button.
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p2 = await noJs.newPage();
    await p2.goto(srv.url + [...leaflets][0]!);
    assert.equal(await p2.locator('#sm-print').isVisible(), false);
    assert.match(await p2.locator('#sm-print-hint').innerText(), /Ctrl\+P/);
    await noJs.close();
    await page.emulateMedia({ media: 'screen' });
    await expectNoSeriousAxeViolations(page, 'leaflet');
    await context.close();
  });
});
