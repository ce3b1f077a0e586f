/** Small page helpers of the step-by-step journeys (forms by action, the page's heading and text). */
import assert from 'node:assert/strict';
import type { Locator, Page, Response } from 'playwright-core';

/** Submit the form with this action (the first submit button) and wait for the next page. */
export async function submit(page: Page, action: string): Promise<Response | null> {
  const form = page.locator(`main form[action="${action}"]`);
  assert.equal(await form.count(), 1, `one form with action ${action} on ${page.url()}`);
  const [res] = await Promise.all([page.waitForNavigation(), form.locator('button[type="submit"]').first().click()]);
  return res;
}

export function formAt(page: Page, action: string): Locator {
  return page.locator(`main form[action="${action}"]`);
}

/** The second step's form address: `/aanmelden/tweestaps`, with `?terug=` to the page sign-in lands on (staff: their start page). */
export async function codeAction(page: Page): Promise<string> {
  const action = await page.locator('main form:has(input[name="code"])').getAttribute('action');
  assert.match(action ?? '', /^\/aanmelden\/tweestaps(\?terug=[^"]+)?$/);
  return action!;
}

export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return u.pathname + u.search;
}

export async function h1(page: Page): Promise<string> {
  return (await page.locator('main h1').innerText()).trim();
}

export async function mainText(page: Page): Promise<string> {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}
