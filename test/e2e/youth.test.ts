/**
 * Journey (issue 15, youth): on the demo server, at 375 px, by keyboard and without JavaScript, a
 * young person posts an idea for their wijk without an account; a youth worker (demo professional)
 * lets it through and says what became of it, and opens a short poll; the young person sees the
 * answer under "mijn ideeën", answers the poll once, and a second answer from the same device (a
 * second tab with the old form) is refused. The youth worker then makes an application of the idea
 * on a young resident's behalf, and the young person sees that it was made. Every page is checked with axe (and for sideways
 * scrolling) in a second context with JavaScript on that shares the cookies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { localDate } from '../../src/platform/time.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const K = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const VIEWPORT = { width: 375, height: 800 };
const WIJK = 'WK054200';
const base = `/${K.slug}/jongeren`;
const IDEA = 'Een pannakooi bij de sporthal';
const QUESTION = 'Wat wil je bij de sporthal?';

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

/** Press Enter on the last submit button of the form with this action (inside `scope`) and wait for the next page. */
async function enter(page: Page, formSelector: string): Promise<Response | null> {
  const button = page.locator(`${formSelector} button[type="submit"]`).last();
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

/** axe and no sideways scrolling at 375 px on the same address, JavaScript on, same cookies. */
async function axe(context: BrowserContext, page: Page, label: string): Promise<void> {
  const twin = await browser.newContext({ storageState: await context.storageState(), viewport: VIEWPORT });
  try {
    const p = await twin.newPage();
    assert.equal((await p.goto(page.url()))?.status(), 200, label);
    await expectNoSeriousAxeViolations(p, label);
    const wide = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= VIEWPORT.width, `${label}: ${wide} px wide at ${VIEWPORT.width} px`);
  } finally {
    await twin.close();
  }
}

describe('youth journey (375 px, keyboard, no JavaScript, axe)', () => {
  it('a young person posts an idea, sees what became of it, and answers a poll once', async () => {
    const young = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const page = await young.newPage();

    // The short address leads to the channel; the wijk is chosen by keyboard.
    assert.equal((await page.goto(`${srv.url}/${K.slug}/jong`))?.status(), 200);
    assert.equal(new URL(page.url()).pathname, base);
    await axe(young, page, 'youth: start');
    const link = page.locator(`main a[href="${base}/${WIJK}"]`);
    await link.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).pathname, `${base}/${WIJK}`);
    await axe(young, page, 'youth: wijk');

    await typeInto(page, '#veld-text', IDEA);
    await typeInto(page, '#veld-nickname', 'Skater');
    const sent = await enter(page, `main form[action="${base}/${WIJK}/idee"]`);
    assert.equal(sent?.status(), 200);
    assert.equal(new URL(page.url()).pathname, `${base}/mijn`);
    let text = await mainText(page);
    assert.match(text, /Dank je! Je idee is verstuurd\./);
    assert.match(text, new RegExp(IDEA));
    assert.match(text, /Wacht op een jongerenwerker/);
    await axe(young, page, 'youth: mijn ideeën (waiting)');

    // The youth worker lets it through, says what happens with it and opens a poll.
    const staff = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const worker = await staff.newPage();
    const r = await signIn(worker, srv.url, demoEmail('professional', K.short));
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.equal((await worker.goto(`${srv.url}/${K.slug}/beheer/jongeren`))?.status(), 200);
    await axe(staff, worker, 'youth: moderation');
    const card = worker.locator('main article.youth-idea', { hasText: IDEA });
    assert.equal(await card.count(), 1);
    await card.locator('select[name="moderation"]').focus();
    await card.locator('select[name="moderation"]').selectOption('shown');
    await card.locator('select[name="status"]').focus();
    await card.locator('select[name="status"]').selectOption('growing');
    await card.locator('textarea[name="response"]').focus();
    await worker.keyboard.type('Goed idee! We praten erover met de sporthal.');
    const saved = await enter(worker, `main article.youth-idea:has-text("${IDEA}") form`);
    assert.equal(saved?.status(), 200);
    assert.match(await mainText(worker), /Opgeslagen\./);

    const today = localDate(new Date());
    await worker.locator('#veld-area').selectOption(WIJK);
    await typeInto(worker, '#veld-question', QUESTION);
    await worker.locator('#veld-options').focus();
    await worker.keyboard.type('Een bankje');
    await worker.keyboard.press('Enter');
    await worker.keyboard.type('Een basketbalpaal');
    await typeInto(worker, '#veld-opensOn', today);
    await typeInto(worker, '#veld-closesOn', '2099-12-31');
    const made = await enter(worker, `main form[action="/${K.slug}/beheer/jongeren/peiling"]`);
    assert.equal(made?.status(), 200);
    assert.match(await mainText(worker), /De vraag staat klaar\./);
    await staff.close();

    // The young person reads back what happened.
    assert.equal((await page.goto(`${srv.url}${base}/mijn`))?.status(), 200);
    text = await mainText(page);
    assert.match(text, /Staat online/);
    assert.match(text, /Wat gebeurt ermee: groeit/);
    assert.match(text, /Goed idee! We praten erover met de sporthal\./);
    await axe(young, page, 'youth: mijn ideeën (answered)');

    // The poll: two tabs on the same device; the first answers, the second (old form) is refused.
    assert.equal((await page.goto(`${srv.url}${base}/${WIJK}`))?.status(), 200);
    const tab2 = await young.newPage();
    assert.equal((await tab2.goto(`${srv.url}${base}/${WIJK}`))?.status(), 200);
    const poll = page.locator('main section.youth-poll', { hasText: QUESTION });
    await poll.getByLabel('Een basketbalpaal').focus();
    await page.keyboard.press('Space');
    const answered = await enter(page, `main section.youth-poll:has-text("${QUESTION}") form`);
    assert.equal(answered?.status(), 200);
    text = await mainText(page);
    assert.match(text, /Dank je voor je antwoord!/);
    assert.match(text, /Je hebt geantwoord\. Dit is de uitslag tot nu toe\./);
    assert.match(text, new RegExp(IDEA), 'the idea is public now');
    await axe(young, page, 'youth: poll answered');

    const poll2 = tab2.locator('main section.youth-poll', { hasText: QUESTION });
    await poll2.getByLabel('Een bankje').focus();
    await tab2.keyboard.press('Space');
    const again = await enter(tab2, `main section.youth-poll:has-text("${QUESTION}") form`);
    assert.equal(again?.status(), 409);
    assert.match(await mainText(tab2), /Je hebt deze vraag al beantwoord op dit apparaat\./);

    // The youth worker makes an application of the idea for a young resident without an account.
    const staff2 = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const w = await staff2.newPage();
    assert.ok((await signIn(w, srv.url, demoEmail('professional', K.short))).ok);
    assert.equal((await w.goto(`${srv.url}/${K.slug}/beheer/jongeren`))?.status(), 200);
    const start = w
      .locator('main article.youth-idea', { hasText: IDEA })
      .locator('a[href*="fonds-bewonersinitiatieven/aanvragen?jongerenidee="]');
    await start.focus();
    await Promise.all([w.waitForNavigation(), w.keyboard.press('Enter')]);
    assert.match(await mainText(w), new RegExp(`Deze aanvraag begint bij een idee van jongeren: "${IDEA}"`));
    assert.equal(await w.locator('main [name="what"]').inputValue(), IDEA);
    await axe(staff2, w, 'apply form from a youth idea, on behalf');
    await w.locator('main #veld-whose-2').focus();
    await w.keyboard.press('Space');
    await typeInto(w, 'main [name="subject.name"]', 'Sam (16)');
    await typeInto(w, 'main [name="subject.phone"]', '06 12345678');
    await typeInto(w, 'main [name="groupName"]', 'Jongeren van de sporthal');
    await typeInto(w, 'main [name="forWhom"]', 'Jongeren uit de wijk.');
    await w.locator('main [name="areaCode"]').focus();
    await w.locator('main [name="areaCode"]').selectOption({ label: 'Oud Krimpen' });
    const day = new Date(Date.now() + 40 * 86_400_000);
    await typeInto(
      w,
      'main [name="startsOn"]',
      `${String(day.getUTCDate()).padStart(2, '0')}-${String(day.getUTCMonth() + 1).padStart(2, '0')}-${day.getUTCFullYear()}`,
    );
    await typeInto(w, 'main [name="budgetLines.0.label"]', 'Materiaal');
    await typeInto(w, 'main [name="budgetLines.0.amountCents"]', '400');
    await typeInto(w, 'main [name="requestedCents"]', '400');
    await typeInto(w, 'main [name="ownInKind"]', 'Wij bouwen zelf mee.');
    for (const [i, pc] of ['2921 AB', '2921 XY'].entries()) {
      await typeInto(w, `main [name="cosigners.${i}.displayName"]`, `Ouder ${i + 1}`);
      await typeInto(w, `main [name="cosigners.${i}.postcode"]`, pc);
    }
    const applied = await enter(w, 'main form[action$="/aanvragen"]');
    assert.equal(applied?.status(), 200, await mainText(w));
    const reference = /INI-\d{4}-\d{4}/.exec(await mainText(w))![0];
    assert.equal((await w.goto(`${srv.url}/${K.slug}/samen-doen/aanvraag/${reference}`))?.status(), 200);
    assert.match(await mainText(w), /Ingevoerd door een medewerker/);
    await staff2.close();

    // The young person sees that an application was made of the idea.
    assert.equal((await page.goto(`${srv.url}${base}/mijn`))?.status(), 200);
    assert.match(await mainText(page), /Er is een aanvraag van gemaakt\./);
    await young.close();
  });
});
