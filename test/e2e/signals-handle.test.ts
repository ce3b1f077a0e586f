/**
 * Journey "professional handles a signal with two organisations' actions and feedback", in a real
 * browser on the demo data: by keyboard, the forms without JavaScript, axe on each page (in a copy of
 * the session with JavaScript, which axe needs).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/meldingen`;
const REPORTER = 'demo-melder-buren@example.nl';

/** Sign in (JavaScript on for the sign-in page), then continue in a context without JavaScript with the same cookies. */
async function staffSession(
  email: string,
): Promise<{ page: Page; context: BrowserContext; axe: (path: string, label: string) => Promise<void> }> {
  const jsContext = await browser.newContext();
  const jsPage = await jsContext.newPage();
  const signedIn = await signIn(jsPage, srv.url, email);
  assert.ok(signedIn.ok, JSON.stringify(signedIn));
  const storageState = await jsContext.storageState();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  const axe = async (path: string, label: string) => {
    const res = await jsPage.goto(srv.url + path);
    assert.equal(res?.status(), 200, label);
    await expectNoSeriousAxeViolations(jsPage, label);
  };
  context.on('close', () => void jsContext.close());
  return { page, context, axe };
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Press Enter on the (last) submit button of the form with this action and wait for the next page. */
async function submitByKeyboard(page: Page, action: string): Promise<number | undefined> {
  const button = page.locator(`main form[action="${action}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

/** Open a <details> disclosure by keyboard. */
async function openDetails(page: Page, summaryText: string): Promise<void> {
  const summary = page.locator('main details summary', { hasText: summaryText }).first();
  const open = await summary.evaluate((el) => (el.parentElement as HTMLDetailsElement).open);
  if (open) return;
  await summary.focus();
  await page.keyboard.press('Enter');
}

/** Choose an option of a focused select by typing its first letters (keyboard type-ahead). */
async function chooseByKeyboard(page: Page, selector: string, label: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(label);
  const chosen = await page.locator(selector).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
  assert.ok(chosen.startsWith(label), `chose "${chosen}" for "${label}"`);
}

let signalPath = '';
let firstActionId = '';
let secondActionId = '';

describe('journey: a professional handles a signal with two organisations’ actions and feedback', () => {
  it('the professional (QuaWonen) opens the neighbour-nuisance signal and adds actions for two organisations', async () => {
    const { page, context, axe } = await staffSession(demoEmail('professional', KRIMPEN.short));
    await page.goto(srv.url + `${base}/behandelen`);
    // The neighbour-nuisance signal (QuaWonen now also gets Krimpen's worries about neighbours, issue 12).
    const link = page.locator('main table tbody tr', { hasText: 'Overlast van buren' }).locator('a').first();
    assert.ok(await link.count(), 'the demo professional sees the signal routed to QuaWonen');
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    signalPath = new URL(page.url()).pathname;
    assert.ok((await page.locator('main').innerText()).includes('Acties in het netwerk'));
    await axe(signalPath, 'signal page with the actions section');

    await openDetails(page, 'Actie toevoegen');
    await chooseByKeyboard(page, '#actie-nieuw-organisatie', 'QuaWonen');
    await typeInto(page, '#actie-nieuw-wat', 'Woonconsulent gaat in gesprek met de bovenburen.');
    assert.equal(await submitByKeyboard(page, `${signalPath}/acties`), 200);
    assert.equal(new URL(page.url()).pathname, signalPath);

    await openDetails(page, 'Actie toevoegen');
    await chooseByKeyboard(page, '#actie-nieuw-organisatie', 'Meldpunt');
    await typeInto(page, '#actie-nieuw-wat', 'Meldpunt belt maandag de melder over buurtbemiddeling.');
    assert.equal(await submitByKeyboard(page, `${signalPath}/acties`), 200);
    const rows = page.locator('#acties-tabel tbody tr');
    assert.equal(await rows.count(), 2);
    firstActionId = (await rows.nth(0).getAttribute('data-action'))!;
    secondActionId = (await rows.nth(1).getAttribute('data-action'))!;
    assert.ok((await rows.nth(1).innerText()).includes('Meldpunt Capelle-Krimpen'));
    await axe(signalPath, 'signal page with two actions');

    // Closing is refused while actions are open; the page says why.
    await page.goto(srv.url + `${signalPath}?naar=afgehandeld`);
    assert.ok((await page.locator('#open-acties').innerText()).includes('Nog open: 2'));
    await axe(`${signalPath}?naar=afgehandeld`, 'close step with the open-actions hint');

    // Their own action: done, with a result.
    await openDetails(page, 'Woonconsulent');
    await typeInto(page, '#actie-1-result', 'Gesprek gevoerd; de buren zetten de muziek zachter.');
    assert.equal(await submitByKeyboard(page, `${signalPath}/acties/${firstActionId}/klaar`), 200);
    assert.ok((await rows.nth(0).innerText()).includes('Klaar'));
    await context.close();
  });

  it('the coordinator marks the second organisation’s action done', async () => {
    assert.ok(secondActionId, 'the first journey ran');
    const { page, context, axe } = await staffSession(demoEmail('coordinator', KRIMPEN.short));
    await page.goto(srv.url + signalPath);
    await openDetails(page, 'Meldpunt belt');
    await typeInto(page, '#actie-2-result', 'Melder gebeld; buurtbemiddeling is gestart.');
    assert.equal(await submitByKeyboard(page, `${signalPath}/acties/${secondActionId}/klaar`), 200);
    const text = await page.locator('#acties-tabel').innerText();
    assert.equal((text.match(/Klaar/g) ?? []).length, 2, text);
    await axe(signalPath, 'signal page, all actions done (coordinator)');
    await axe(`/${KRIMPEN.slug}/beheer/meldingen/terugkoppeling`, 'setting: when the reporter is not satisfied');
    await context.close();
  });

  it('the professional closes the signal with a message, and the reporter reads it on the tracking page', async () => {
    const { page, context } = await staffSession(demoEmail('professional', KRIMPEN.short));
    await page.goto(srv.url + `${signalPath}?naar=afgehandeld`);
    assert.equal(await page.locator('#open-acties').count(), 0, 'no hint when every action is done');
    await page.locator('#veld-publicMessage').fill('');
    await typeInto(page, '#veld-publicMessage', 'Er is met uw buren gesproken en buurtbemiddeling is gestart.');
    assert.equal(await submitByKeyboard(page, `${signalPath}/status`), 200);
    assert.equal((await page.locator('#status').innerText()).trim(), 'Afgehandeld');
    await context.close();

    // The reporter's link, from the outbox (read by the administrator).
    const admin = await staffSession(demoEmail('beheerder', KRIMPEN.short));
    await admin.page.goto(srv.url + `/${KRIMPEN.slug}/beheer/mail`);
    const href = await admin.page.locator('main table tbody tr', { hasText: REPORTER }).first().locator('a').getAttribute('href');
    assert.ok(href, 'a mail to the reporter is in the outbox');
    await admin.page.goto(srv.url + href);
    const mail = await admin.page.locator('main pre.mail-text').innerText();
    const path = /https?:\/\/[^\s/]+(\/[^\s]+\/meldingen\/volgen\/[A-Za-z0-9_-]+)/.exec(mail)?.[1];
    assert.ok(path, mail);
    await admin.context.close();

    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    const res = await resident.goto(srv.url + path);
    assert.equal(res?.status(), 200);
    await expectNoSeriousAxeViolations(resident, 'tracking page after closing');
    const main = await resident.locator('main').innerText();
    assert.ok(main.includes('Er is met uw buren gesproken en buurtbemiddeling is gestart.'));
    assert.ok(!main.includes('Woonconsulent'), 'actions are internal');
    await residentContext.close();
  });
});
