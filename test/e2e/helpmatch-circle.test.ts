/**
 * Journey "a care circle shares a task", by keyboard and without JavaScript, axe on every page:
 * a resident creates a circle and invites a volunteer by e-mail; the administrator reads the
 * invitation link in the outbox (demo mode, no SMTP); the volunteer signs in, accepts, takes this
 * week's task, reports it done with 1,5 hours, and sees the hours on /{tenant}/hulp/uren.
 */
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const base = `/${KRIMPEN.slug}/hulp/kring`;
const OWNER = demoEmail('bewoner', 'krimpen');
const MEMBER = demoEmail('vrijwilliger', 'krimpen');
const PERSON = 'Mevrouw De Vries (demo)';

const step = (what: string) => {
  if (process.env.E2E_PROGRESS) appendFileSync(process.env.E2E_PROGRESS, `${new Date().toISOString()} ${what}\n`);
};

/**
 * axe needs JavaScript in the page, the journey runs without: the page the user sees now is
 * opened again (GET, same cookies) in a context with JavaScript, and axe runs there.
 */
async function axe(page: Page, label: string): Promise<void> {
  step(`axe ${label}`);
  const context = await browser.newContext({ storageState: await page.context().storageState() });
  try {
    const copy = await context.newPage();
    await copy.goto(page.url());
    await expectNoSeriousAxeViolations(copy, label);
  } finally {
    await context.close();
  }
}

async function open(page: Page, path: string, label: string, status = 200): Promise<void> {
  step(`open ${label}`);
  const res = await page.goto(srv.url + path);
  assert.equal(res?.status(), status, `GET ${path} (${label}) answered ${res?.status()}: ${await mainText(page)}`);
  await axe(page, label);
}

async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

/** Type into a field with the keyboard (focus, then keys). */
async function type(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.press('ControlOrMeta+a');
  await field.page().keyboard.type(text);
}

/** Activate a button with Enter and wait for the next page; returns its status. */
async function press(button: Locator, label: string): Promise<number> {
  step(`press ${label}`);
  await button.focus();
  const [res] = await Promise.all([button.page().waitForNavigation(), button.page().keyboard.press('Enter')]);
  await axe(button.page(), label);
  return res?.status() ?? 0;
}

function form(page: Page, action: string): Locator {
  return page.locator(`main form[action="${action}"]`);
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return context.newPage();
}

describe('journey: a care circle shares a task', () => {
  it('create, invite, accept, take, done with hours, hours in the ledger', async () => {
    // --- the owner creates the circle ---
    const owner = await newPage();
    const s1 = await signIn(owner, srv.url, OWNER);
    assert.ok(s1.ok, JSON.stringify(s1));
    await open(owner, base, 'circle list (owner)');
    const create = owner.locator(`main a[href="${base}/nieuw"]`);
    await create.focus();
    await Promise.all([owner.waitForNavigation(), owner.keyboard.press('Enter')]);
    await axe(owner, 'new circle form');
    const newForm = form(owner, `${base}/nieuw`);
    await type(newForm.locator('input[name="personName"]'), PERSON);
    await newForm.locator('select[name="createdAs"]').focus();
    await newForm.locator('select[name="createdAs"]').selectOption('carer');
    await type(newForm.locator('textarea[name="personDetails"]'), 'Woont op de tweede verdieping. Bel twee keer.');
    assert.equal(await press(newForm.locator('button[type="submit"]'), 'circle created: members page'), 200);
    const membersPath = new URL(owner.url()).pathname;
    assert.match(membersPath, new RegExp(`^${base}/[0-9a-f-]{36}/leden$`));
    const circlePath = membersPath.replace(/\/leden$/, '');
    assert.match(await mainText(owner), /De zorgkring is gemaakt/);

    // --- the owner invites the volunteer ---
    const invite = form(owner, `${circlePath}/uitnodigen`);
    await type(invite.locator('input[name="email"]'), MEMBER);
    await type(invite.locator('input[name="name"]'), 'Vrijwilliger');
    assert.equal(await press(invite.locator('button[type="submit"]'), 'invitation sent'), 200);
    assert.match(await mainText(owner), /De uitnodiging is verstuurd/);

    // --- the administrator reads the link in the outbox ---
    const admin = await newPage();
    const s2 = await signIn(admin, srv.url, demoEmail('beheerder', 'krimpen'));
    assert.ok(s2.ok, JSON.stringify(s2));
    await open(admin, `/${KRIMPEN.slug}/beheer/mail`, 'outbox');
    const row = admin.locator('main table tbody tr', { hasText: MEMBER }).first();
    const href = await row.locator('a').first().getAttribute('href');
    assert.ok(href, 'a mail to the volunteer in the outbox');
    await open(admin, href, 'invitation mail');
    const text = await admin.locator('main pre.mail-text').innerText();
    const link = new RegExp(`https?://[^\\s/]+(${base}/uitnodiging/[A-Za-z0-9_-]+)`).exec(text)?.[1];
    assert.ok(link, `the mail holds the invitation link:\n${text}`);

    // --- the volunteer accepts ---
    const member = await newPage();
    await open(member, link, 'invitation (not signed in)');
    assert.match(await mainText(member), /Log in met het account van dit e-mailadres/);
    const s3 = await signIn(member, srv.url, MEMBER);
    assert.ok(s3.ok, JSON.stringify(s3));
    await open(member, link, 'invitation (signed in)');
    assert.equal(await press(form(member, link).locator('button[type="submit"]'), 'circle after accepting'), 200);
    assert.equal(new URL(member.url()).pathname, circlePath);
    assert.match(await mainText(member), /Welkom in de zorgkring/);
    assert.match(await mainText(member), /tweede verdieping/);

    // --- the owner shares a weekly task from today ---
    await open(owner, circlePath, 'circle overview (owner)');
    const task = form(owner, `${circlePath}/taken`);
    await type(task.locator('input[name="title"]'), 'Boodschappen doen');
    await task.locator('select[name="recurrence"]').selectOption('weekly');
    await type(task.locator('input[name="timeOfDay"]'), '10:00');
    assert.equal(await press(task.locator('button[type="submit"]'), 'task added'), 200);
    assert.match(await mainText(owner), /Nog open deze week: 1/);

    // --- the volunteer takes it and reports it done with hours ---
    await open(member, circlePath, 'circle overview (member)');
    const take = member.locator(`main form[action$="/oppakken"] button`).first();
    assert.equal(await press(take, 'task taken'), 200);
    assert.match(await mainText(member), /U doet deze taak/);
    const manage = member.locator('main a', { hasText: 'Gedaan melden of teruggeven' }).first();
    await manage.focus();
    await Promise.all([member.waitForNavigation(), member.keyboard.press('Enter')]);
    await axe(member, 'turn page');
    const done = member.locator('main form[action$="/gedaan"]');
    await type(done.locator('input[name="hours"]'), '1,5');
    assert.equal(await press(done.locator('button[type="submit"]'), 'task done'), 200);
    assert.match(await mainText(member), /gedaan, 1,5 uur/);
    assert.match(await mainText(member), /Nog open deze week: 0/);

    // --- the hours show in the ledger ---
    await open(member, `/${KRIMPEN.slug}/hulp/uren`, 'my hours (member)');
    assert.equal((await member.locator('[data-testid="uren-gegeven"]').innerText()).trim(), '1,5 uur');
    await open(owner, circlePath, 'circle overview after the task (owner)');
    assert.match(await mainText(owner), /al 1,5 uur geholpen/);
    await open(owner, `${circlePath}/leden`, 'members (owner)');
    assert.match(await mainText(owner), /Vrijwilliger/);
  });
});
