/**
 * Importing monitor figures in a real browser on the demo data, by keyboard: the demo coordinator
 * of Krimpen aan den IJssel uploads a file with a bad row (refused with its line and reason,
 * nothing saved), then a good one, and sees the summary and the earlier imports; once without
 * JavaScript and once with it, where every page of the journey is checked with axe.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { demoEmail, DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const path = `/${KRIMPEN.slug}/beheer/monitor/import`;

const file = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
const HEADER = 'PERIOD;GEOLEVEL;GEOITEM;cbs_inwoners;cbs_65plus_pct';
const BAD = file('monitor-fout.csv', [HEADER, '2023;gemeente;GM0542;29500;24,9', '2023;wijk;WK054200;29500;140']);
const GOOD = file('monitor-goed.csv', [HEADER, '2023;gemeente;GM0542;29500;24,9', '2023;wijk;WK054200;29500;24,9']);

/** Choose the file, then press Enter on the submit button, as a keyboard user would; waits for the answer. */
async function upload(page: Page, f: ReturnType<typeof file>): Promise<Response | null> {
  await page.locator('#veld-file').setInputFiles(f);
  const button = page.locator(`main form[action="${path}"] button[type="submit"]`);
  await button.focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res;
}

async function journey(page: Page, axe: boolean): Promise<void> {
  const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
  assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
  const start = await page.goto(srv.url + path);
  assert.equal(start?.status(), 200);
  if (axe) await expectNoSeriousAxeViolations(page, 'monitor import: form');

  const bad = await upload(page, BAD);
  assert.equal(bad?.status(), 422);
  const badText = await mainText(page);
  assert.match(badText, /Niets is opgeslagen\. Aantal regels die niet kloppen: 1\./);
  assert.match(badText, /3 cbs_65plus_pct: 140 is geen percentage \(0 tot en met 100\)\./);
  if (axe) await expectNoSeriousAxeViolations(page, 'monitor import: refused');

  const good = await upload(page, GOOD);
  assert.equal(good?.status(), 200);
  const goodText = await mainText(page);
  assert.match(goodText, /De cijfers zijn opgeslagen\./);
  assert.match(goodText, /Afgewezen: 0/);
  assert.match(goodText, /monitor-goed\.csv ingelezen/);
  assert.match(goodText, /monitor-fout\.csv afgewezen/);
  if (axe) await expectNoSeriousAxeViolations(page, 'monitor import: saved');
}

describe('monitor import journey (keyboard, axe)', () => {
  it('a coordinator imports a monitor file without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await journey(await context.newPage(), false);
    } finally {
      await context.close();
    }
  });

  it('and with JavaScript, every page axe-clean', async () => {
    const context = await browser.newContext();
    try {
      await journey(await context.newPage(), true);
    } finally {
      await context.close();
    }
  });
});
