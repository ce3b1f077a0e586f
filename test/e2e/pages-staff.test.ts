/**
 * Every page the demo beheerder (admin) of Groningen reaches, checked with axe: a breadth-first
 * crawl signed in, plus the account and management pages that must always be checked. The
 * coordinator's pages are crawled in pages-coordinator.test.ts, the anonymous ones and the English
 * check in pages.test.ts (files of their own, so the long crawls run side by side).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { crawlSignedIn } from './helpers/crawl.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

const ADMIN_PAGES = [
  '/groningen/beheer',
  ...['gebruikers', 'organisaties', 'gebieden', 'mail', 'audit', 'audit/bewaren'].map((p) => `/groningen/beheer/${p}`),
];

describe('pages (signed in as admin)', () => {
  it('every page the demo beheerder of Groningen reaches has no serious axe violations', async () => {
    const context = await browser.newContext();
    try {
      await crawlSignedIn(await context.newPage(), srv.url, {
        email: demoEmail('beheerder', 'groningen'),
        label: 'beheerder.groningen',
        start: ['/', '/groningen/', '/account'],
        explicit: ['/account', '/account/tweestaps', ...ADMIN_PAGES],
      });
    } finally {
      await context.close();
    }
  });

  it('the start page and the grouped menu work by keyboard and are axe-clean at 375 and 1280 px', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const result = await signIn(page, srv.url, demoEmail('beheerder', 'groningen'));
      assert.ok(result.ok, 'signed in');
      assert.equal(new URL(page.url()).pathname, '/groningen/beheer', 'staff land on their start page');
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${srv.url}/groningen/beheer`);
        assert.match(await page.locator('h1').innerText(), /Wat vraagt nu uw aandacht/);
        const top = await page.locator('.site-nav__list > li').count();
        assert.ok(top <= 6, `${top} top-level menu items at ${width} px`);
        // Tab to the "Beheer" menu, open it with Enter, Tab into it and follow "Logboek" with Enter.
        await tabUntil(page, (text, tag) => tag === 'summary' && text === 'Beheer', 'the Beheer menu');
        await page.keyboard.press('Enter');
        assert.equal(await page.locator('details.site-nav__menu[open]').count(), 1, 'the menu opened');
        await expectNoSeriousAxeViolations(page, `start page, menu open, ${width} px`);
        await tabUntil(page, (text, tag) => tag === 'a' && text === 'Logboek', 'Logboek in the menu');
        await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
        assert.equal(new URL(page.url()).pathname, '/groningen/beheer/audit');
        await expectNoSeriousAxeViolations(page, `audit log, ${width} px`);
        // Keeping a period longer (an incident): the form sent empty says what is missing.
        await Promise.all([page.waitForNavigation(), page.locator('main a[href$="/beheer/audit/bewaren"]').click()]);
        await Promise.all([page.waitForNavigation(), page.locator('main form button[type="submit"]').click()]);
        assert.equal(await page.locator('.error-summary li').count(), 3, 'three fields to fill in');
        await expectNoSeriousAxeViolations(page, `keep the audit log longer, with errors, ${width} px`);
        await page.goto(`${srv.url}/groningen/beheer/gebruikers`);
        const remove = page.locator('main a[href$="/verwijderen"]').first();
        await Promise.all([page.waitForNavigation(), remove.click()]);
        await expectNoSeriousAxeViolations(page, `confirm removing a role, ${width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
      }
    } finally {
      await context.close();
    }
  });
});

/** Press Tab until the focused element matches (at most 60 times). */
async function tabUntil(page: Page, match: (text: string, tag: string) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim() };
    });
    if (match(f.text, f.tag)) return;
  }
  assert.fail(`${what} not reached by keyboard`);
}
