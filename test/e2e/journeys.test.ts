/**
 * Pages a crawler cannot reach: everything behind a mailed link (registration, sign-in link,
 * password reset, invitation), the second step of a staff sign-in, setting up two-step sign-in,
 * deleting an account, and the error pages (401, 403, mfa_required, 404). Every page visited is
 * checked with axe. Mail is read the way an administrator reads it without SMTP: in the outbox of
 * the municipality at /{tenant}/beheer/mail.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import type { Page, Response } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { DEMO_PASSWORD, demoTotpCode, expectNoSeriousAxeViolations, isSignedIn, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';
import { codeAction, formAt, h1, mainText, pathOf, submit } from './helpers/pages.ts';

const srv = useServer();
const browser = useBrowser();

const tenant = (short: string) => {
  const t = DEMO_TENANTS.find((x) => x.short === short);
  assert.ok(t, `demo tenant ${short}`);
  return t;
};
const KRIMPEN = tenant('krimpen');
const GRONINGEN = tenant('groningen');

/** Open a page, check its status and run axe on it. */
async function open(page: Page, path: string, label: string, status = 200): Promise<Response> {
  const res = await page.goto(srv.url + path);
  assert.ok(res, `GET ${path} gave no response`);
  assert.equal(res.status(), status, `GET ${path} (${label}) answered ${res.status()}, expected ${status}; now at ${page.url()}`);
  await expectNoSeriousAxeViolations(page, label);
  return res;
}

// --- staff sign-in with the second step --------------------------------------------------------

/** The TOTP step last used per account: a code is accepted only once per 30-second step. */
const lastStep = new Map<string, number>();

async function freshDemoCode(email: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (lastStep.get(email) === step) {
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 200));
    step = Math.floor(Date.now() / 30_000);
  }
  lastStep.set(email, step);
  return demoTotpCode(step * 30_000 + 1_000);
}

/** Sign in a demo staff account through /aanmelden and /aanmelden/tweestaps, with axe on both. */
async function staffSignIn(page: Page, email: string, who: string): Promise<void> {
  await open(page, '/aanmelden', `${who}: sign-in page`);
  const form = formAt(page, '/aanmelden');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  const res = await submit(page, '/aanmelden');
  assert.equal(
    new URL(page.url()).pathname,
    '/aanmelden/tweestaps',
    `${who}: after the password comes the second step (now at ${page.url()})`,
  );
  assert.equal(res?.status(), 200);
  assert.equal(await isSignedIn(page), false, `${who}: not signed in before the code`);
  await expectNoSeriousAxeViolations(page, `${who}: second step (code)`);
  await formAt(page, await codeAction(page))
    .locator('input[name="code"]')
    .fill(await freshDemoCode(email));
  await submit(page, await codeAction(page));
  assert.ok(await isSignedIn(page), `${who}: signed in after the code (now at ${page.url()}): ${await mainText(page)}`);
}

/** One signed-in administrator per municipality for the whole file (each signs in once). */
const admins = new Map<string, Page>();

async function adminOf(t: { short: string }): Promise<Page> {
  const known = admins.get(t.short);
  if (known) return known;
  const context = await browser.newContext();
  const page = await context.newPage();
  await staffSignIn(page, demoEmail('beheerder', t.short), `beheerder.${t.short}`);
  admins.set(t.short, page);
  return page;
}

// --- the outbox ---------------------------------------------------------------------------------

interface OutboxRow {
  to: string;
  subject: string;
  href: string;
}

/** The rows of the outbox (newest first), as the administrator sees them; axe on the list. */
async function outbox(admin: Page, slug: string, label: string): Promise<OutboxRow[]> {
  await open(admin, `/${slug}/beheer/mail`, `${label}: outbox`);
  return admin.$$eval('main table tbody tr', (rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll('td');
      const a = r.querySelector('a');
      return { to: (cells[1]?.textContent ?? '').trim(), subject: (a?.textContent ?? '').trim(), href: a?.getAttribute('href') ?? '' };
    }),
  );
}

/**
 * The administrator opens the newest mail to `to` in the outbox and reads the link in it that
 * starts with `linkPath` (e.g. /aanmelden/link/). Returns the path of that link on this server.
 */
async function linkFromOutbox(t: { short: string; slug: string }, to: string, linkPath: string, label: string): Promise<string> {
  const admin = await adminOf(t);
  const rows = await outbox(admin, t.slug, label);
  const row = rows.find((r) => r.to.toLowerCase() === to.toLowerCase());
  assert.ok(row, `${label}: a mail to ${to} in the outbox of ${t.slug}; found mails to: ${rows.map((r) => r.to).join(', ') || 'none'}`);
  await open(admin, row.href, `${label}: mail "${row.subject}"`);
  const text = await admin.locator('main pre.mail-text').innerText();
  const match = new RegExp(`https?://[^\\s/]+(${linkPath.replace(/\//g, '\\/')}[A-Za-z0-9_-]+)`).exec(text);
  assert.ok(match?.[1], `${label}: the mail to ${to} contains a link ${linkPath}…; text:\n${text}`);
  return match[1];
}

async function mailsTo(t: { short: string; slug: string }, to: string, label: string): Promise<number> {
  const rows = await outbox(await adminOf(t), t.slug, label);
  return rows.filter((r) => r.to.toLowerCase() === to.toLowerCase()).length;
}

// --- invitations --------------------------------------------------------------------------------

/** Path of the organisation Stips in Groningen, found by following its link on the organisations page. */
let stipsPath = '';

async function inviteIntoStips(email: string, name: string, role: 'professional' | 'coordinator'): Promise<string> {
  const admin = await adminOf(GRONINGEN);
  if (!stipsPath) {
    await open(admin, `/${GRONINGEN.slug}/beheer/organisaties`, 'organisations');
    const link = admin.locator('main a', { hasText: /^\s*Stips\s*$/ });
    assert.equal(await link.count(), 1, 'one link to Stips on the organisations page');
    await Promise.all([admin.waitForNavigation(), link.click()]);
    stipsPath = new URL(admin.url()).pathname;
    assert.match(stipsPath, new RegExp(`^/${GRONINGEN.slug}/beheer/organisaties/[^/]+$`));
    await expectNoSeriousAxeViolations(admin, 'organisation Stips');
  } else {
    await open(admin, stipsPath, 'organisation Stips');
  }
  const action = `${stipsPath}/uitnodigen`;
  const form = formAt(admin, action);
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('select[name="role"]').selectOption(role);
  const res = await submit(admin, action);
  assert.equal(res?.status(), 200, `inviting ${email}: ${await mainText(admin)}`);
  assert.equal(pathOf(admin), `${stipsPath}?melding=uitnodiging-verstuurd`, `inviting ${email} returns to the organisation with a notice`);
  await expectNoSeriousAxeViolations(admin, 'organisation Stips after inviting');
  return linkFromOutbox(GRONINGEN, email, '/uitnodiging/', `invitation of ${email}`);
}

/** Accept an invitation as a new user: name and password twice; ends on /account/tweestaps. */
async function acceptInvitation(page: Page, invitationPath: string, name: string, password: string, who: string): Promise<void> {
  await open(page, invitationPath, `${who}: invitation`);
  const form = formAt(page, invitationPath);
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('input[name="password2"]').fill(password);
  const res = await submit(page, invitationPath);
  assert.equal(
    new URL(page.url()).pathname,
    '/account/tweestaps',
    `${who}: accepting the invitation leads to two-step set-up (now at ${page.url()}: ${await mainText(page)})`,
  );
  assert.equal(res?.status(), 200);
  assert.ok(await isSignedIn(page), `${who}: signed in after accepting`);
}

const newPassword = () => `Samenhang-${randomBytes(6).toString('hex')}`;

describe('journeys', () => {
  it('a staff sign-in asks the second step on /aanmelden/tweestaps, also after a wrong code', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = demoEmail('coordinator', GRONINGEN.short);
    await open(page, '/aanmelden', 'coordinator: sign-in page');
    const form = formAt(page, '/aanmelden');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await submit(page, '/aanmelden');
    assert.equal(new URL(page.url()).pathname, '/aanmelden/tweestaps');
    await expectNoSeriousAxeViolations(page, 'coordinator: second step (code)');
    const code = formAt(page, await codeAction(page)).locator('input[name="code"]');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    assert.ok((await page.locator(`label[for="${await code.getAttribute('id')}"]`).count()) === 1, 'the code field has a label');

    // Not the current code (nor one of the neighbouring steps a server may accept).
    const near = [-1, 0, 1].map((d) => demoTotpCode(Date.now() + d * 30_000));
    let wrong = '000000';
    while (near.includes(wrong)) wrong = String(Number(wrong) + 1).padStart(6, '0');
    await code.fill(wrong);
    const res = await submit(page, await codeAction(page));
    assert.equal(res?.status(), 401, 'a wrong code answers 401 (the code did not prove who you are)');
    assert.equal(await isSignedIn(page), false);
    assert.ok((await page.locator('.error-summary, [role="alert"]').count()) > 0, 'a wrong code shows an error summary');
    await expectNoSeriousAxeViolations(page, 'coordinator: second step with a wrong code');

    await formAt(page, await codeAction(page))
      .locator('input[name="code"]')
      .fill(await freshDemoCode(email));
    await submit(page, await codeAction(page));
    assert.ok(await isSignedIn(page), `signed in after the right code: ${await mainText(page)}`);
    await context.close();
  });

  it('a resident registers without a password, signs in by mailed link, downloads and deletes the account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = 'nieuwe.bewoner@example.nl';

    await open(page, '/registreren', 'registration');
    const form = formAt(page, '/registreren');
    await form.locator('input[name="name"]').fill('Nieuwe Bewoner');
    await form.locator('input[name="email"]').fill(email);
    await form.locator('select[name="tenant"]').selectOption(KRIMPEN.id);
    let res = await submit(page, '/registreren');
    assert.equal(res?.status(), 200, `registration answered ${res?.status()}: ${await mainText(page)}`);
    assert.match(await h1(page), /Kijk in uw e-mail/);
    await expectNoSeriousAxeViolations(page, 'registration: check your mail');

    const linkPath = await linkFromOutbox(KRIMPEN, email, '/aanmelden/link/', 'registration mail');

    await open(page, linkPath, 'sign-in link: confirm');
    assert.equal(await isSignedIn(page), false, 'opening the link alone does not sign in');
    res = await submit(page, linkPath);
    assert.equal(res?.status(), 200);
    assert.ok(await isSignedIn(page), `signed in after confirming the link (now at ${page.url()})`);

    await open(page, '/account', 'account of the new resident');
    assert.ok((await mainText(page)).includes(email), '/account shows the e-mail address');
    const download = page.locator('main a[href="/account/mijn-gegevens.json"]');
    assert.equal(await download.count(), 1, 'a download link on /account');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    assert.equal(file.suggestedFilename(), 'mijn-gegevens.json');
    const filePath = await file.path();
    const body = await readFile(filePath, 'utf8');
    const data: unknown = JSON.parse(body);
    assert.ok(JSON.stringify(data).includes(email), `the download contains the e-mail address; got ${body.slice(0, 300)}`);
    const direct = await context.request.get(`${srv.url}/account/mijn-gegevens.json`);
    assert.equal(direct.status(), 200);
    assert.match(direct.headers()['content-type'] ?? '', /^application\/json/);

    await Promise.all([page.waitForNavigation(), page.locator('main a[href="/account/verwijderen"]').click()]);
    assert.equal(new URL(page.url()).pathname, '/account/verwijderen');
    await expectNoSeriousAxeViolations(page, 'delete account');
    await formAt(page, '/account/verwijderen').locator('input[name="confirmEmail"]').fill(email);
    res = await submit(page, '/account/verwijderen');
    assert.equal(new URL(page.url()).pathname, '/account/verwijderd', `after deleting (now at ${page.url()}: ${await mainText(page)})`);
    assert.equal(res?.status(), 200);
    assert.match(await page.locator('main [role="status"]').innerText(), /verwijderd/);
    await expectNoSeriousAxeViolations(page, 'account deleted');
    assert.equal(await isSignedIn(page), false, 'signed out after deleting the account');
    await open(page, '/account', 'account after deleting (sign-in needed)', 401);

    // The address is gone: asking for a sign-in link gives the same answer, and no mail.
    const before = await mailsTo(KRIMPEN, email, 'after deleting');
    await open(page, '/aanmelden/link', 'sign-in link request');
    await formAt(page, '/aanmelden/link').locator('input[name="email"]').fill(email);
    res = await submit(page, '/aanmelden/link');
    assert.equal(res?.status(), 200);
    assert.match(await h1(page), /Kijk in uw e-mail/);
    await expectNoSeriousAxeViolations(page, 'sign-in link request: check your mail');
    assert.equal(
      await mailsTo(KRIMPEN, email, 'after a link request for a deleted account'),
      before,
      `no new mail to ${email} after its account was deleted`,
    );
    await context.close();
  });

  it('a volunteer resets the password with a mailed link; the used link shows an error page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = demoEmail('vrijwilliger', GRONINGEN.short);
    const password = newPassword();

    await open(page, '/wachtwoord-vergeten', 'forgotten password');
    await formAt(page, '/wachtwoord-vergeten').locator('input[name="email"]').fill(email);
    let res = await submit(page, '/wachtwoord-vergeten');
    assert.equal(res?.status(), 200);
    assert.match(await h1(page), /Kijk in uw e-mail/);
    await expectNoSeriousAxeViolations(page, 'forgotten password: check your mail');

    const linkPath = await linkFromOutbox(GRONINGEN, email, '/wachtwoord-herstellen/', 'reset mail');
    await open(page, linkPath, 'new password');
    const form = formAt(page, linkPath);
    await form.locator('input[name="password"]').fill(password);
    await form.locator('input[name="password2"]').fill(password);
    res = await submit(page, linkPath);
    assert.equal(res?.status(), 200);
    assert.equal(
      new URL(page.url()).pathname,
      `/${GRONINGEN.slug}/`,
      `after a new password: her municipality's home page (now at ${page.url()})`,
    );
    assert.ok(await isSignedIn(page), 'signed in after setting a new password');
    await expectNoSeriousAxeViolations(page, 'start page after password reset');

    await open(page, linkPath, 'used reset link', 400);
    assert.match(await mainText(page), /werkt niet meer/, 'the used link explains that it no longer works');
    assert.equal(await page.locator('main a[href="/wachtwoord-vergeten"]').count(), 1, 'the error page links to a new request');
    await context.close();

    const again = await browser.newContext();
    const other = await again.newPage();
    const withNew = await signIn(other, srv.url, email, password);
    assert.ok(withNew.ok, `the new password works: ${withNew.ok ? '' : withNew.reason}`);
    await again.close();
  });

  it('an invited professional creates an account and sets up two-step sign-in', async () => {
    const email = 'nieuw.professional@example.nl';
    const invitationPath = await inviteIntoStips(email, 'Nieuwe Professional', 'professional');
    const context = await browser.newContext();
    const page = await context.newPage();
    await acceptInvitation(page, invitationPath, 'Nieuwe Professional', newPassword(), 'professional');
    await expectNoSeriousAxeViolations(page, 'professional: two-step set-up');

    // Without the second step, a professional has no admin role here: a plain 403.
    await open(page, `/${GRONINGEN.slug}/beheer/gebruikers`, 'users page as a professional (403)', 403);
    assert.match(await h1(page), /Geen toegang/);

    await open(page, '/account/tweestaps', 'professional: two-step set-up');
    assert.equal(await page.locator('main img.totp-qr').count(), 1, 'a QR code');
    const secret = (await page.locator('main code.totp-secret').innerText()).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/, `the secret is shown as base32 text, got "${secret}"`);
    const code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate();
    await formAt(page, '/account/tweestaps').locator('input[name="code"]').fill(code);
    const res = await submit(page, '/account/tweestaps');
    assert.equal(res?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/account/tweestaps');
    assert.match(await mainText(page), /Inloggen in twee stappen staat aan/, 'the page says two-step sign-in is on');
    await expectNoSeriousAxeViolations(page, 'professional: two-step sign-in on');
    await context.close();
  });

  it('error pages: 401 with a sign-in link, 403, mfa_required and 404', async () => {
    const users = `/${GRONINGEN.slug}/beheer/gebruikers`;

    const anon = await browser.newContext();
    const a = await anon.newPage();
    await open(a, users, 'users page anonymously (401)', 401);
    assert.match(await h1(a), /Inloggen nodig/);
    const signInLink = a.locator(`main a[href="/aanmelden?terug=${encodeURIComponent(users)}"]`);
    assert.equal(await signInLink.count(), 1, 'the 401 page links to the sign-in page, back to this page');
    await open(a, `/${GRONINGEN.slug}/wijken/WK999999`, 'unknown wijk (404)', 404);
    assert.match(await h1(a), /Pagina niet gevonden/);
    await anon.close();

    const resident = await browser.newContext();
    const r = await resident.newPage();
    const signedIn = await signIn(r, srv.url, demoEmail('bewoner', GRONINGEN.short));
    assert.ok(signedIn.ok, `resident sign-in: ${signedIn.ok ? '' : signedIn.reason}`);
    await open(r, users, 'users page as a resident (403)', 403);
    assert.match(await h1(r), /Geen toegang/);
    await resident.close();

    // A coordinator who has just accepted an invitation is signed in without a second step: the
    // members of an organisation (personal data) ask for it first.
    const email = 'nieuw.coordinator@example.nl';
    const invitationPath = await inviteIntoStips(email, 'Nieuwe Coördinator', 'coordinator');
    const coord = await browser.newContext();
    const c = await coord.newPage();
    await acceptInvitation(c, invitationPath, 'Nieuwe Coördinator', newPassword(), 'coordinator');
    await open(c, stipsPath, 'organisation page as a coordinator without the second step (mfa_required)', 403);
    assert.match(await mainText(c), /tweede stap/);
    const setUp = c.locator(`main a[href="/account/tweestaps?terug=${encodeURIComponent(stipsPath)}"]`);
    assert.equal(await setUp.count(), 1, 'the mfa_required page links to two-step set-up, back to this page');
    await coord.close();
  });
});
