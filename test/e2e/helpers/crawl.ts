/**
 * A small breadth-first crawler for browser journeys: follows same-origin links (GET only), runs
 * axe on every HTML page it reaches, and collects failures instead of stopping at the first one,
 * so one run shows every broken page.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { formatAxe, isSignedIn, runAxe, signIn, type AxeOutcome } from './browser.ts';

export interface Visit {
  /** Path and query as requested. */
  path: string;
  /** Path and query after redirects. */
  finalPath: string;
  status: number;
  html: boolean;
  /** Value of <html lang>, when HTML. */
  lang: string | null;
  axe: AxeOutcome | null;
}

export interface CrawlState {
  label: string;
  visits: Map<string, Visit>;
  /** Problems that fail the test. */
  failures: string[];
  /** Things worth knowing that do not fail the test. */
  notes: string[];
  /** Axe minor/moderate findings, by rule id, with the pages where they occur. */
  warnings: Map<string, Set<string>>;
}

export function newCrawlState(label: string): CrawlState {
  return { label, visits: new Map(), failures: [], notes: [], warnings: new Map() };
}

/**
 * Absolute URLs of all links on the page, HTML and SVG (map) links alike. An SVG <a> has no
 * string `href` property, so read the attribute and resolve it against the document.
 */
export async function linksOn(page: Page): Promise<string[]> {
  return page.$$eval('a[href], a[*|href]', (as) =>
    as
      .map((a) => a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href'))
      .filter((h): h is string => !!h)
      .map((h) => {
        try {
          return new URL(h, document.baseURI).href;
        } catch {
          return '';
        }
      })
      .filter((h) => h !== ''),
  );
}

/** Links a crawler must not follow: language switch, static files, JSON, sign-out. */
export function skipPath(pathname: string): boolean {
  return (
    pathname.startsWith('/taal/') ||
    pathname.startsWith('/static/') ||
    pathname.startsWith('/api/') ||
    pathname.startsWith('/afmelden') ||
    pathname.startsWith('/uitloggen') ||
    /\.(json|geojson|csv|xml|ics|pdf|zip|png|svg|jpg)$/i.test(pathname)
  );
}

/**
 * The shape of a URL: area codes, numbers and ids replaced by placeholders, query values dropped.
 * The crawler visits at most a few pages per shape, so 80 pages cover many templates rather than
 * 80 wijken of one municipality.
 */
export function pathShape(pathAndQuery: string): string {
  const url = new URL(pathAndQuery, 'http://x');
  const segments = url.pathname
    .split('/')
    .map((s) =>
      /^(WK|BU|GM)\d+$/i.test(s) ? `:${s.slice(0, 2).toUpperCase()}` : /^[0-9]+$/.test(s) || /^[0-9a-f-]{16,}$/i.test(s) ? ':id' : s,
    );
  const keys = [...url.searchParams.keys()].sort().join(',');
  return segments.join('/') + (keys ? `?${keys}` : '');
}

/** Visit one page (once per state), check its status, run axe on HTML and return its same-origin links. */
export async function visit(
  page: Page,
  baseUrl: string,
  path: string,
  state: CrawlState,
  { axe = true }: { axe?: boolean } = {},
): Promise<{ visit: Visit; links: string[] }> {
  const known = state.visits.get(path);
  if (known) return { visit: known, links: [] };
  let status = 0;
  let contentType = '';
  try {
    const res = await page.goto(baseUrl + path, { waitUntil: 'load' });
    status = res?.status() ?? 0;
    contentType = (await res?.headerValue('content-type')) ?? '';
  } catch (err) {
    const message = (err as Error).message;
    if (/Download is starting/i.test(message)) {
      const v: Visit = { path, finalPath: path, status: 200, html: false, lang: null, axe: null };
      state.visits.set(path, v);
      return { visit: v, links: [] };
    }
    state.failures.push(`${state.label}: GET ${path} failed: ${message.split('\n')[0]}`);
    const v: Visit = { path, finalPath: path, status: 0, html: false, lang: null, axe: null };
    state.visits.set(path, v);
    return { visit: v, links: [] };
  }
  const final = new URL(page.url());
  const finalPath = final.pathname + final.search;
  const html = contentType.includes('text/html');
  const v: Visit = { path, finalPath, status, html, lang: null, axe: null };
  state.visits.set(path, v);
  if (finalPath !== path && !state.visits.has(finalPath)) state.visits.set(finalPath, v);
  if (status >= 500) state.failures.push(`${state.label}: GET ${path} answered ${status}`);
  if (!html) return { visit: v, links: [] };

  v.lang = await page.locator('html').getAttribute('lang');
  if (!v.lang) state.failures.push(`${state.label}: ${path} has no <html lang>`);
  const title = (await page.title()).trim();
  if (!title) state.failures.push(`${state.label}: ${path} has an empty <title>`);
  if ((await page.locator('h1').count()) !== 1) {
    state.notes.push(`${state.label}: ${path} has ${await page.locator('h1').count()} <h1> elements`);
  }

  if (axe) {
    try {
      v.axe = await runAxe(page, `${state.label} ${path}`);
    } catch (err) {
      state.failures.push(`${state.label}: axe could not run on ${path}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  if (v.axe && v.axe.serious.length > 0) state.failures.push(formatAxe(v.axe));
  for (const w of v.axe?.warnings ?? []) {
    const set = state.warnings.get(`${w.id} (${w.impact})`) ?? new Set<string>();
    set.add(path);
    state.warnings.set(`${w.id} (${w.impact})`, set);
  }

  const origin = new URL(baseUrl).origin;
  const hrefs = await linksOn(page);
  const links: string[] = [];
  for (const href of hrefs) {
    let u: URL;
    try {
      u = new URL(href);
    } catch {
      continue;
    }
    if (u.origin !== origin || skipPath(u.pathname)) continue;
    // ?terug= is only the way back after signing in or switching language: the same page.
    u.searchParams.delete('terug');
    links.push(u.pathname + u.search);
  }
  return { visit: v, links };
}

/**
 * Breadth-first from `start`, at most `maxPages` pages and `perShape` pages of one URL shape.
 * `extraSkip` excludes more paths (e.g. pages that would change the signed-in state).
 */
export async function crawl(
  page: Page,
  baseUrl: string,
  state: CrawlState,
  {
    start,
    maxPages,
    perShape = 2,
    extraSkip,
  }: { start: string[]; maxPages: number; perShape?: number; extraSkip?: (path: string) => boolean },
): Promise<void> {
  const queue = [...start];
  const queued = new Set(queue);
  const shapes = new Map<string, number>();
  let crawled = 0;
  while (queue.length > 0 && crawled < maxPages) {
    const path = queue.shift()!;
    if (state.visits.has(path)) {
      continue;
    }
    const shape = pathShape(path);
    const n = shapes.get(shape) ?? 0;
    if (n >= perShape) continue;
    shapes.set(shape, n + 1);
    crawled++;
    const { links, visit: v } = await visit(page, baseUrl, path, state);
    if (v.status >= 400 && v.status < 500) state.notes.push(`${state.label}: link to ${path} answered ${v.status}`);
    for (const link of links) {
      if (queued.has(link) || extraSkip?.(link)) continue;
      queued.add(link);
      queue.push(link);
    }
  }
  if (queue.length > 0 && crawled >= maxPages) {
    state.notes.push(`${state.label}: stopped at ${maxPages} pages; ${queue.length} links not visited`);
  }
}

/** Print what the crawl saw: pages with status, notes, and axe warnings grouped by rule. */
export function printReport(state: CrawlState): void {
  const lines = [`--- ${state.label}: ${new Set([...state.visits.values()]).size} pages ---`];
  for (const v of new Set(state.visits.values())) {
    const axe = v.axe ? ` axe: ${v.axe.serious.length} serious, ${v.axe.warnings.length} warnings` : '';
    lines.push(`  ${v.status} ${v.path}${v.finalPath !== v.path ? ` -> ${v.finalPath}` : ''}${axe}`);
  }
  for (const n of state.notes) lines.push(`  note: ${n}`);
  for (const [rule, pages] of state.warnings) {
    lines.push(`  axe warning ${rule} on ${pages.size} page(s): ${[...pages].slice(0, 4).join(', ')}${pages.size > 4 ? ', …' : ''}`);
  }
  for (const f of state.failures) lines.push(`  FAIL: ${f}`);
  console.log(lines.join('\n'));
}

/** How many pages one crawl visits at most; the pages every visitor must reach. */
export const MAX_PAGES = 80;
export const MUST_EXIST = ['/', '/toegankelijkheid', '/privacy'];

/** Explicit pages: required ones must answer 200, the others 200 or (not built yet) 404. */
export async function checkExplicit(page: Page, baseUrl: string, state: CrawlState, paths: string[], required: string[]): Promise<void> {
  for (const path of paths) {
    const { visit: v } = await visit(page, baseUrl, path, state);
    if (required.includes(path)) {
      if (v.status !== 200) state.failures.push(`${state.label}: ${path} must answer 200, got ${v.status}`);
    } else if (v.status === 404) {
      state.notes.push(`${state.label}: ${path} answers 404 (not built yet?)`);
    } else if (v.status !== 200) {
      state.failures.push(`${state.label}: ${path} answered ${v.status}`);
    }
  }
}

/** Print the crawl's report and fail when it found problems. */
export function assertClean(state: CrawlState): void {
  printReport(state);
  assert.deepEqual(state.failures, [], `${state.failures.length} problem(s) on ${state.label} pages; see the report above`);
}

/**
 * Sign in as a demo account and crawl from `start`, with axe on every page, then check the
 * explicit pages; fails on any problem and when the session was lost on the way.
 */
export async function crawlSignedIn(
  page: Page,
  baseUrl: string,
  opts: { email: string; label: string; start: string[]; explicit: string[] },
): Promise<CrawlState> {
  const result = await signIn(page, baseUrl, opts.email);
  assert.ok(result.ok, `sign-in as ${opts.email} failed: ${result.ok ? '' : result.reason}`);
  console.log(`signed in as ${opts.email}${result.totpAsked ? ' (with a TOTP code)' : ' (no TOTP asked)'}`);
  const state = newCrawlState(opts.label);
  await crawl(page, baseUrl, state, {
    start: opts.start,
    maxPages: MAX_PAGES,
    // Not followed: links that start another sign-in, and one-time token links that the outgoing
    // mail pages may show (sign-in link, invitation, password reset).
    extraSkip: (p) => /^\/(aanmelden|registreren|wachtwoord-vergeten|wachtwoord-herstellen|uitnodiging)(\/|\?|$)/.test(p),
  });
  await checkExplicit(page, baseUrl, state, [...MUST_EXIST, ...opts.explicit], MUST_EXIST);
  await page.goto(baseUrl + '/');
  assert.ok(await isSignedIn(page), 'still signed in after the crawl');
  assertClean(state);
  return state;
}
