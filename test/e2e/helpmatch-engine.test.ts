/**
 * Journeys of the matching engine, by keyboard and without JavaScript, axe on every page (axe needs
 * JavaScript, so each page's HTML is checked in a second, JavaScript-enabled page on the same origin):
 * a volunteer sees "hulpvragen bij u in de buurt" with the explanation of each suggestion (buurt and
 * distance band, no address); a coordinator looks at ranked suggestions and the dashboard, runs the
 * weekly batch and confirms it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/hulp`;

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** The JavaScript-enabled twin of each no-JavaScript context, where axe runs on a copy of the page. */
const twins = new WeakMap<BrowserContext, Page>();

/** Run axe on the no-JavaScript page's current HTML, in a JavaScript-enabled page on the same origin (same styles). */
async function axe(page: Page, label: string): Promise<void> {
  let twin = twins.get(page.context());
  if (!twin) {
    const context = await browser.newContext();
    twin = await context.newPage();
    await twin.goto(`${srv.url}/toegankelijkheid`);
    twins.set(page.context(), twin);
  }
  await twin.setContent(await page.content(), { waitUntil: 'load' });
  await expectNoSeriousAxeViolations(twin, `${label} (${new URL(page.url()).pathname})`);
}

async function open(page: Page, path: string, label: string): Promise<void> {
  const res = await page.goto(srv.url + path);
  assert.equal(res?.status(), 200, `GET ${path} (${label}) answered ${res?.status()}: ${await mainText(page)}`);
  await axe(page, label);
}

/** Press a button with Enter, wait for the next page, run axe; returns the status. */
async function press(button: Locator, label: string): Promise<number> {
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  await axe(button.page(), label);
  return res?.status() ?? 0;
}

async function signedInPage(email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const r = await signIn(page, srv.url, email);
  assert.ok(r.ok, JSON.stringify(r));
  return page;
}

describe('journeys: matching engine', () => {
  it('a volunteer sees requests near them with why they fit, without an address', async () => {
    const page = await signedInPage(demoEmail('vrijwilliger', 'krimpen'));
    await open(page, `${base}/voor-u`, 'requests near you (vrijwilliger)');
    const text = await mainText(page);
    assert.match(text, /Hulpvragen bij u in de buurt/);
    // The demo's weekly chat over coffee (Wednesday afternoon) fits the demo volunteer.
    assert.match(text, /Een wekelijks praatje bij de koffie/);
    assert.match(text, /Waarom bij u\? (op [^,]+ van u), u heeft woensdagmiddag tijd/);
    assert.ok(!text.includes('Voorbeeldstraat'), 'no address before acceptance');
    // The nav item leads here too.
    assert.equal(await page.locator(`nav a[href="${base}/voor-u"]`).count(), 1);
  });

  it('a coordinator sees ranked suggestions with explanations and the dashboard', async () => {
    const page = await signedInPage(demoEmail('coordinator', 'krimpen'));
    await open(page, `${base}/suggesties`, 'open requests (coordinator)');
    const link = page.locator(`main a[href^="${base}/suggesties/"]`).first();
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await axe(page, 'suggestions for one request');
    assert.match(await mainText(page), /Suggesties voor een hulpvraag/);
    await open(page, `${base}/dashboard`, 'dashboard');
    const text = await mainText(page);
    assert.match(text, /Cijfers voor Krimpen aan den IJssel/);
    assert.match(text, /Gini/);
    const area = page.locator('select[name="gebied"]');
    const wijk = await area.locator('option').nth(1).getAttribute('value');
    await area.focus();
    await area.selectOption(wijk!);
    assert.equal(await press(page.locator('main form[action$="/hulp/dashboard"] button[type="submit"]'), 'dashboard for a wijk'), 200);
    assert.ok(page.url().includes(`gebied=${wijk}`));
  });

  it('a coordinator runs the weekly batch and confirms it', async () => {
    const page = await signedInPage(demoEmail('coordinator', 'krimpen'));
    await open(page, `${base}/batch`, 'batch (intro)');
    assert.equal(await press(page.locator('main form[method="get"] button[type="submit"]'), 'batch computed'), 200);
    let text = await mainText(page);
    assert.match(text, /Voorstel berekend op/);
    assert.match(text, /Een wekelijks praatje bij de koffie/);
    assert.match(text, /heeft woensdagmiddag tijd/);
    assert.match(text, /heeft een VOG/);
    const checkbox = page.locator('main input[name="pair"]').first();
    assert.ok(await checkbox.isChecked());
    assert.equal(
      await press(page.locator(`main form[action="${base}/batch"][method="post"] button[type="submit"]`), 'batch confirmed'),
      200,
    );
    text = await mainText(page);
    assert.match(text, /[1-9]\d* voorstellen zijn verstuurd/);
    // Confirmed pairs are no longer proposed: the volunteer's cap counts the waiting proposal.
    await open(page, `${base}/batch?berekenen=1`, 'batch after confirming');
    assert.doesNotMatch(await mainText(page), /Een wekelijks praatje bij de koffie/);
  });
});
