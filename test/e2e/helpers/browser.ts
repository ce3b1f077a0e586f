/**
 * Chromium from Debian, driven by playwright-core, for browser journeys: one browser per test file,
 * a fresh context per test, and the accessibility rule of the project: zero axe violations with
 * impact serious or critical (WCAG 2.1 A/AA). Minor and moderate violations are printed as warnings.
 *
 * Which Chromium: `CHROMIUM_PATH` when set; else Debian's `chromium-headless-shell` (the same
 * Chromium release without the desktop browser around it, the build Playwright itself runs headless
 * tests in; `.ci/run` installs it) when it is installed; else `/usr/bin/chromium`. The shell took
 * about 40 % less CPU for the same journeys (docs/decisions/0012-browser-tests-headless-shell.md).
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import axeCore, { type AxeResults, type ElementContext, type RunOptions } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { TOTP, Secret } from 'otpauth';
import { after, before } from 'node:test';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../../src/seed/demo-accounts.ts';

export const HEADLESS_SHELL_PATH = '/usr/lib/chromium/chromium-headless-shell';
export const FULL_CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH);

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: LAUNCH_ARGS });
}

/**
 * One Chromium for the whole test file. `newContext()` gives each test its own cookies; all
 * contexts are closed with the browser in `after`.
 */
export function useBrowser(executablePath = CHROMIUM_PATH): { newContext(options?: BrowserContextOptions): Promise<BrowserContext> } {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser(executablePath);
  });
  after(async () => {
    await browser?.close();
  });
  return {
    async newContext(options: BrowserContextOptions = {}) {
      if (!browser) throw new Error('browser not launched');
      const context = await browser.newContext({ locale: 'nl-NL', ...options });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(30_000);
      return context;
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

export interface AxeOutcome {
  url: string;
  label: string;
  /** serious and critical: these fail the test. */
  serious: AxeFinding[];
  /** minor and moderate: printed as warnings. */
  warnings: AxeFinding[];
}

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const AXE_OPTIONS: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS } };
/** The whole document, as @axe-core/playwright passes it when nothing is included or excluded. */
const AXE_CONTEXT: ElementContext = { exclude: [], include: [] };

/**
 * axe-core's own `axe.run` in the page: the source injected once, then one call. For a page
 * without frames this is what @axe-core/playwright does in its "legacy mode", minus a second
 * injection; its default mode runs `axe.runPartial` per frame and `axe.finishRun` in a new blank
 * page, with the 580 kB source parsed three times: 400 ms per check in a crawl against 170 ms here,
 * for the same findings (test/e2e/axe.test.ts compares both).
 */
export async function axeRunInPage(page: Page): Promise<AxeResults> {
  await page.evaluate(axeCore.source);
  // Plain data across the boundary (axe-core's own types make Playwright's argument types too deep).
  const arg: { context: unknown; options: unknown } = { context: AXE_CONTEXT, options: AXE_OPTIONS };
  const results = await page.evaluate(
    ({ context, options }) => (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<unknown> } }).axe.run(context, options),
    arg,
  );
  return results as AxeResults;
}

/** @axe-core/playwright as it comes: every frame, also cross-origin ones (runPartial and finishRun). */
export async function axeRunPerFrame(page: Page): Promise<AxeResults> {
  return new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
}

/**
 * Run axe on the page as it is now and sort the violations into failures and warnings. A page with
 * frames (a map, an embedded video) is checked frame by frame through @axe-core/playwright.
 */
export async function runAxe(page: Page, label: string): Promise<AxeOutcome> {
  const results = page.frames().length === 1 ? await axeRunInPage(page) : await axeRunPerFrame(page);
  const outcome: AxeOutcome = { url: page.url(), label, serious: [], warnings: [] };
  for (const v of results.violations) {
    const finding: AxeFinding = {
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    };
    if (v.impact === 'serious' || v.impact === 'critical') outcome.serious.push(finding);
    else outcome.warnings.push(finding);
  }
  return outcome;
}

/** Compact, one line per rule: `  [serious] color-contrast (Elements must meet...) at .a, .b`. */
export function formatAxe(outcome: AxeOutcome): string {
  const line = (f: AxeFinding, prefix = '') =>
    `  ${prefix}[${f.impact}] ${f.id} (${f.help}) at ${f.targets.slice(0, 5).join(', ')}${f.targets.length > 5 ? ` and ${f.targets.length - 5} more` : ''}`;
  const parts = [`axe ${outcome.label} ${outcome.url}: ${outcome.serious.length} serious/critical, ${outcome.warnings.length} warnings`];
  for (const f of outcome.serious) parts.push(line(f));
  for (const f of outcome.warnings) parts.push(line(f, 'warning '));
  return parts.join('\n');
}

/**
 * Fail when axe finds a serious or critical WCAG 2.1 A/AA violation; the message names the rule
 * ids, impacts, target selectors and the page URL. Minor and moderate ones are printed only.
 */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<AxeOutcome> {
  const outcome = await runAxe(page, label);
  if (outcome.serious.length > 0 || outcome.warnings.length > 0) console.log(formatAxe(outcome));
  if (outcome.serious.length > 0) {
    throw new Error(`Serious accessibility violations on ${label} (${outcome.url}):\n${formatAxe(outcome)}`);
  }
  return outcome;
}

const TOTP_PERIOD_MS = 30_000;

/** The current 6-digit code of the demo staff accounts' second factor. */
export function demoTotpCode(at = Date.now()): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(DEMO_TOTP_SECRET) }).generate({ timestamp: at });
}

export { DEMO_PASSWORD };

/** Does the page header show the sign-out button (i.e. is someone signed in)? */
export async function isSignedIn(page: Page): Promise<boolean> {
  return (
    (await page
      .locator('header form[action="/afmelden"] button, header button:has-text("Uitloggen"), header button:has-text("Sign out")')
      .count()) > 0
  );
}

export type SignInResult = { ok: true; totpAsked: boolean } | { ok: false; reason: string };

/**
 * Sign in through the real form at /aanmelden (fields `email` and `password`, submit button) and,
 * when the second step asks for it, a TOTP code at /aanmelden/tweestaps (field `code`).
 * Returns a reason instead of throwing when the sign-in page does not exist (yet).
 */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<SignInResult> {
  const res = await page.goto(`${baseUrl}/aanmelden`);
  if (!res || res.status() === 404) return { ok: false, reason: `GET /aanmelden answered ${res?.status() ?? 'nothing'}` };
  if (res.status() !== 200) return { ok: false, reason: `GET /aanmelden answered ${res.status()}` };
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"], input[type="submit"]').first().click()]);
  let totpAsked = false;
  const code = page.locator('input[name="code"]');
  if ((await code.count()) > 0) {
    totpAsked = true;
    const submitCode = async () => {
      await page.locator('input[name="code"]').fill(demoTotpCode());
      const codeForm = page.locator('form:has(input[name="code"])');
      await Promise.all([page.waitForNavigation(), codeForm.locator('button[type="submit"], input[type="submit"]').first().click()]);
    };
    await submitCode();
    // A code is accepted once per account and 30-second step: when the same demo account signed in
    // moments ago (an earlier test), wait for the next code, as a person would.
    if (!(await isSignedIn(page)) && (await page.locator('input[name="code"]').count()) > 0) {
      await page.waitForTimeout(TOTP_PERIOD_MS - (Date.now() % TOTP_PERIOD_MS) + 500);
      await submitCode();
    }
  }
  if (!(await isSignedIn(page))) {
    const summary = await page.locator('.error-summary, [role="alert"]').allInnerTexts();
    return {
      ok: false,
      reason: `not signed in after the form (now at ${page.url()}): ${summary.join(' ').replace(/\s+/g, ' ').trim() || 'no error shown'}`,
    };
  }
  return { ok: true, totpAsked };
}
