/**
 * Journey (issue 13): a volunteer signs in and enters a paper survey on a respondent's behalf, with
 * the keyboard and without JavaScript, axe-clean on every page, at 375 px: the list of open surveys,
 * the form (code, buurt, one fieldset per question), the saved notice; then the same code again is
 * refused with a clear message. The code is one of the demo's paper codes (src/modules/surveys/demo/).
 *
 * axe needs JavaScript, so each page is checked by opening the same address, with the same cookies,
 * in a second context with JavaScript on (as test/e2e/helpmatch.test.ts does).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { demoOpenLinkToken, demoPaperCodes } from '../../src/modules/surveys/demo/demo.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/enquete/papier`;
const PHONE = { width: 375, height: 800 };

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** axe on the page being shown (same address and cookies, JavaScript on), and nothing wider than the phone. */
async function axe(page: Page, label: string): Promise<void> {
  const context = await browser.newContext({ storageState: await page.context().storageState(), viewport: PHONE });
  try {
    const twin = await context.newPage();
    await twin.goto(page.url());
    await expectNoSeriousAxeViolations(twin, label);
    const width = await twin.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${label}: the page is ${width} px wide at ${PHONE.width} px`);
  } finally {
    await context.close();
  }
}

async function type(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.type(text);
}

/** Press a submit button with Enter, wait for the next page; returns the status. */
async function press(button: Locator): Promise<number> {
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  return res?.status() ?? 0;
}

/** Fill in the paper form with the keyboard: the code, the first buurt, the first answer of each question, 3 for numbers. */
async function fillForm(page: Page, code: string): Promise<void> {
  const f = page.locator(`main form[action^="${base}/"]`);
  await type(f.locator('input[name="code"]'), code);
  const buurt = f.locator('select[name="buurt"]');
  await buurt.focus();
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await buurt.inputValue(), '', 'a buurt is chosen with the arrow key');
  for (const fieldset of await f.locator('fieldset:has(input[type="radio"])').all()) {
    await fieldset.locator('input[type="radio"]').first().focus();
    await page.keyboard.press('Space');
  }
  for (const n of await f.locator('input[inputmode="numeric"]').all()) await type(n, '3');
}

describe('surveys: a volunteer enters a paper survey (keyboard, no JavaScript, axe)', () => {
  it('enters a form once, and is told when the code was used already', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('vrijwilliger', KRIMPEN.short));
    assert.ok(signedIn.ok, JSON.stringify(signedIn));

    const list = await page.goto(srv.url + base);
    assert.equal(list?.status(), 200);
    assert.match(await mainText(page), /We bewaren niet wie de antwoorden invoert/);
    await axe(page, 'paper: list of open surveys');

    const link = page.locator(`main a[href^="${base}/"]`).first();
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Papieren formulier invoeren/);
    assert.match(await mainText(page), /Demo, verzonnen/);
    assert.ok((await page.locator('main fieldset legend').count()) > 10, 'one fieldset with a legend per question');
    await axe(page, 'paper: the form');

    const [code] = demoPaperCodes(KRIMPEN.id);
    await fillForm(page, code!);
    assert.equal(await press(page.locator('main form button[type="submit"]')), 200);
    assert.match(await mainText(page), /Het formulier is opgeslagen/);
    await axe(page, 'paper: saved, the next form');

    await fillForm(page, code!);
    assert.equal(await press(page.locator('main form button[type="submit"]')), 409);
    assert.match(await mainText(page), /Deze code is al gebruikt/);
    await context.close();
  });

  it("the coordinator's survey pages and the resident's pages are axe-clean too", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
    assert.ok(signedIn.ok, JSON.stringify(signedIn));
    assert.equal((await page.goto(`${srv.url}/${KRIMPEN.slug}/beheer/enquetes`))?.status(), 200);
    assert.match(await mainText(page), /Buurtenquête Krimpen aan den IJssel 2026/);
    await axe(page, 'builder: list');
    const edit = page.locator(`main a[href^="/${KRIMPEN.slug}/beheer/enquetes/"]:not([href$="/nieuw"])`).first();
    await edit.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Codes maken/);
    await axe(page, 'builder: edit and codes');
    assert.equal((await page.goto(`${srv.url}/${KRIMPEN.slug}/beheer/enquetes/nieuw`))?.status(), 200);
    await axe(page, 'builder: new');
    await context.close();

    const anonymous = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    const resident = await anonymous.newPage();
    assert.equal((await resident.goto(`${srv.url}/${KRIMPEN.slug}/enquete`))?.status(), 200);
    await axe(resident, 'respond: enter a code');
    assert.equal((await resident.goto(`${srv.url}/${KRIMPEN.slug}/enquete/${demoOpenLinkToken(KRIMPEN.id)}`))?.status(), 200);
    assert.match(await mainText(resident), /Demo, verzonnen/);
    await axe(resident, 'respond: the open link');
    await anonymous.close();
  });
});
