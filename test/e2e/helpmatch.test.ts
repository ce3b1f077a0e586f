/**
 * Journeys of the help marketplace, by keyboard and without JavaScript, axe on every page:
 * a resident asks for help; a professional asks on behalf of a resident without an account;
 * a volunteer offers help; the coordinator proposes the resident's request to the volunteer
 * ("stel voor aan vrijwilliger"), the volunteer says yes, the resident accepts the helper (only now
 * the volunteer sees the address), the volunteer records the hours, and the resident confirms them.
 * The form asks one-off or weekly first (step 1, a GET form) and places the request by its postcode.
 *
 * The journeys run with JavaScript off. axe needs JavaScript (with it off, injecting axe hangs in
 * Chromium), so each page is checked by opening the same address, with the same cookies, in a
 * second context with JavaScript on.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/hulp`;
const ADDRESS = `Journeystraat ${Math.floor(Math.random() * 1e6)}`;
/** The summary of this journey's request (the first test asks it). */
const SUMMARY = 'Hulp bij het opruimen van de schuur';

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** Run axe on the page the (JavaScript-less) page is showing: same address, same cookies, JavaScript on. */
async function axe(page: Page, label: string): Promise<void> {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const twin = await context.newPage();
    await twin.goto(page.url());
    await expectNoSeriousAxeViolations(twin, label);
  } finally {
    await context.close();
  }
}

async function open(page: Page, path: string, label: string, status = 200): Promise<void> {
  const res = await page.goto(srv.url + path);
  assert.equal(res?.status(), status, `GET ${path} (${label}) answered ${res?.status()}: ${await mainText(page)}`);
  await axe(page, label);
}

/** Type into a field with the keyboard (focus, select all, keys). */
async function type(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.type(text);
}

/** Follow a link with Enter. */
async function follow(page: Page, href: string, label: string): Promise<void> {
  const link = page.locator(`main a[href="${href}"]`).first();
  await link.focus();
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  await axe(page, label);
}

/** Press a submit button with Enter, wait for the next page, run axe; returns the status. */
async function press(button: Locator, label: string): Promise<number> {
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  await axe(button.page(), label);
  return res?.status() ?? 0;
}

function form(page: Page, action: string): Locator {
  return page.locator(`main form[action="${action}"]`);
}

async function signedInPage(email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const r = await signIn(page, srv.url, email);
  assert.ok(r.ok, JSON.stringify(r));
  return page;
}

/** A date three days from now (Europe/Amsterdam is close enough to UTC for that). */
function inThreeDays(): string {
  return new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
}

/** Step 1 of the request form: one-off ("eenmalig") or weekly, then "Verder" (for whom stays "zelf"). */
async function chooseKind(page: Page, kind: 'eenmalig' | 'wekelijks', label: string): Promise<void> {
  const step1 = page.locator(`main form[method="get"][action="${base}/vragen/nieuw"]`);
  const radio = step1.locator(`input[name="soort"][value="${kind}"]`);
  await radio.focus();
  await page.keyboard.press('Space');
  assert.equal(await press(step1.locator('button[type="submit"]'), label), 200);
}

/** Fill in the request form (the once-only schedule). */
async function fillRequest(f: Locator, summary: string, address: string): Promise<void> {
  await f.locator('select[name="category"]').focus();
  await f.locator('select[name="category"]').selectOption('tuin');
  await type(f.locator('input[name="summary"]'), summary);
  await f.locator('input[name="date"]').fill(inThreeDays());
  await f.locator('input[name="from"]').fill('13:00');
  await f.locator('input[name="to"]').fill('15:00');
  await type(f.locator('input[name="postcode"]'), '2922 AB');
  await type(f.locator('input[name="address"]'), address);
}

describe('journeys: help marketplace', () => {
  let requestPath = '';

  it('a resident asks for help', async () => {
    const page = await signedInPage(demoEmail('bewoner', 'krimpen'));
    await open(page, base, 'hulp overview (bewoner)');
    await follow(page, `${base}/vragen/nieuw`, 'ask for help: one-off or weekly');
    await chooseKind(page, 'eenmalig', 'ask for help form');
    const f = page.locator(`main form[method="post"][action="${base}/vragen/nieuw"]`);
    await fillRequest(f, SUMMARY, ADDRESS);
    assert.equal(await press(f.locator('button[type="submit"]'), 'request created'), 200);
    assert.match(await mainText(page), /Uw hulpvraag is verstuurd/);
    assert.ok((await mainText(page)).includes(ADDRESS), 'the resident sees their own address');
    requestPath = new URL(page.url()).pathname;
    assert.match(requestPath, new RegExp(`^${base}/vragen/[0-9a-f-]{36}$`));
  });

  it('a professional asks on behalf of a resident without an account', async () => {
    const page = await signedInPage(demoEmail('professional', 'krimpen'));
    await open(page, `${base}/vragen/nieuw?soort=eenmalig&voor=ander`, 'ask for help form (professional)');
    const f = page.locator(`main form[method="post"][action="${base}/vragen/nieuw"]`);
    const other = f.locator('input[name="forWhom"][value="other"]');
    await other.focus();
    await page.keyboard.press('Space');
    assert.ok(await other.isChecked());
    await type(f.locator('input[name="subjectName"]'), 'Meneer Janssen (demo)');
    await type(f.locator('input[name="subjectPhone"]'), '0180-000000');
    await fillRequest(f, 'Boodschappen halen', 'Namensweg 3');
    assert.equal(await press(f.locator('button[type="submit"]'), 'request on behalf created'), 200);
    const text = await mainText(page);
    assert.match(text, /Gevraagd namens een bewoner/);
    assert.match(text, /Meneer Janssen/);
  });

  it('a volunteer offers help', async () => {
    const page = await signedInPage(demoEmail('vrijwilliger', 'krimpen'));
    await open(page, base, 'hulp overview (vrijwilliger)');
    await follow(page, `${base}/aanbod`, 'offer help form');
    const f = form(page, `${base}/aanbod`);
    const digital = f.locator('input[name="categories"][value="digitaal"]');
    await digital.focus();
    if (!(await digital.isChecked())) await page.keyboard.press('Space');
    await f.locator('select[name="reach"]').focus();
    await f.locator('select[name="reach"]').selectOption('municipality');
    assert.equal(await press(f.locator('button[type="submit"]'), 'offer saved'), 200);
    assert.match(await mainText(page), /Uw aanbod is opgeslagen/);
    assert.match(await mainText(page), /Hulp met computer of telefoon/);
  });

  it('the coordinator proposes the request, the volunteer accepts and completes it with hours', async () => {
    assert.ok(requestPath, 'the first journey created a request');
    const coord = await signedInPage(demoEmail('coordinator', 'krimpen'));
    await open(coord, `${base}/coordinatie`, 'coordinator: open requests');
    await open(coord, requestPath, 'coordinator: request page');
    const propose = form(coord, `${base}/coordinatie${requestPath.slice(base.length)}/voorstellen`);
    const select = propose.locator('select[name="volunteer"]');
    const option = await select.locator('option', { hasText: 'Demo Vrijwilliger' }).first().getAttribute('value');
    await select.focus();
    await select.selectOption(option!);
    assert.equal(await press(propose.locator('button[type="submit"]'), 'proposed'), 200);
    assert.match(await mainText(coord), /voorgelegd aan de vrijwilliger/);

    const vol = await signedInPage(demoEmail('vrijwilliger', 'krimpen'));
    await open(vol, base, 'overview with the proposal');
    // This journey's match, by its request's summary: the demo data has other proposals to the same
    // volunteer, and the overview's order does not say which comes first.
    const href = await vol.locator(`main a[href^="${base}/match/"]`, { hasText: SUMMARY }).getAttribute('href');
    assert.ok(href);
    await follow(vol, href, 'match page (proposed)');
    assert.ok(!(await vol.content()).includes(ADDRESS), 'no address before acceptance');
    assert.equal(await press(form(vol, `${href}/accepteren`).locator('button'), 'volunteer said yes'), 200);
    assert.match(await mainText(vol), /U heeft ja gezegd/);
    assert.ok(!(await mainText(vol)).includes(ADDRESS), 'no address before the resident accepts the helper');

    const res = await signedInPage(demoEmail('bewoner', 'krimpen'));
    await open(res, href, 'match page (bewoner chooses)');
    assert.match(await mainText(res), /Wilt u hulp van Demo\?/);
    assert.equal(await press(form(res, `${href}/kiezen`).locator('button'), 'helper accepted'), 200);
    assert.match(await mainText(res), /U heeft ja gezegd tegen de helper/);

    await open(vol, href, 'match page (accepted)');
    const accepted = await mainText(vol);
    assert.ok(accepted.includes(ADDRESS), `the address after acceptance; ${vol.url()} showed: ${accepted.slice(0, 800)}`);
    const hours = form(vol, `${href}/uren`);
    await type(hours.locator('input[name="hours"]'), '1,5');
    assert.equal(await press(hours.locator('button'), 'hours recorded'), 200);
    assert.match(await mainText(vol), /De uren zijn doorgegeven/);

    await open(res, href, 'match page (bewoner)');
    assert.equal(await press(form(res, `${href}/uren-bevestigen`).locator('button'), 'hours confirmed'), 200);
    const text = await mainText(res);
    assert.match(text, /De uren zijn bevestigd/);
    assert.match(text, /Stand Klaar/);
  });
});
