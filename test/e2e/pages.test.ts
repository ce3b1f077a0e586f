/**
 * Every page a visitor can reach, checked with axe: a breadth-first crawl from / as an anonymous
 * visitor, plus an explicit list of pages that must always be checked, and the same pages in
 * English. The crawl signed in as staff is in pages-staff.test.ts (a file of its own, so the two
 * long crawls run side by side).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { useBrowser } from './helpers/browser.ts';
import {
  assertClean,
  checkExplicit,
  crawl,
  linksOn,
  MAX_PAGES,
  MUST_EXIST,
  newCrawlState,
  visit,
  type CrawlState,
} from './helpers/crawl.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();

const MAY_BE_MISSING = ['/aanmelden', '/aanmelden/link', '/wachtwoord-vergeten', '/registreren'];
const NOT_FOUND = `/bestaat-niet-${randomBytes(4).toString('hex')}`;

/** Per demo municipality: its start page, and one wijk and one buurt page found by following links. */
async function checkTenants(page: Page, state: CrawlState): Promise<string[]> {
  const found: string[] = [];
  for (const tenant of DEMO_TENANTS) {
    const home = `/${tenant.slug}/`;
    const { visit: v } = await visit(page, srv.url, home, state);
    if (v.status !== 200) {
      state.notes.push(`${state.label}: ${home} answers ${v.status} (demo data or area pages not there yet?)`);
      continue;
    }
    found.push(home);
    // Re-open the page: visit() only returns links the first time it sees a page.
    await page.goto(srv.url + home);
    const wijk = await firstLink(page, new RegExp(`^/${tenant.slug}/wijken/WK\\d+$`));
    if (!wijk) {
      state.notes.push(`${state.label}: no link to a wijk on ${home}`);
      continue;
    }
    const { visit: w } = await visit(page, srv.url, wijk, state);
    if (w.status !== 200) {
      state.failures.push(`${state.label}: wijk page ${wijk}, linked from ${home}, answered ${w.status}`);
      continue;
    }
    found.push(wijk);
    await page.goto(srv.url + wijk);
    const buurt = await firstLink(page, new RegExp(`^/${tenant.slug}/.*BU\\d+$`));
    if (!buurt) {
      state.notes.push(`${state.label}: no link to a buurt on ${wijk}`);
      continue;
    }
    const { visit: b } = await visit(page, srv.url, buurt, state);
    if (b.status !== 200) state.failures.push(`${state.label}: buurt page ${buurt}, linked from ${wijk}, answered ${b.status}`);
    else found.push(buurt);
  }
  return found;
}

async function firstLink(page: Page, pattern: RegExp): Promise<string | null> {
  const origin = new URL(srv.url).origin;
  const hrefs = await linksOn(page);
  for (const href of hrefs) {
    const u = new URL(href);
    if (u.origin === origin && pattern.test(u.pathname)) return u.pathname;
  }
  return null;
}

/** Pages reached anonymously, kept for the English check. */
let anonymousPaths: string[] = [];

describe('pages', () => {
  it('every page an anonymous visitor reaches has no serious axe violations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const state = newCrawlState('anonymous');
    await crawl(page, srv.url, state, { start: ['/'], maxPages: MAX_PAGES });
    await checkExplicit(page, srv.url, state, [...MUST_EXIST, ...MAY_BE_MISSING], MUST_EXIST);
    const tenantPages = await checkTenants(page, state);
    const { visit: nf } = await visit(page, srv.url, NOT_FOUND, state);
    if (nf.status !== 404) state.failures.push(`anonymous: ${NOT_FOUND} should answer 404, got ${nf.status}`);
    if (!nf.html) state.failures.push(`anonymous: the 404 page is not HTML`);
    // Every HTML page reached (crawled, explicit, tenant pages, the 404 page) is checked in English later.
    anonymousPaths = [...new Set([...state.visits.values()].filter((v) => v.html).map((v) => v.path))];
    console.log(`demo municipality pages checked (start, wijk, buurt): ${tenantPages.join(', ') || 'none found'}`);
    assert.ok(state.visits.size >= MUST_EXIST.length, 'the crawl reached at least the required pages');
    await context.close();
    assertClean(state);
  });

  it('the pages switch to English with /taal/en and say lang="en"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${srv.url}/privacy`);
    // The header's language link: /taal/en?terug=/privacy, back to the same page.
    await Promise.all([page.waitForNavigation(), page.locator('header a[hreflang="en"]').click()]);
    assert.equal(new URL(page.url()).pathname, '/privacy', 'the language switch returns to the page');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    const res = await page.goto(`${srv.url}/taal/en?terug=/`);
    assert.equal(res?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/');
    const state = newCrawlState('english');
    const paths = anonymousPaths.length > 0 ? anonymousPaths : [...MUST_EXIST, NOT_FOUND];
    for (const path of paths) {
      const { visit: v } = await visit(page, srv.url, path, state, { axe: false });
      if (v.html && v.lang !== 'en') state.failures.push(`english: ${path} has lang="${v.lang}" after /taal/en`);
    }
    await context.close();
    assertClean(state);
  });
});
