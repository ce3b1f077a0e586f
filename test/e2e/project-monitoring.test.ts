/**
 * Standardised project monitoring journey (issue 14, Krimpen §10), by keyboard without JavaScript,
 * every page checked with axe (in a twin context with JavaScript, which axe needs): the
 * coordinator makes codes for a project card; a resident fills in the expectations form with a
 * code (at 375 px) and cannot use the code twice; the effects form is refused before the project's
 * end date; after the end date on the app's simulated clock the resident fills it in, and the
 * coordinator sees expectations and effects side by side on the card's monitoring page. The
 * consultation and subsidy pages get the same axe check.
 *
 * The app runs in this process with useTestApp's fixed clock (as helpmatch-weekly), listening on a
 * free port, so the journey can move past the end date.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { TestBrowser, useTestApp } from '../helpers/app.ts';
import { signInUser } from '../helpers/people.ts';
import { KRIMPEN, buildTenant } from '../helpers/factories.ts';
import { addMembership, createUser } from '../../src/modules/people/people.service.ts';
import { SESSION_COOKIE } from '../../src/modules/people/auth/session.ts';
import { makeInvitations, submitMonitoring } from '../../src/modules/programmes/monitoring/monitoring.service.ts';
import { buildProgrammeWithProject, fullAnswers, principal } from '../../src/modules/programmes/monitoring/monitoring.test-support.ts';
import { addAgendaItem, createForum, planMeeting, recordItem } from '../../src/modules/programmes/consult/consult.service.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';

let ctx: ReturnType<typeof useTestApp>;
let browser: ReturnType<typeof useBrowser>;
let url = '';
let coordinatorId = '';
let cardPath = '';
const contexts: BrowserContext[] = [];
const respond = `/${KRIMPEN.slug}/projectmonitor`;

function setUp(): void {
  ctx = useTestApp();
  browser = useBrowser();
  before(async () => {
    const db = ctx.database.db;
    await buildTenant(db, KRIMPEN);
    const { projectId, slug } = await buildProgrammeWithProject(db, KRIMPEN.id, { plannedEnd: '2026-12-31', slug: 'oog-en-oor' });
    cardPath = `/${KRIMPEN.slug}/programmas/${slug}/projecten/${projectId}/monitoring`;
    coordinatorId = (await createUser(db, { email: 'coordinator@krimpen.example', name: 'Coördinator' })).id;
    await addMembership(db, { tenantId: KRIMPEN.id, userId: coordinatorId, organisationId: null, role: 'coordinator' });
    // Four residents answered each form already (so that, with the journey's answers, each phase has 5 and is shown).
    const p = (now: Date) => principal(KRIMPEN.id, now, ['coordinator']);
    for (const [phase, now, v] of [
      ['expectation', new Date('2026-11-20T10:00:00Z'), '4'],
      ['effect', new Date('2027-01-02T10:00:00Z'), '3'],
    ] as const) {
      const codes = await makeInvitations(db, p(now), {
        tenantId: KRIMPEN.id,
        projectId,
        phase,
        role: 'resident',
        kind: 'paper',
        count: 4,
      });
      for (const code of codes) {
        await submitMonitoring(db, p(now), { tenantId: KRIMPEN.id, code, paper: true, body: fullAnswers(phase, v), locale: 'nl' });
      }
    }
    url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    for (const c of contexts) await c.close();
  });
}

const mainText = async (page: Page) => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

async function newPage(opts: { userId?: string; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    ...(opts.width ? { viewport: { width: opts.width, height: 800 } } : {}),
  });
  contexts.push(context);
  if (opts.userId) {
    const client = new TestBrowser(ctx.app);
    await signInUser(ctx, client, opts.userId, { mfa: true });
    await context.addCookies([{ name: SESSION_COOKIE, value: client.cookies.get(SESSION_COOKIE)!, url }]);
  }
  return context.newPage();
}

async function axe(page: Page, label: string): Promise<void> {
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const twin = await context.newPage();
    await twin.setViewportSize(page.viewportSize() ?? { width: 1280, height: 800 });
    // A page shown after a POST cannot be fetched again by its address: axe what the browser shows,
    // written into a page of the same site (so its stylesheet loads as on the real page).
    await twin.goto(url + respond);
    await twin.setContent(await page.content(), { waitUntil: 'load' });
    await expectNoSeriousAxeViolations(twin, label);
    const width = twin.viewportSize()!.width;
    const used = await twin.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(used <= width, `${label}: the page is ${used} px wide at ${width} px`);
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

/** Press a form's submit button with Enter; wait for the next page, run axe; the status. */
async function press(form: Locator, label: string): Promise<number> {
  const button = form.locator('button[type="submit"]').last();
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  await axe(button.page(), label);
  return res?.status() ?? 0;
}

/** Make one code for a phase on the card's monitoring page, by keyboard; returns it as printed. */
async function makeCode(phase: 'expectation' | 'effect'): Promise<string> {
  const page = await newPage({ userId: coordinatorId });
  await open(page, cardPath, 'card monitoring page');
  const form = page.locator(`main form[action="${cardPath}/codes"]`);
  await form.locator('select[name="phase"]').focus();
  await form.locator('select[name="phase"]').selectOption(phase);
  await type(form.locator('input[name="count"]'), '1');
  assert.equal(await press(form, `codes made (${phase})`), 200);
  assert.match(await mainText(page), /U ziet deze codes alleen nu/);
  const code = (await page.locator('.sv-code').innerText()).trim();
  assert.match(code, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  return code;
}

/** A resident types the code; returns the page (the form, or the code page with a message) and the status. */
async function enterCode(code: string): Promise<{ page: Page; status: number }> {
  const page = await newPage({ width: 375 });
  await open(page, respond, 'code page');
  const form = page.locator(`main form[action="${respond}/code"]`);
  await type(form.locator('input[name="code"]'), code);
  return { page, status: await press(form, 'after the code') };
}

async function answer(page: Page, values: Record<string, string>, open: string): Promise<number> {
  const form = page.locator(`main form[action="${respond}/antwoorden"]`);
  for (const [name, v] of Object.entries(values)) {
    const radio = form.locator(`input[name="${name}"][value="${v}"]`);
    await radio.focus();
    await page.keyboard.press('Space');
    assert.ok(await radio.isChecked(), `${name} = ${v}`);
  }
  await type(form.locator('textarea[name="open"]'), open);
  return press(form, 'answers sent');
}

describe('project monitoring journey (no JavaScript, keyboard, axe, simulated clock)', () => {
  setUp();
  let expectationCode = '';
  let effectCode = '';

  it('a resident fills in the expectations with a code, once', async () => {
    expectationCode = await makeCode('expectation');
    effectCode = await makeCode('effect');
    const { page, status } = await enterCode(expectationCode.toLowerCase());
    assert.equal(status, 200);
    assert.match(await mainText(page), /Verwachting \(bij de start\): Samen koken/);
    assert.equal(
      await answer(page, { added: '5', contact: '4', participation: '4', meaning: '5' }, 'Dat buren elkaar beter leren kennen'),
      200,
    );
    assert.equal(new URL(page.url()).pathname, `${respond}/bedankt`);
    assert.match(await mainText(page), /Uw antwoorden zijn bewaard/);

    const again = await enterCode(expectationCode);
    assert.equal(again.status, 409);
    assert.match(await mainText(again.page), /Met deze code is het formulier al ingevuld/);
  });

  it('refuses the effects form before the end date, and takes it after the end date on the clock', async () => {
    const early = await enterCode(effectCode);
    assert.equal(early.status, 409);
    assert.match(await mainText(early.page), /Het project is nog niet afgelopen \(einddatum 2026-12-31\)/);

    ctx.clock.set('2027-01-04T09:00:00Z');
    const { page, status } = await enterCode(effectCode);
    assert.equal(status, 200);
    assert.match(await mainText(page), /Effect \(na afloop\): Samen koken/);
    assert.equal(
      await answer(
        page,
        { added: '3', contact: '3', participation: '2', meaning: '4', expectations_met: '3' },
        'Minder dan gehoopt, wel nieuwe contacten',
      ),
      200,
    );
    assert.match(await mainText(page), /Uw antwoorden zijn bewaard/);
  });

  it('the coordinator sees expectations and effects side by side on the card', async () => {
    const page = await newPage({ userId: coordinatorId });
    await open(page, cardPath, 'card monitoring page with results');
    const table = page.locator('section[aria-labelledby="pm-results"] table');
    const row = async (question: string, group: string) =>
      (
        await table
          .locator('tr', { has: page.locator(`th:text-is("${question}")`) })
          .filter({ hasText: group })
          .first()
          .innerText()
      ).replace(/\s+/g, ' ');
    assert.match(await mainText(page), /Antwoorden: 5 bij de start, 5 na afloop\./);
    // Expectation 4,4,4,4,5 → 4,2; effect 3,3,3,3,3 → 3,0.
    assert.match(await row('Voegt iets toe', 'Iedereen'), /4,2 \(n = 5\)\s*3,0 \(n = 5\)/);
    assert.match(await row('Voegt iets toe', 'Bewoners'), /4,2 \(n = 5\)\s*3,0 \(n = 5\)/);
    assert.match(await row('Voegt iets toe', 'Professionals'), /– \(n = 0\)\s*– \(n = 0\)/);
    assert.match(await row('Verwachtingen uitgekomen', 'Iedereen'), /niet gevraagd\s*3,0 \(n = 5\)/);
    assert.match(await mainText(page), /Dat buren elkaar beter leren kennen/);
    assert.match(await mainText(page), /Minder dan gehoopt, wel nieuwe contacten/);
  });

  it('the consultation and subsidy pages are axe-clean too', async () => {
    const db = ctx.database.db;
    const p = principal(KRIMPEN.id, ctx.clock.now(), ['coordinator']);
    const forum = await createForum(db, p, KRIMPEN.id, {
      name: 'Werkgroep',
      kind: 'working_group',
      rhythmMonths: 2,
      description: 'Elke twee maanden',
    });
    const meeting = await planMeeting(db, p, KRIMPEN.id, forum, '2027-01-20');
    await addAgendaItem(db, p, KRIMPEN.id, forum, meeting, { kind: 'other', ref: '', title: 'Voortgang van de projecten' });
    await recordItem(db, p, KRIMPEN.id, forum, meeting, {
      kind: 'action',
      text: 'Evaluatie plannen',
      ownerRole: 'wijkcoördinator',
      dueOn: '2027-01-01',
    });
    const page = await newPage({ userId: coordinatorId });
    const base = `/${KRIMPEN.slug}/beheer/overleggen`;
    for (const [path, label] of [
      [base, 'forums'],
      [`${base}/${forum}`, 'a forum'],
      [`${base}/${forum}/vergaderingen/${meeting}`, 'a meeting'],
      [`/${KRIMPEN.slug}/beheer/subsidies/nieuw`, 'new subsidy proposal'],
    ] as const) {
      await open(page, path, label);
    }
    assert.match(await mainText(page), /Voorstel indienen/);
  });
});
