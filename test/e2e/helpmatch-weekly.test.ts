/**
 * Journey (issue 12): weekly help over three weeks, with hours per week and the requester choosing
 * the helper. A resident asks for weekly help (one-off or weekly first, the place from the
 * postcode); a volunteer says "Ik wil helpen"; the resident accepts the helper (only then the
 * volunteer sees the address); three weeks of hours are recorded by the volunteer and confirmed by
 * the resident, and the arrangement stays active; then the volunteer ends it.
 *
 * The app runs in this process with an injected clock (useTestApp's fixedClock), listening on a
 * free port, so the journey can move three weeks ahead; sessions are made for the moment the clock
 * shows. The journey runs by keyboard with JavaScript off; axe checks each page in a second
 * context with JavaScript on (axe needs it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { TestBrowser, useTestApp } from '../helpers/app.ts';
import { signInUser } from '../helpers/people.ts';
import { addMembership, createUser } from '../../src/modules/people/people.service.ts';
import { saveOffer } from '../../src/modules/helpmatch/offers/offers.service.ts';
import { actorIn } from '../../src/modules/helpmatch/actor.ts';
import { EAST, seedAreas, T } from '../../src/modules/helpmatch/test-support.ts';
import { SESSION_COOKIE } from '../../src/modules/people/auth/session.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';

let ctx: ReturnType<typeof useTestApp>;
let browser: ReturnType<typeof useBrowser>;
const base = `/${T.slug}/hulp`;
const WEEK_MS = 7 * 86_400_000;
let url = '';
let residentId = '';
let volunteerId = '';

/** The app with its injected clock, the browser, and the two people (inside the describe, so the hooks run in order). */
function setUp(): void {
  ctx = useTestApp();
  browser = useBrowser();
  before(async () => {
    const db = ctx.database.db;
    await seedAreas(db);
    // A long name and e-mail address: the contact cards must wrap them, not run over each other.
    residentId = (
      await createUser(db, {
        email: 'rita.weekhulp-vandenbergh-oosterhuizen.lange-naam@voorbeeld-gemeente-krimpenaandenijssel.example.nl',
        name: 'Rita Weekhulp-Van den Bergh-Oosterhuizenmeesterswerkplaats',
      })
    ).id;
    await addMembership(db, { tenantId: T.id, userId: residentId, organisationId: null, role: 'resident' });
    volunteerId = (await createUser(db, { email: 'vera.week@example.nl', name: 'Vera Vast' })).id;
    await addMembership(db, { tenantId: T.id, userId: volunteerId, organisationId: null, role: 'volunteer' });
    await saveOffer(
      db,
      T.id,
      actorIn(T.id, volunteerId, ['volunteer'], { now: ctx.clock.now() }),
      {
        talents: 'Boodschappen en een praatje',
        categories: ['boodschappen'],
        slots: [{ weekday: 4, from: '09:00', to: '12:00' }],
        reach: 'municipality',
        maxPerMonth: 8,
        languages: ['nl'],
        lon: EAST[0],
        lat: EAST[1],
        active: true,
      },
      ctx.clock.now(),
    );
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    for (const c of contexts) await c.close();
  });
}

const contexts: BrowserContext[] = [];

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** A JavaScript-less page signed in as the user, with a session made at the app's current moment. */
async function pageOf(userId: string): Promise<Page> {
  const client = new TestBrowser(ctx.app);
  await signInUser(ctx, client, userId, { mfa: false });
  const context = await browser.newContext({ javaScriptEnabled: false });
  contexts.push(context);
  await context.addCookies([{ name: SESSION_COOKIE, value: client.cookies.get(SESSION_COOKIE)!, url }]);
  return context.newPage();
}

/** axe on what the page shows: same address and cookies, JavaScript on. */
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

async function open(page: Page, path: string, label: string): Promise<void> {
  const res = await page.goto(url + path);
  assert.equal(res?.status(), 200, `GET ${path} (${label}) answered ${res?.status()}: ${await mainText(page)}`);
  await axe(page, label);
}

async function type(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.type(text);
}

/** Check a checkbox or radio with the keyboard. */
async function tick(box: Locator): Promise<void> {
  await box.focus();
  if (!(await box.isChecked())) await box.page().keyboard.press('Space');
  assert.ok(await box.isChecked());
}

/** Press a submit button with Enter; wait for the next page, run axe; the status. */
async function press(button: Locator, label: string): Promise<number> {
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  await axe(button.page(), label);
  return res?.status() ?? 0;
}

/** The two contact cards side by side at 1280 px and stacked at 375 px; never overlapping, nothing running out of a card. */
async function contactCardsFit(page: Page): Promise<void> {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const twin = await context.newPage();
    for (const [width, stacked] of [
      [1280, false],
      [375, true],
    ] as const) {
      await twin.setViewportSize({ width, height: 900 });
      await twin.goto(page.url());
      const cards = await twin.locator('.hm-contact-card').evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const inner = Array.from(el.querySelectorAll('dd')).some((dd) => dd.getBoundingClientRect().right > r.right + 0.5);
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, overflows: el.scrollWidth > el.clientWidth + 1 || inner };
        }),
      );
      assert.equal(cards.length, 2, `two contact cards at ${width} px`);
      const [a, b] = cards as [(typeof cards)[0], (typeof cards)[0]];
      assert.ok(!a.overflows && !b.overflows, `at ${width} px the names and e-mail addresses stay inside their card`);
      assert.ok(a.right <= b.left + 0.5 || b.top >= a.bottom - 0.5, `at ${width} px the cards do not overlap`);
      if (stacked) assert.ok(b.top >= a.bottom - 0.5, 'stacked at 375 px');
      else assert.ok(Math.abs(a.top - b.top) < 1, 'side by side at 1280 px');
    }
  } finally {
    await context.close();
  }
}

const form = (page: Page, action: string) => page.locator(`main form[action="${action}"]`);

describe('journey: weekly help over three weeks, the requester chooses the helper', () => {
  setUp();
  let requestPath = '';
  let matchPath = '';

  it('the resident asks for weekly help: one-off or weekly first, the buurt from the postcode, no coordinates', async () => {
    const page = await pageOf(residentId);
    await open(page, base, 'hulp overview (resident)');
    const ask = page.locator(`main a[href="${base}/vragen/nieuw"]`).first();
    await ask.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await axe(page, 'ask step 1');
    assert.equal(await page.locator('main input[name="summary"]').count(), 0, 'step 1 asks only one-off or weekly');
    const step1 = page.locator(`main form[method="get"]`);
    await tick(step1.locator('input[name="soort"][value="wekelijks"]'));
    assert.equal(await press(step1.locator('button[type="submit"]'), 'ask step 2 (weekly)'), 200);
    const f = page.locator(`main form[method="post"][action="${base}/vragen/nieuw"]`);
    assert.equal(await f.locator('input[name="lat"]:not([type="hidden"]), input[name="lon"]:not([type="hidden"])').count(), 0);
    assert.ok(await f.locator('input[name="date"]').isHidden(), 'the one-off fields are not shown for weekly help');
    await f.locator('select[name="category"]').focus();
    await f.locator('select[name="category"]').selectOption('boodschappen');
    await type(f.locator('input[name="summary"]'), 'Elke donderdag samen boodschappen doen');
    await tick(f.locator('input[name="slots"][value="4-ochtend"]'));
    await type(f.locator('input[name="postcode"]'), '2922 AB');
    await type(f.locator('input[name="address"]'), 'Weekstraat 4');
    assert.match(await mainText(page), /Ik ben kwetsbaar/, 'phrased for someone asking for themselves');
    assert.equal(await press(f.locator('button[type="submit"]'), 'weekly request created'), 200);
    const text = await mainText(page);
    assert.match(text, /Uw hulpvraag is verstuurd/);
    assert.match(text, /Elke week/);
    requestPath = new URL(page.url()).pathname;
    assert.match(requestPath, new RegExp(`^${base}/vragen/[0-9a-f-]{36}$`));
  });

  it('the volunteer says yes; the address stays hidden until the resident accepts the helper', async () => {
    const vol = await pageOf(volunteerId);
    await open(vol, requestPath, 'request page (volunteer)');
    assert.equal(await press(form(vol, `${requestPath}/reageren`).locator('button'), 'volunteer said yes'), 200);
    matchPath = new URL(vol.url()).pathname;
    assert.match(matchPath, new RegExp(`^${base}/match/[0-9a-f-]{36}$`));
    assert.match(await mainText(vol), /De hulpvrager kiest nu/);
    assert.ok(!(await mainText(vol)).includes('Weekstraat 4'), 'no address before the resident chooses');

    const res = await pageOf(residentId);
    await open(res, requestPath, 'request page with the reply (resident)');
    const link = res.locator(`main a[href="${matchPath}"]`);
    await link.focus();
    await Promise.all([res.waitForNavigation(), res.keyboard.press('Enter')]);
    await axe(res, 'match page: the resident chooses');
    assert.match(await mainText(res), /Wilt u hulp van Vera\?/);
    assert.equal(await press(form(res, `${matchPath}/kiezen`).locator('button'), 'helper accepted'), 200);
    assert.match(await mainText(res), /U heeft ja gezegd tegen de helper/);

    await open(vol, matchPath, 'match page after the choice (volunteer)');
    assert.ok((await mainText(vol)).includes('Weekstraat 4'), 'now the volunteer sees the address');
    await contactCardsFit(vol);
  });

  it('three weeks of hours, each confirmed by the resident; the weekly help stays active', async () => {
    for (let week = 1; week <= 3; week++) {
      if (week > 1) ctx.clock.advance(WEEK_MS);
      const vol = await pageOf(volunteerId);
      await open(vol, matchPath, `week ${week}: match page (volunteer)`);
      const hours = form(vol, `${matchPath}/uren`);
      await hours.locator('select[name="week"]').focus();
      await type(hours.locator('input[name="hours"]'), '1,5');
      assert.equal(await press(hours.locator('button[type="submit"]'), `week ${week}: hours recorded`), 200);
      assert.match(await mainText(vol), /De uren zijn doorgegeven/);

      const res = await pageOf(residentId);
      await open(res, matchPath, `week ${week}: match page (resident)`);
      const confirm = form(res, `${matchPath}/week-bevestigen`);
      assert.equal(await confirm.count(), 1, 'one week waits for the resident');
      assert.equal(await press(confirm.locator('button'), `week ${week}: hours confirmed`), 200);
      const text = await mainText(res);
      assert.match(text, /De vaste hulp gaat gewoon door/);
      assert.match(text, /Afgesproken/, `still active after week ${week}`);
      assert.match(text, new RegExp(`Samen bevestigd: ${['1,50', '3,00', '4,50'][week - 1]} uur`));
    }
    const res = await pageOf(residentId);
    await open(res, requestPath, 'request page after three weeks');
    assert.match(await mainText(res), /Er is een helper/);
    await open(res, `${base}/uren`, 'hours ledger (resident)');
    assert.match(await mainText(res), /4,5/);
  });

  it('one side (the volunteer) ends the weekly help', async () => {
    const vol = await pageOf(volunteerId);
    await open(vol, matchPath, 'match page before ending');
    assert.equal(await press(form(vol, `${matchPath}/beeindigen`).locator('button'), 'weekly help ended'), 200);
    const text = await mainText(vol);
    assert.match(text, /De vaste hulp is beëindigd/);
    assert.match(text, /Stand Klaar/);
    assert.equal(await form(vol, `${matchPath}/uren`).count(), 0, 'no more hours after the end');
  });
});
