/**
 * Signing in with the keyboard alone: skip link first, focus always visible, Enter submits, and
 * after a wrong password the error summary's link takes focus to the field.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '../../src/seed/demo-accounts.ts';
import { DEMO_PASSWORD, demoTotpCode, expectNoSeriousAxeViolations, isSignedIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

const RESIDENT = demoEmail('bewoner', 'krimpen');

interface Focused {
  tag: string;
  id: string;
  name: string;
  text: string;
  outline: string;
  boxShadow: string;
  inErrorSummary: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', id: '', name: '', text: '', outline: 'none', boxShadow: 'none', inErrorSummary: false };
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      text: (el.textContent ?? '').trim(),
      outline:
        style.outlineStyle === 'none' || style.outlineWidth === '0px'
          ? 'none'
          : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      inErrorSummary: !!el.closest('.error-summary, [role="alert"]'),
    };
  });
}

/** The focused element must show where focus is: an outline or a box-shadow. */
function assertVisibleFocus(f: Focused, what: string): void {
  assert.ok(
    f.outline !== 'none' || (f.boxShadow !== 'none' && f.boxShadow !== ''),
    `focus on ${what} (<${f.tag} id="${f.id}" name="${f.name}">) is not visible: no outline, no box-shadow`,
  );
}

/** Press Tab until `match` holds for the focused element (each stop must show focus); fail after `max` presses. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, max = 15): Promise<Focused> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.tag !== 'main' && f.tag !== 'body') assertVisibleFocus(f, `Tab stop ${i + 1}`);
    stops.push(`<${f.tag}${f.name ? ` name=${f.name}` : ''}>${f.text.slice(0, 30)}`);
    if (match(f)) return f;
  }
  assert.fail(`${what} not reached with ${max} Tab presses; focus went: ${stops.join(' → ')}`);
}

/** From the top of a page: Tab to the skip link, Enter moves focus to main. */
async function useSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first.tag, 'a', `first Tab stop is a link, got <${first.tag}>`);
  assert.match(first.text, /Naar de inhoud/, 'first Tab stop is the skip link');
  assertVisibleFocus(first, 'the skip link');
  const box = await page.locator(':focus').boundingBox();
  assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, 'the focused skip link is on screen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
  assert.equal(new URL(page.url()).hash, '#main');
}

async function signInPageExists(page: Page): Promise<boolean> {
  const res = await page.goto(`${srv.url}/aanmelden`);
  if (res?.status() === 404) {
    console.log('NOT CHECKED: keyboard sign-in, because /aanmelden answers 404 (not built yet); skip link checked on / instead');
    return false;
  }
  assert.equal(res?.status(), 200, 'GET /aanmelden');
  return true;
}

describe('keyboard', () => {
  it('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const path of ['/', '/toegankelijkheid']) {
      await page.goto(srv.url + path);
      await useSkipLink(page);
      // The next Tab stop is inside main (or the footer when main has no links), never back in the header.
      await page.keyboard.press('Tab');
      const inHeader = await page.evaluate(() => !!document.activeElement?.closest('header'));
      assert.equal(inHeader, false, `after the skip link on ${path}, Tab stays past the header`);
    }
    await context.close();
  });

  it('a resident signs in with the keyboard alone', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (!(await signInPageExists(page))) {
      await context.close();
      return;
    }
    await expectNoSeriousAxeViolations(page, 'sign-in page');
    await useSkipLink(page);
    await tabTo(page, (f) => f.name === 'email', 'the e-mail field');
    await page.keyboard.type(RESIDENT);
    await tabTo(page, (f) => f.name === 'password', 'the password field', 4);
    await page.keyboard.type(DEMO_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    if ((await page.locator('input[name="code"]').count()) > 0) {
      // Only staff should be asked; still, finish it by keyboard when asked.
      console.log(`note: a TOTP code was asked of ${RESIDENT}`);
      await page.locator('input[name="code"]').focus();
      await page.keyboard.type(demoTotpCode());
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    }
    assert.ok(await isSignedIn(page), `signed in: the header shows "Uitloggen" (now at ${page.url()})`);
    assert.doesNotMatch(new URL(page.url()).pathname, /^\/aanmelden/, 'left the sign-in page');
    await context.close();
  });

  it('a wrong password shows an error summary whose link moves focus to the field', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (!(await signInPageExists(page))) {
      await context.close();
      return;
    }
    await useSkipLink(page);
    await tabTo(page, (f) => f.name === 'email', 'the e-mail field');
    await page.keyboard.type(RESIDENT);
    await tabTo(page, (f) => f.name === 'password', 'the password field', 4);
    await page.keyboard.type('dit-is-niet-het-wachtwoord');
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

    assert.equal(await isSignedIn(page), false, 'not signed in with a wrong password');
    const summary = page.locator('.error-summary');
    assert.equal(await summary.count(), 1, 'an error summary (.error-summary) is shown');
    assert.ok(await summary.isVisible());
    await expectNoSeriousAxeViolations(page, 'sign-in page with an error');

    await useSkipLink(page);
    const link = await tabTo(page, (f) => f.tag === 'a' && f.inErrorSummary, 'the link in the error summary');
    const href = await page.locator(':focus').getAttribute('href');
    assert.ok(href?.startsWith('#'), `the error summary links to a field on the page (href ${href}, text "${link.text}")`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.activeElement?.id === id, href!.slice(1), { timeout: 3_000 }).catch(() => undefined);
    const target = await focused(page);
    assert.equal(
      target.id,
      href!.slice(1),
      `Enter on the error link moves focus to #${href!.slice(1)}, got <${target.tag} id="${target.id}">`,
    );
    assert.ok(['input', 'select', 'textarea'].includes(target.tag), 'focus is on a form field');
    assertVisibleFocus(target, 'the field after the error link');
    await context.close();
  });
});
