/**
 * Journey (issue 15): a resident without an account votes with a paper code in Krimpen's demo round
 * (knapsack, € 5.000), within the budget; the same code again is refused beside the field; after the
 * window (simulated clock) the results page shows the votes and the winner calculation step by step.
 * The coordinator prints a batch of paper codes by keyboard (shown once).
 *
 * The app runs in this process with an injected clock (useTestApp), on the module's demo data. The
 * journey runs by keyboard with JavaScript off at 375 px; axe checks each page in a second context
 * with JavaScript on (axe needs it), which also checks that nothing scrolls sideways.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TestBrowser, useTestApp } from '../helpers/app.ts';
import { ensureTenant, signInAs } from '../helpers/people.ts';
import { SESSION_COOKIE } from '../../src/modules/people/auth/session.ts';
import { buildArea, KRIMPEN } from '../helpers/factories.ts';
import { inTransaction } from '../../src/platform/db/database.ts';
import { initiativesDemoSeed } from '../../src/modules/initiatives/demo/demo.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';

let ctx: ReturnType<typeof useTestApp>;
let browser: ReturnType<typeof useBrowser>;
const VIEWPORT = { width: 375, height: 800 };
const base = `/${KRIMPEN.slug}/initiatieven/stemmen`;
let url = '';

/** The app with its injected clock, the browser and the demo data (inside the describe, so the hooks run in order). */
function setUp(): void {
  ctx = useTestApp();
  browser = useBrowser();
  before(async () => {
    const db = ctx.database.db;
    await ensureTenant(db, KRIMPEN);
    await buildArea(db, {
      tenantId: KRIMPEN.id,
      level: 'district',
      code: 'WK054200',
      name: 'Krimpen aan den IJssel',
      bbox: [4.57, 51.9, 4.63, 51.93],
    });
    await inTransaction(db, (trx) =>
      initiativesDemoSeed(trx, { tenants: [KRIMPEN], organisations: new Map(), users: new Map(), now: ctx.clock.now() }),
    );
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
}

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/** axe and the 375 px reflow on what the page shows: same address, JavaScript on. */
async function axe(page: Page, label: string): Promise<void> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const twin = await context.newPage();
    assert.equal((await twin.goto(page.url()))?.status(), 200, label);
    await expectNoSeriousAxeViolations(twin, label);
    const wide = await twin.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= VIEWPORT.width, `${label}: ${wide} px wide at ${VIEWPORT.width} px`);
  } finally {
    await context.close();
  }
}

/** Tick the checkbox whose label starts with this title, by keyboard. */
async function tick(page: Page, title: string): Promise<void> {
  const box = page.getByLabel(new RegExp(`^${title}`));
  await box.focus();
  await page.keyboard.press('Space');
  assert.ok(await box.isChecked(), title);
}

async function submit(page: Page): Promise<number | undefined> {
  await page.locator('main form button[type="submit"]').focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('voting with a paper code (keyboard, no JavaScript, axe, 375 px)', () => {
  setUp();
  it('votes within the budget, is refused the second time, and reads the results after the window', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const page = await context.newPage();

    // The list of rounds links to the ballot.
    assert.equal((await page.goto(url + base))?.status(), 200);
    await axe(page, 'voting rounds');
    const link = page.locator('main a', { hasText: /^Stemmen: Buurtbudget Krimpen/ });
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Kies initiatieven die samen niet meer kosten dan € 5\.000\./);
    assert.doesNotMatch(await mainText(page), /Springkussen/, 'failed the feasibility review: not on the ballot');
    await axe(page, 'ballot');
    const ballotUrl = page.url();

    // Over the budget first: refused beside the field, the code is not used up.
    for (const title of ['Moestuinbakken', 'Kerstmarkt', 'Buurtbarbecue']) await tick(page, title);
    await page.locator('#veld-code').focus();
    await page.keyboard.type('demo-stem-0001');
    assert.equal(await submit(page), 422);
    assert.match(await page.locator('#veld-choices-error').innerText(), /kost samen meer dan het budget/);

    // Within the budget (€ 2.400 + € 900): counted.
    await page.goto(ballotUrl);
    for (const title of ['Kerstmarkt', 'Repair café']) await tick(page, title);
    await page.locator('#veld-code').focus();
    await page.keyboard.type('DEMO-STEM-0001');
    assert.equal(await submit(page), 200);
    assert.match(await page.locator('main [role="status"]').innerText(), /Uw stem is geteld/);

    // The same code again: refused, with the message beside the code field.
    await tick(page, 'Buurtbarbecue');
    await page.locator('#veld-code').focus();
    await page.keyboard.type('DEMO-STEM-0001');
    assert.equal(await submit(page), 409);
    assert.match(await page.locator('#veld-code-error').innerText(), /Met deze stemcode is al gestemd/);
    assert.match(await page.locator('.error-summary').innerText(), /Met deze stemcode is al gestemd/);

    // Results: not before the window has closed.
    assert.equal((await page.goto(`${ballotUrl}/uitslag`))?.status(), 200);
    assert.match(await mainText(page), /De uitslag staat hier na het stemmen/);

    ctx.clock.set('2026-12-10T10:00:00Z');
    assert.equal((await page.goto(`${ballotUrl}/uitslag`))?.status(), 200);
    const text = await mainText(page);
    assert.match(text, /13 stembiljetten, waarvan 9 op papier\./, 'twelve demo ballots and ours');
    assert.match(text, /Toegekend: € [\d.]+ van € 5\.000\./);
    assert.match(text, /Gelijkspel \(evenveel stemmen\): eerst het initiatief dat minder geld vraagt/);
    const rows = await page.locator('table.voting-results tbody tr').allInnerTexts();
    assert.equal(rows.length, 5);
    assert.ok(rows.some((r) => /Krijgt geld/.test(r)));
    assert.ok(rows.some((r) => /Past niet meer in het budget: overgeslagen/.test(r)));
    await axe(page, 'results');

    // The ballot says voting is closed and links to the results.
    await page.goto(ballotUrl);
    assert.match(await mainText(page), /Stemmen is gesloten\./);
    assert.equal(await page.locator('main form button[type="submit"]').count(), 0);
    await context.close();
  });
  it('lets the coordinator print paper codes by keyboard; the form and the printable page pass axe', async () => {
    ctx.clock.set('2026-11-23T10:00:00Z');
    const client = new TestBrowser(ctx.app);
    await signInAs(ctx, client, { tenantId: KRIMPEN.id, role: 'coordinator' });
    const cookie = { name: SESSION_COOKIE, value: client.cookies.get(SESSION_COOKIE)!, url };
    for (const js of [false, true]) {
      const context = await browser.newContext({ javaScriptEnabled: js, viewport: VIEWPORT });
      await context.addCookies([cookie]);
      const page = await context.newPage();
      assert.equal((await page.goto(url + base))?.status(), 200);
      await page.locator('main a', { hasText: /^Stemcodes afdrukken:/ }).focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.match(await mainText(page), /codes gemaakt/);
      if (js) await expectNoSeriousAxeViolations(page, 'paper codes form');
      await page.locator('#veld-count').focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('4');
      assert.equal(await submit(page), 200);
      const codes = await page.locator('.vote-code__code').allInnerTexts();
      assert.equal(codes.length, 4);
      assert.ok(
        codes.every((c) => /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(c)),
        codes.join(' '),
      );
      assert.match(await mainText(page), /Deze codes ziet u maar één keer/);
      if (js) {
        await expectNoSeriousAxeViolations(page, 'printable paper codes');
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= VIEWPORT.width, `printable codes: ${wide} px wide`);
      }
      await context.close();
    }
  });
});
