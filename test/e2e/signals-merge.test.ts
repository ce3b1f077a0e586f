/**
 * Merge journey in a real browser on the demo data: two residents report the same broken street
 * light in Krimpen (the second sees the first in the nearby list and submits anyway); the Krimpen
 * coordinator merges the second into the first by keyboard without JavaScript; the second
 * reporter's tracking link then says the report was merged. Every page is checked with axe in a
 * second context (with JavaScript, which axe needs) that shares the cookies; pages that are the
 * answer to a POST are checked as the JavaScript-off browser received them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/meldingen`;
/** The same spot inside Krimpen for both reports: a typed address the geocoder places (the demo has PC4 centroids). */
const ADDRESS = 'Raadhuisplein 2, 2922 AD';

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** Focus a link and follow it with Enter. */
async function follow(page: Page, selector: string): Promise<Response | null> {
  const link = page.locator(selector);
  assert.equal(await link.count(), 1, `one link ${selector} on ${page.url()}`);
  await link.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

/** Press Enter on the (last) submit button of the form with this action and wait for the next page. */
async function submitByKeyboard(page: Page, action: string): Promise<Response | null> {
  const button = page.locator(`main form[action="${action}"] button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

/** Axe on pages seen without JavaScript, in a JavaScript context that shares the cookies. */
async function axeTwin(context: BrowserContext) {
  const axeContext = await browser.newContext({ storageState: await context.storageState() });
  const axePage = await axeContext.newPage();
  return {
    /** GET the path again and run axe. */
    async get(path: string, label: string, status = 200): Promise<void> {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), status, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
    },
    /** Run axe on the page exactly as the JavaScript-off page shows it now (e.g. the answer to a POST); stylesheets load from the server. */
    async snapshot(page: Page, label: string, marker: string): Promise<void> {
      const url = page.url();
      const html = await page.content();
      await axePage.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      try {
        await axePage.goto(url);
        assert.equal(await axePage.locator(marker).count(), 1, `${label}: the page as received is checked (${marker})`);
        await expectNoSeriousAxeViolations(axePage, label);
      } finally {
        await axePage.unroute(url);
      }
    },
    close: () => axeContext.close(),
  };
}

/** A resident reports a broken street light at the spot, without JavaScript, by keyboard; returns the number. */
async function report(email: string, description: string, expectNearby: string | null): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const axe = await axeTwin(context);
  const start = await page.goto(srv.url + base);
  assert.equal(start?.status(), 200);
  await follow(page, `main a[href="${base}/nieuw/verlichting"]`);
  assert.equal(new URL(page.url()).pathname, `${base}/nieuw/verlichting`);
  await typeInto(page, '#veld-description', description);
  // Without JavaScript there is no pin: the typed address is geocoded (here the demo's postcode area, so both land on one spot).
  await typeInto(page, '#veld-address', ADDRESS);
  await typeInto(page, '#veld-email', email);
  await page.locator('#veld-wantsFeedback').focus();
  await page.keyboard.press('Space');
  const action = `${base}/nieuw/verlichting`;
  let res = await submitByKeyboard(page, action);
  assert.equal(res?.status(), 200, await page.locator('main').innerText());
  const nearby = page.locator('#dichtbij');
  if (expectNearby) {
    assert.equal(await nearby.count(), 1, 'the second reporter is shown the nearby signals first');
    const listed = await page.locator('section[aria-labelledby="dichtbij"]').innerText();
    assert.ok(listed.includes(expectNearby), `the first signal ${expectNearby} is listed: ${listed}`);
    await axe.snapshot(page, 'report: nearby signals before submitting', '#dichtbij');
  }
  // Demo signals may be nearby for the first reporter too: then submit anyway, as the second does.
  if (await nearby.count()) {
    assert.equal(await page.locator('#veld-email').inputValue(), email, 'the form keeps what was typed');
    res = await submitByKeyboard(page, action);
    assert.equal(res?.status(), 200, await page.locator('main').innerText());
  }
  const number = (await page.locator('#meldingsnummer').innerText()).trim();
  assert.match(number, /^SIG-\d{4}-\d{6}$/);
  await axe.snapshot(page, 'report: thank you', '#meldingsnummer');
  await axe.close();
  await context.close();
  return number;
}

const stamp = Date.now();
const firstEmail = `eerste.melder.${stamp}@example.nl`;
const secondEmail = `tweede.melder.${stamp}@example.nl`;
let first = '';
let second = '';

describe('merge journey (no JavaScript, keyboard, axe)', () => {
  it('two residents report the same broken street light; the second sees the first and submits anyway', async () => {
    first = await report(firstEmail, 'De lantaarnpaal bij het Raadhuisplein brandt niet.', null);
    second = await report(secondEmail, 'Straatlantaarn kapot bij het Raadhuisplein, het is heel donker.', first);
    assert.notEqual(first, second);
  });

  it('the coordinator merges the second signal into the first', async () => {
    assert.ok(first && second, 'the reports were made');
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axe = await axeTwin(context);
    const handle = `${base}/behandelen`;
    const mergePath = `${handle}/${second}/samenvoegen`;

    const opened = await page.goto(srv.url + `${handle}/${second}`);
    assert.equal(opened?.status(), 200);
    await axe.get(`${handle}/${second}`, 'merge: the second signal');

    // Step 1: likely duplicates.
    await follow(page, '#link-samenvoegen');
    assert.equal(new URL(page.url()).pathname, mergePath);
    const candidate = page.locator(`#kandidaten a[href="${mergePath}?met=${first}"]`);
    assert.equal(await candidate.count(), 1, `the first signal ${first} is a candidate`);
    assert.equal(await page.locator(`#kandidaten a[href$="?met=${second}"]`).count(), 0, 'the signal itself is no candidate');
    await axe.get(mergePath, 'merge: candidates');

    // A mistyped number: the error is shown on the same page.
    await typeInto(page, '#veld-met', 'SIG-12');
    const wrong = await submitByKeyboard(page, mergePath);
    assert.equal(wrong?.status(), 422);
    assert.ok(await page.locator('.error-summary').count(), 'the error summary is shown');
    assert.equal(await page.locator('#veld-met').getAttribute('aria-invalid'), 'true');
    await axe.get(`${mergePath}?met=SIG-12`, 'merge: candidates with an error', 422);

    // Step 2: both side by side; the older (first) one stays by default.
    await follow(page, `#kandidaten a[href="${mergePath}?met=${first}"]`);
    assert.equal(new URL(page.url()).searchParams.get('met'), first);
    const compared = await page.locator('#vergelijking').innerText();
    for (const text of [first, second, firstEmail, secondEmail, 'Raadhuisplein 2']) {
      assert.ok(compared.includes(text), `${text} in the comparison`);
    }
    assert.equal(await page.locator('input[name="hoofd"]:checked').getAttribute('value'), first);
    await axe.get(`${mergePath}?met=${first}`, 'merge: confirmation');
    await typeInto(page, '#veld-note', 'Zelfde lantaarnpaal, twee melders.');
    const merged = await submitByKeyboard(page, mergePath);
    assert.equal(merged?.status(), 200, await page.locator('main').innerText());

    // The result: the page of the signal that stays, with the merge step in its history.
    assert.equal(new URL(page.url()).pathname, `${handle}/${first}`);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes('Andere melding samengevoegd'), 'the merge step is in the history');
    assert.ok(main.includes(`Iemand anders meldde hetzelfde (melding ${second})`), main);
    assert.equal(await page.locator('#link-samenvoegen').count(), 1, 'the main signal stays open');
    await axe.get(`${handle}/${first}`, 'merge: result (the signal that stays)');

    // The duplicate is cancelled and links to the signal it was merged into.
    await page.goto(srv.url + `${handle}/${second}`);
    assert.equal((await page.locator('#status').innerText()).trim(), 'Geannuleerd');
    assert.equal((await page.locator('#link-samengevoegd-met').innerText()).trim(), `Samengevoegd met ${first}`);
    assert.equal(await page.locator('#link-samenvoegen').count(), 0, 'a merged signal cannot be merged again');
    await axe.get(`${handle}/${second}`, 'merge: result (the merged duplicate)');
    await follow(page, '#link-samengevoegd-met');
    assert.equal(new URL(page.url()).pathname, `${handle}/${first}`);

    // Merging again is refused with a message, not an error page.
    await page.goto(srv.url + `${mergePath}?met=${first}`);
    assert.ok((await page.locator('.error-summary').innerText()).includes(`Melding ${second} is al samengevoegd`));
    await axe.close();
    await context.close();
  });

  it("the second reporter's tracking link says the report was merged with the first", async () => {
    assert.ok(first && second, 'the merge ran');
    const context = await browser.newContext();
    const admin = await context.newPage();
    const signedIn = await signIn(admin, srv.url, demoEmail('beheerder', KRIMPEN.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const mailLink = async (subject: string): Promise<string> => {
      const outbox = await admin.goto(`${srv.url}/${KRIMPEN.slug}/beheer/mail`);
      assert.equal(outbox?.status(), 200);
      const href = await admin
        .locator('main table tbody tr', { hasText: secondEmail })
        .filter({ hasText: subject })
        .first()
        .locator('a')
        .getAttribute('href');
      assert.ok(href, `the mail "${subject}" is in the outbox`);
      await admin.goto(srv.url + href);
      const text = await admin.locator('main pre.mail-text').innerText();
      const path = /https?:\/\/[^\s/]+(\/[^\s]+\/meldingen\/volgen\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
      assert.ok(path, text);
      return path;
    };
    await admin.goto(`${srv.url}/${KRIMPEN.slug}/beheer/mail`);
    await expectNoSeriousAxeViolations(admin, 'outbox');
    const ownLink = await mailLink(`Uw melding ${second} is ontvangen`);
    await expectNoSeriousAxeViolations(admin, 'confirmation mail');
    const mergeLink = await mailLink(`Melding ${second} is samengevoegd met ${first}`);
    await expectNoSeriousAxeViolations(admin, 'merge mail');
    assert.equal(
      await admin.locator('main table tbody tr', { hasText: firstEmail }).filter({ hasText: 'samengevoegd' }).count(),
      0,
      'the first reporter gets no merge mail',
    );
    await context.close();

    const residentContext = await browser.newContext({ javaScriptEnabled: false });
    const resident = await residentContext.newPage();
    const axe = await axeTwin(residentContext);
    const own = await resident.goto(srv.url + ownLink);
    assert.equal(own?.status(), 200);
    assert.ok((await resident.locator('h1').innerText()).includes(second));
    const notice = (await resident.locator('#samengevoegd').innerText()).trim();
    assert.equal(notice, `Deze melding is samengevoegd met melding ${first}. U krijgt voortaan berichten over ${first}.`);
    assert.ok((await resident.locator('main').innerText()).includes('Geannuleerd'));
    await axe.get(ownLink, 'tracking page of the merged report');

    const mainPage = await resident.goto(srv.url + mergeLink);
    assert.equal(mainPage?.status(), 200);
    assert.ok((await resident.locator('h1').innerText()).includes(first));
    assert.equal(await resident.locator('#samengevoegd').count(), 0);
    await axe.get(mergeLink, 'tracking page of the signal that stays');
    await axe.close();
    await residentContext.close();
  });
});
