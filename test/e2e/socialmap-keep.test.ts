/**
 * Keeping the social map fresh in a real browser on the demo data, without JavaScript and by
 * keyboard: a provider (the demo professional of Kern 8 in Heerhugowaard) edits an activity, adds
 * a time and cancels one date; a coordinator views the coverage matrix and downloads the CSV.
 * The journeys run with JavaScript off; axe needs JavaScript, so every page visited is checked
 * again in a second, JavaScript-enabled tab with the same cookies.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { BrowserContext, Page } from 'playwright-core';
import { demoEmail, DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const HHW = DEMO_TENANTS.find((t) => t.short === 'heerhugowaard')!;
const keep = `/${HHW.slug}/sociale-kaart/beheer`;

/** Progress, for a slow machine: SOCIALMAP_E2E_LOG=/tmp/file shows where a run is. */
const step = (msg: string) =>
  process.env.SOCIALMAP_E2E_LOG && appendFileSync(process.env.SOCIALMAP_E2E_LOG, `${new Date().toISOString()} ${msg}\n`);

/** A JavaScript-enabled tab with the cookies of the no-JavaScript journey, to run axe in. */
async function axeTab(journey: BrowserContext): Promise<{ check(path: string, label: string): Promise<void>; page: Page }> {
  const context = await browser.newContext({ storageState: await journey.storageState() });
  const page = await context.newPage();
  return {
    page,
    async check(path: string, label: string) {
      step(`axe ${path}`);
      const res = await page.goto(path.startsWith('http') ? path : srv.url + path);
      assert.ok(res && res.status() < 500, `axe tab GET ${path}`);
      await expectNoSeriousAxeViolations(page, label);
    },
  };
}

async function open(page: Page, path: string, label: string, status = 200): Promise<void> {
  step(`open ${path}`);
  const res = await page.goto(srv.url + path);
  assert.equal(res?.status(), status, `GET ${path} (${label})`);
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** Press Enter in a field (submits its form, as a keyboard user would) and wait for the next page. */
async function enterIn(page: Page, selector: string): Promise<number> {
  step(`enter in ${selector}`);
  const [res] = await Promise.all([page.waitForNavigation(), page.locator(selector).press('Enter')]);
  return res?.status() ?? 0;
}

describe('social map maintenance in the browser', () => {
  it('a provider edits an activity and cancels a date, by keyboard and without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('professional', HHW.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axe = await axeTab(context);

    await open(page, keep, 'maintenance list');
    await axe.check(keep, 'maintenance list');
    assert.match(await mainText(page), /Uw aanbod op de sociale kaart/);
    const link = page.locator('main table a[href*="/sociale-kaart/beheer/aanbod/"]').first();
    const href = await link.getAttribute('href');
    assert.ok(href, 'Kern 8 has entries to maintain');
    await open(page, href, 'service form');
    await axe.check(href, 'service form');
    assert.match(await mainText(page), /Laatst gecontroleerd op/);

    // Edit the description by keyboard: type in the field, tab to the name field, Enter submits.
    const description = page.locator('#veld-description');
    await description.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ook in de kerstvakantie.');
    await page.locator('#veld-name').focus();
    assert.equal(await enterIn(page, '#veld-name'), 200);
    await axe.check(page.url(), 'service saved');
    assert.match(await mainText(page), /Uw wijzigingen zijn opgeslagen/);
    assert.match(await page.locator('#veld-description').inputValue(), /Ook in de kerstvakantie\./);

    // Add a weekly time on Monday evening by keyboard.
    await open(page, `${href}/tijden`, 'add a time');
    await axe.check(`${href}/tijden`, 'add a time');
    await page.locator('#veld-kind').focus();
    await page.keyboard.press('Space');
    await page.locator('#veld-days').focus();
    await page.keyboard.press('Space');
    await page.locator('#veld-opens_at').fill('19:15');
    await page.locator('#veld-closes_at').fill('20:45');
    assert.equal(await enterIn(page, '#veld-closes_at'), 200);
    await axe.check(page.url(), 'time added');
    assert.match(await mainText(page), /Elke week op maandag, 19:15 tot 20:45/);

    // Cancel next Monday in the card of that time.
    const monday = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 1 }).startOf('week').plus({ weeks: 1 }).toISODate()!;
    const card = page.locator('.keep-schedule', { hasText: 'maandag, 19:15 tot 20:45' });
    const dateField = card.locator('input[name^="date-"]');
    await dateField.fill(monday);
    assert.equal(await enterIn(page, `.keep-schedule:has-text("maandag, 19:15 tot 20:45") input[name^="date-"]`), 200);
    await axe.check(page.url(), 'date cancelled');
    assert.match(await mainText(page), /De datum is afgelast/);
    assert.match(await mainText(page), new RegExp(`Afgelast: ${monday}`));

    // A wrong time is explained on the form (in the JavaScript tab, to check the error page too).
    await axe.check(`${href}/tijden`, 'add a time again');
    await axe.page.locator('#veld-days').check();
    await axe.page.locator('#veld-opens_at').fill('25:00');
    assert.equal(await enterIn(axe.page, '#veld-opens_at'), 422);
    await expectNoSeriousAxeViolations(axe.page, 'time refused');
    assert.match(await mainText(axe.page), /tussen 00:00 en 23:59/);

    await axe.check(`${keep}/voorstellen`, 'suggestions');
    await axe.page.context().close();
    await context.close();
  });

  it('anyone can suggest a correction without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${srv.url}/${HHW.slug}/sociale-kaart`);
    const service = await page.locator('main a[href*="/sociale-kaart/aanbod/"]').first().getAttribute('href');
    assert.ok(service);
    await open(page, `${service}/correctie`, 'correction form');
    const axe = await axeTab(context);
    await axe.check(`${service}/correctie`, 'correction form');
    await page.locator('#veld-message').fill('De tijden op de website zijn anders.');
    const [res] = await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
    assert.equal(res?.status(), 200);
    assert.match(await mainText(page), /Uw voorstel is ontvangen/);
    await axe.page.locator('#veld-message').fill('Het telefoonnummer klopt niet.');
    await Promise.all([axe.page.waitForNavigation(), axe.page.locator('main form button[type="submit"]').click()]);
    await expectNoSeriousAxeViolations(axe.page, 'thank you');
    await axe.page.context().close();
    await context.close();
  });

  it('a coordinator views the coverage matrix and downloads the CSV', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', HHW.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    await open(page, `/${HHW.slug}/sociale-kaart/dekking`, 'coverage');
    const axe = await axeTab(context);
    await axe.check(`/${HHW.slug}/sociale-kaart/dekking`, 'coverage');
    await axe.page.context().close();
    assert.equal(await page.locator('main table').count(), 2);
    assert.ok((await page.locator('main table th[scope="col"]').count()) >= 12);
    assert.match(await mainText(page), /witte vlek/);
    // Reach the download link by keyboard and press Enter.
    const csvLink = page.locator(`main a[href$="/dekking/dekking.csv"]`);
    await csvLink.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    step('download');
    const text = await readFile((await download.path())!, 'utf8');
    assert.match(text.split('\n')[0]!, /gebiedscode,gebied,niveau,wijkcode,aantal_informatie_advies/);
    assert.ok(text.split('\n').length > 5);
    const [entries] = await Promise.all([page.waitForEvent('download'), page.locator(`main a[href$="/dekking/aanbod.csv"]`).click()]);
    assert.match((await readFile((await entries.path())!, 'utf8')).split('\n')[0]!, /laatst_gecontroleerd,verouderd/);
    await context.close();
  });
});
