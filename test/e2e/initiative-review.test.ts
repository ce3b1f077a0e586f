/**
 * Review and accountability journey in a real browser on the demo data (Krimpen's "Fonds
 * bewonersinitiatieven"), by keyboard without JavaScript; every page checked with axe in a second
 * context that shares the session. The coordinator decides the demo application "Taalcafé op
 * dinsdag" (€ 1.400,00 asked): a partial approval above the amount asked is refused, then € 1.000,00
 * with the letter from the standard text, edited before sending. The demo resident (its applicant)
 * reads the letter and accounts for the initiative with a photo that may be shown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const K = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const list = `/${K.slug}/samen-doen/beoordelen`;

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Focus a submit button and press Enter; wait for the next page. */
async function pressButton(page: Page, selector: string): Promise<Response | null> {
  await page.locator(selector).focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

async function signedIn(
  email: string,
): Promise<{ page: Page; axe: (path: string, label: string) => Promise<void>; close: () => Promise<void> }> {
  const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const r = await signIn(page, srv.url, email);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  const axeContext = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 375, height: 800 } });
  const axePage = await axeContext.newPage();
  return {
    page,
    axe: async (path, label) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
    },
    close: async () => {
      await axeContext.close();
      await context.close();
    },
  };
}

describe('initiative review and accountability (no JavaScript, keyboard, axe, 375 px)', () => {
  it('a coordinator approves part with a letter; the applicant accounts for it with a photo', async () => {
    const coord = await signedIn(demoEmail('coordinator', K.short));
    const page = coord.page;
    assert.equal((await page.goto(srv.url + list))?.status(), 200);
    await coord.axe(list, 'review work list');
    const link = page.locator('main tr', { hasText: 'Taalcafé op dinsdag' }).locator('a').first();
    const href = (await link.getAttribute('href'))!;
    const reference = href.split('/').pop()!;
    assert.match(reference, /^INI-\d{4}-\d{4}$/);
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, href);
    await coord.axe(href, 'review page');

    // Partial above the amount asked: refused with the amount, beside the field.
    await page.locator('#veld-decision-1').focus();
    await page.keyboard.press('Space');
    await typeInto(page, '#veld-granted', '1.500');
    await typeInto(page, '#veld-reasons', 'Het fonds betaalt de huur van de zaal; koffie en thee regelt u zelf.');
    let res = await pressButton(page, 'main button[name="step"][value="preview"]');
    assert.equal(res?.status(), 422);
    assert.match(await page.locator('#veld-granted-error').innerText(), /niet hoger zijn dan het gevraagde bedrag \(€ 1\.400,00\)/);

    // € 1.000,00: the letter from the standard text, filled in; edited, then sent.
    await page.locator('#veld-granted').fill('');
    await typeInto(page, '#veld-granted', '1000');
    res = await pressButton(page, 'main button[name="step"][value="preview"]');
    assert.equal(res?.status(), 200);
    const letter = await page.locator('#veld-letter').inputValue();
    assert.match(letter, /^Beste Vrijwilligers Taalcafé,/);
    assert.match(letter, /Wij kennen een deel toe: € 1\.000,00 van de gevraagde € 1\.400,00\./);
    assert.match(letter, /De reden: Het fonds betaalt de huur van de zaal/);
    await page.locator('#veld-letter').focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nPS: de sleutel van de zaal ligt bij de balie.');
    res = await pressButton(page, 'main button[name="step"][value="send"]');
    assert.equal(res?.status(), 200);
    const text = await mainText(page);
    assert.match(text, /Het besluit is genomen\. De brief is verstuurd\./);
    assert.match(text, /Besluit: Gedeeltelijk toekennen, toegekend € 1\.000,00\./);
    assert.match(text, /PS: de sleutel van de zaal ligt bij de balie\./);
    await coord.axe(href, 'review page after the decision');
    await coord.close();

    // The applicant: the letter, then a photo and the account.
    const resident = await signedIn(demoEmail('bewoner', K.short));
    const rp = resident.page;
    const accountPath = `/${K.slug}/samen-doen/verantwoorden/${reference}`;
    assert.equal((await rp.goto(srv.url + accountPath))?.status(), 200);
    assert.match(await mainText(rp), /PS: de sleutel van de zaal ligt bij de balie\./);
    await resident.axe(accountPath, 'account page');
    const photo = await sharp({ create: { width: 320, height: 240, channels: 3, background: '#2a6' } })
      .withExif({ IFD0: { Copyright: 'camera-gegevens' } })
      .jpeg()
      .toBuffer();
    await rp.locator('#veld-file').setInputFiles({ name: 'taalcafe.jpg', mimeType: 'image/jpeg', buffer: photo });
    await typeInto(rp, '#veld-altText', 'Buren oefenen Nederlands aan een lange tafel');
    await rp.locator('#veld-shown').focus();
    await rp.keyboard.press('Space');
    res = await pressButton(rp, `main form[action="${accountPath}/bestand"] button[type="submit"]`);
    assert.equal(res?.status(), 200);
    assert.match(await mainText(rp), /Het bestand is toegevoegd\./);
    assert.match(await mainText(rp), /Buren oefenen Nederlands aan een lange tafel \(mag getoond worden\)/);
    const photoHref = (await rp.locator('main a[href*="/samen-doen/bestanden/"]').first().getAttribute('href'))!;

    await typeInto(rp, '#veld-whatHappened', 'Tien dinsdagen taalcafé in het buurthuis, met gemiddeld twaalf buren.');
    await typeInto(rp, '#veld-participants', '25');
    await typeInto(rp, '#veld-spent', '980,50');
    res = await pressButton(rp, `main form[action="${accountPath}/insturen"] button[type="submit"]`);
    assert.equal(res?.status(), 200);
    const after = await mainText(rp);
    assert.match(after, /Dank u wel\. Uw verantwoording is ingestuurd\./);
    assert.match(after, /Uitgegeven: € 980,50/);
    assert.match(after, /gekozen voor een steekproef/);
    assert.equal(await rp.locator(`main form[action="${accountPath}/insturen"]`).count(), 0, 'submitted once: no form any more');
    await resident.axe(accountPath, 'account page after submitting');
    await resident.close();

    // The photo may be shown: anyone gets it, re-encoded without the camera data.
    const anon = await browser.newContext({ javaScriptEnabled: false });
    const got = await anon.request.get(srv.url + photoHref);
    assert.equal(got.status(), 200);
    assert.equal(got.headers()['content-type'], 'image/jpeg');
    assert.equal((await got.body()).includes('camera-gegevens'), false);
    await anon.close();
  });
});
