/**
 * Signals (meldingen) journeys in a real browser on the demo data, by keyboard; the report itself
 * without JavaScript; axe on every page (in a context with JavaScript, which axe needs): a resident reports; the resident follows the report through the link in the
 * confirmation mail (read from the outbox by the administrator); a professional handles a signal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/meldingen`;

/** Open a page and check its status; axe runs only where JavaScript is on (it needs a script). */
async function open(page: Page, path: string, label: string, status = 200, axe = true): Promise<Response> {
  const res = await page.goto(srv.url + path);
  assert.ok(res);
  assert.equal(res.status(), status, `GET ${path} (${label}) answered ${res.status()}`);
  if (axe) await expectNoSeriousAxeViolations(page, label);
  return res;
}

/** Type into a field by keyboard (focus, then keys). */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Press Enter on the submit button of the form with this action and wait for the next page. */
async function submitByKeyboard(page: Page, action: string): Promise<Response | null> {
  const button = page.locator(`main form[action="${action}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

let trackingEmail = '';
let signalNumber = '';

describe('signals journeys (no JavaScript, keyboard, axe)', () => {
  it('a resident reports a broken street light and gets a number and a tracking link', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, base, 'report: choose a subject', 200, false);
    const link = page.locator(`main a[href="${base}/nieuw/verlichting"]`);
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${base}/nieuw/verlichting`);
    trackingEmail = `melder.${Date.now()}@example.nl`;
    await typeInto(page, '#veld-description', 'De lantaarnpaal voor de bibliotheek brandt niet. <b>Donker</b>');
    await typeInto(page, '#veld-address', 'Raadhuisplein 2, 2922 AD');
    await typeInto(page, '#veld-email', trackingEmail);
    await page.locator('#veld-wantsFeedback').focus();
    await page.keyboard.press('Space');
    // A photo, sent as multipart/form-data without JavaScript.
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#234' } })
      .jpeg()
      .toBuffer();
    await page.locator('#veld-photos').setInputFiles({ name: 'lantaarnpaal.jpg', mimeType: 'image/jpeg', buffer: photo });
    const res = await submitByKeyboard(page, `${base}/nieuw/verlichting`);
    assert.equal(res?.status(), 200, await page.locator('main').innerText());
    assert.ok(await page.locator('#fotos-ontvangen').count(), 'the thank-you page confirms the photo');
    signalNumber = (await page.locator('#meldingsnummer').innerText()).trim();
    assert.match(signalNumber, /^SIG-\d{4}-\d{6}$/);
    assert.ok(await page.locator('#volglink').count(), 'the tracking link is on the thank-you page');
    await context.close();
  });

  it('the report pages are axe-clean: subjects, the form with its questions, errors and the thank-you page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, base, 'report: choose a subject');
    await open(page, `${base}/nieuw/afval`, 'report: form with a required select question');
    await open(page, `${base}/nieuw/verward-gedrag`, 'report: sensitive form with yes/no questions');
    await submitByKeyboard(page, `${base}/nieuw/verward-gedrag`);
    await expectNoSeriousAxeViolations(page, 'report: form with errors');
    assert.ok(await page.locator('.error-summary').count(), 'the error summary is shown');
    await open(page, `${base}/nieuw/groen`, 'report: form');
    await typeInto(page, '#veld-description', 'Tak afgebroken');
    await typeInto(page, '#veld-address', 'Parklaan 1, 2923 AA');
    await submitByKeyboard(page, `${base}/nieuw/groen`);
    await expectNoSeriousAxeViolations(page, 'report: thank you');
    await context.close();
  });

  it('the resident follows the report through the link in the confirmation mail', async () => {
    assert.ok(trackingEmail, 'the first journey ran');
    const context = await browser.newContext();
    const admin = await context.newPage();
    const signedIn = await signIn(admin, srv.url, demoEmail('beheerder', KRIMPEN.short));
    assert.ok(signedIn.ok, JSON.stringify(signedIn));
    await open(admin, `/${KRIMPEN.slug}/beheer/mail`, 'outbox');
    const href = await admin.locator('main table tbody tr', { hasText: trackingEmail }).first().locator('a').getAttribute('href');
    assert.ok(href, 'the confirmation mail is in the outbox');
    await open(admin, href, 'confirmation mail');
    const text = await admin.locator('main pre.mail-text').innerText();
    const path = /https?:\/\/[^\s/]+(\/[^\s]+\/meldingen\/volgen\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    assert.ok(path, text);
    await context.close();

    const residentContext = await browser.newContext();
    const resident = await residentContext.newPage();
    await open(resident, path, 'tracking page');
    const main = await resident.locator('main').innerText();
    assert.ok(main.includes(signalNumber));
    assert.ok(main.includes('Gemeld'));
    assert.ok(main.includes('<b>Donker</b>'), 'text shown as typed, escaped');
    const thumb = resident.locator(`main img[alt="Foto 1 bij melding ${signalNumber}"]`);
    assert.equal(await thumb.count(), 1, 'the reporter sees their photo');
    assert.ok(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the thumbnail loads');
    await open(resident, `${base}/volgen/${'x'.repeat(43)}`, 'forged tracking link', 404);
    await residentContext.close();
  });

  it('a professional of the housing corporation handles a signal routed to it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('professional', KRIMPEN.short));
    assert.ok(signedIn.ok, JSON.stringify(signedIn));
    await open(page, `${base}/behandelen`, 'handling list');
    const first = page.locator('main table tbody tr a').first();
    assert.ok(await first.count(), 'the demo professional sees at least one signal');
    await first.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expectNoSeriousAxeViolations(page, 'signal page');
    const signalPath = new URL(page.url()).pathname;
    const step = page.locator('main a[href*="?naar=in_behandeling"], main a[href*="?naar=afgehandeld"]').first();
    const target = (await step.getAttribute('href'))!.includes('afgehandeld') ? 'afgehandeld' : 'in_behandeling';
    await step.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expectNoSeriousAxeViolations(page, 'signal page with the next-step form');
    assert.ok((await page.locator('#veld-publicMessage').inputValue()).length > 0, 'standard text prefilled');
    await typeInto(page, '#veld-internalNote', 'Gebeld met de melder.');
    await submitByKeyboard(page, `${signalPath}/status`);
    assert.equal(new URL(page.url()).pathname, signalPath);
    await expectNoSeriousAxeViolations(page, 'signal page after the step');
    assert.equal((await page.locator('#status').innerText()).trim(), target === 'afgehandeld' ? 'Afgehandeld' : 'In behandeling');
    await context.close();
  });
});
