/**
 * Wijkschouw journey in a real browser on the demo data: the Krimpen coordinator starts a
 * neighbourhood walk, records three signals, closes it and sees the summary — by keyboard without
 * JavaScript; every page is checked with axe in a second context (with JavaScript, which axe needs)
 * that shares the session cookie.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/meldingen/wijkschouw`;

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

describe('wijkschouw journey (no JavaScript, keyboard, axe)', () => {
  it('a coordinator starts a wijkschouw, records three signals, closes it and sees the summary', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState() });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string, status = 200) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), status, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
    };

    const list = await page.goto(srv.url + base);
    assert.equal(list?.status(), 200);
    await axe(base, 'wijkschouw: list');
    await page.locator('#nieuwe-wijkschouw').focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${base}/nieuw`);
    await axe(`${base}/nieuw`, 'wijkschouw: new form');

    // Submitting empty shows the errors first.
    const empty = await submitByKeyboard(page, `${base}/nieuw`);
    assert.equal(empty?.status(), 422);
    assert.ok(await page.locator('.error-summary').count());

    const title = `Wijkschouw Kortland ${Date.now()}`;
    await typeInto(page, '#veld-title', title);
    await page.locator('#veld-areaCode').focus();
    await page.locator('#veld-areaCode').selectOption('BU05420001');
    await typeInto(page, '#veld-meetingPoint', 'Bij de bibliotheek');
    await typeInto(page, '#veld-participants', 'Jan de Vries, wijkagent, jan.wijkagent@example.nl');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Mevrouw Bakker, bewoner');
    const created = await submitByKeyboard(page, `${base}/nieuw`);
    assert.equal(created?.status(), 200, await page.locator('main').innerText());
    const sessionPath = new URL(page.url()).pathname;
    assert.match(sessionPath, new RegExp(`^${base}/[0-9a-f-]{36}$`));
    await axe(sessionPath, 'wijkschouw: session');

    const record = async (category: string, fill: () => Promise<void>) => {
      await page.locator('#veld-categorie').focus();
      await page.locator('#veld-categorie').selectOption(category);
      await submitByKeyboard(page, sessionPath);
      assert.equal(new URL(page.url()).searchParams.get('categorie'), category);
      await fill();
      const res = await submitByKeyboard(page, `${sessionPath}/meldingen`);
      assert.equal(res?.status(), 200, await page.locator('main').innerText());
      const added = await page.locator('#toegevoegd').innerText();
      return /SIG-\d{4}-\d{6}/.exec(added)![0];
    };
    const numbers = [
      await record('verlichting', async () => {
        await typeInto(page, '#veld-description', 'Lantaarnpaal brandt niet bij het pad');
        await typeInto(page, '#veld-lat', '51,915');
        await typeInto(page, '#veld-lon', '4,6');
      }),
      await record('afval', async () => {
        await page.locator('#veld-answer_soort_afval').focus();
        await page.locator('#veld-answer_soort_afval').selectOption('Grofvuil');
        await typeInto(page, '#veld-description', 'Oude bank op de stoep');
        await typeInto(page, '#veld-address', 'Kortland 12');
      }),
      await record('bestrating', async () => {
        await typeInto(page, '#veld-description', 'Losse tegels bij de bushalte');
        await typeInto(page, '#veld-address', 'Kortland 40');
      }),
    ];
    assert.equal(new Set(numbers).size, 3);
    await axe(`${sessionPath}?categorie=afval`, 'wijkschouw: add a signal (step 2)');
    await axe(`${sessionPath}?toegevoegd=${numbers[2]}`, 'wijkschouw: session with three signals');
    for (const n of numbers) assert.ok(await page.locator(`#wijkschouw-meldingen th:has-text("${n}")`).count(), n);

    const closed = await submitByKeyboard(page, `${sessionPath}/afronden`);
    assert.equal(closed?.status(), 200);
    assert.equal(new URL(page.url()).pathname, `${sessionPath}/samenvatting`);
    const summary = await page.locator('main').innerText();
    for (const n of numbers) assert.ok(summary.includes(n), n);
    assert.ok(summary.includes('Jan de Vries') && summary.includes('Mevrouw Bakker'));
    assert.ok(summary.includes('Afgerond') || summary.includes('afgerond'));
    await axe(`${sessionPath}/samenvatting`, 'wijkschouw: summary');
    await axe(sessionPath, 'wijkschouw: closed session');
    await axeContext.close();
    await context.close();
  });
});
