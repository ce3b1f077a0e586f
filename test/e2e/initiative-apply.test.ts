/**
 * Applying for an initiative in a real browser on the demo data (issue 15): a Krimpen resident
 * applies to the demo "Fonds bewonersinitiatieven" with two co-signers from Oud Krimpen, each
 * co-signer confirms through their own link (signed out), and the resident sees the status — by
 * keyboard, without JavaScript, at 375 px; every page is checked with axe in a second context.
 * Postcodes 2921 xx lie in Oud Krimpen (PC4 centroid, seed-data/pc4).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const K = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const FUND = 'fonds-bewonersinitiatieven';
const VIEWPORT = { width: 375, height: 800 };

async function typeInto(page: Page, name: string, text: string): Promise<void> {
  await page.locator(`main [name="${name}"]`).focus();
  await page.keyboard.type(text);
}

async function pressSubmit(page: Page, action: string): Promise<number | undefined> {
  const button = page.locator(`main form[action="${action}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

async function noSideways(page: Page, label: string): Promise<void> {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 375, `${label}: page is ${wide}px wide at 375px`);
}

describe('initiative apply journey (no JavaScript, keyboard, axe, 375 px)', () => {
  it('a resident applies with two co-signers who confirm by their links, then sees the status', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('bewoner', K.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState(), viewport: VIEWPORT });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
      await noSideways(axePage, label);
    };

    // The overview links to the fund; the fund page links to the form.
    assert.equal((await page.goto(`${srv.url}/${K.slug}/samen-doen`))?.status(), 200);
    await axe(`/${K.slug}/samen-doen`, 'funds overview');
    const fundLink = page.locator(`main a[href="/${K.slug}/samen-doen/${FUND}"]`).first();
    await fundLink.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await axe(`/${K.slug}/samen-doen/${FUND}`, 'fund page');
    assert.match(await mainText(page), /Demo-waarde, verzonnen/);
    const applyPath = `/${K.slug}/samen-doen/${FUND}/aanvragen`;
    await page.locator(`main a[href="${applyPath}"]`).first().focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, applyPath);
    await axe(applyPath, 'apply form');

    // Fill in by keyboard; first with a co-signer from outside the buurt (refused, nothing stored).
    const start = new Date(Date.now() + 40 * 86_400_000);
    const startText = `${String(start.getUTCDate()).padStart(2, '0')}-${String(start.getUTCMonth() + 1).padStart(2, '0')}-${start.getUTCFullYear()}`;
    await typeInto(page, 'title', 'Straatfeest Bloemstraat');
    await typeInto(page, 'groupName', 'Bewoners Bloemstraat');
    await typeInto(page, 'what', 'Een straatfeest met muziek en eten.');
    await typeInto(page, 'forWhom', 'Alle bewoners van de straat.');
    await page.locator('main [name="areaCode"]').focus();
    await page.locator('main [name="areaCode"]').selectOption({ label: 'Oud Krimpen' });
    await typeInto(page, 'startsOn', startText);
    await typeInto(page, 'budgetLines.0.label', 'Muziek');
    await typeInto(page, 'budgetLines.0.amountCents', '300');
    await typeInto(page, 'budgetLines.1.label', 'Eten en drinken');
    await typeInto(page, 'budgetLines.1.amountCents', '450');
    await typeInto(page, 'requestedCents', '750');
    await typeInto(page, 'ownInKind', 'Wij zetten de tafels neer en ruimen op.');
    await typeInto(page, 'cosigners.0.displayName', 'Buurvrouw A.');
    await typeInto(page, 'cosigners.0.postcode', '2921 AB');
    await typeInto(page, 'cosigners.1.displayName', 'Buurman B.');
    await typeInto(page, 'cosigners.1.postcode', '2925 AB');
    assert.equal(await pressSubmit(page, applyPath), 422);
    assert.match(await mainText(page), /Deze postcode ligt niet in de buurt van het initiatief\./);
    assert.equal(await page.locator('main [name="title"]').inputValue(), 'Straatfeest Bloemstraat');
    await page.locator('main [name="cosigners.1.postcode"]').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2921 XY');
    assert.equal(await pressSubmit(page, applyPath), 200);
    const text = await mainText(page);
    const reference = /INI-\d{4}-\d{4}/.exec(text)?.[0];
    assert.ok(reference, text);
    const links = [...text.matchAll(/https?:\/\/\S+\/samen-doen\/steun\/[A-Za-z0-9_-]+/g)].map((m) => new URL(m[0]).pathname);
    assert.equal(links.length, 2);

    // Each co-signer opens their link without an account and confirms by keyboard.
    const stranger = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const cosignPage = await stranger.newPage();
    const strangerAxe = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    for (const path of links) {
      assert.equal((await cosignPage.goto(srv.url + path))?.status(), 200);
      assert.match(await mainText(cosignPage), /Straatfeest Bloemstraat/);
      await strangerAxe.goto(srv.url + path);
      await expectNoSeriousAxeViolations(strangerAxe, 'co-sign page');
      assert.equal(await pressSubmit(cosignPage, path), 200);
      assert.match(await mainText(cosignPage), /Uw steun is bevestigd\./);
    }

    // The resident sees the status.
    const track = `/${K.slug}/samen-doen/aanvraag/${reference}`;
    assert.equal((await page.goto(`${srv.url}/${K.slug}/samen-doen/mijn-aanvragen`))?.status(), 200);
    await page.locator(`main a[href="${track}"]`).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    const status = await mainText(page);
    assert.match(status, /2 van 2 bevestigd/);
    assert.match(status, /Ingediend: gedaan op/);
    assert.match(status, /Ontvangen: nog niet/);
    await axe(track, 'tracking page');
    await context.close();
    await stranger.close();
  });
});
