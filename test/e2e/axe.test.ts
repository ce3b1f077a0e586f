/**
 * The accessibility check itself (test/e2e/helpers/browser.ts): it must find what it is there to
 * find, give the same findings as @axe-core/playwright's own runner, check inside frames, and
 * give the same findings in Debian's chromium-headless-shell (where the journeys run) as in the
 * full /usr/bin/chromium. No server: the pages are set with page.setContent.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { axeRunInPage, axeRunPerFrame, FULL_CHROMIUM_PATH, HEADLESS_SHELL_PATH, runAxe, useBrowser } from './helpers/browser.ts';

/** Five serious or critical WCAG failures, and one page that is fine. */
const BROKEN = `<!doctype html><html><head><title>Kapotte pagina</title>
<style>body { font-family: sans-serif; } .licht { color: #bbbbbb; background: #ffffff; } .rij { display: flex; gap: 1rem; }</style>
</head><body><main><h1>Buurthuis</h1>
<div class="rij"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p class="licht">Lichtgrijze tekst op wit</p></div>
<form><input type="text" name="q"></form>
<a href="/ergens"></a>
</main></body></html>`;
const BROKEN_IDS = ['color-contrast', 'html-has-lang', 'image-alt', 'label', 'link-name'];

const FINE = `<!doctype html><html lang="nl"><head><title>Goede pagina</title></head><body><main><h1>Buurthuis</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Logo van het buurthuis">
<p style="color: #1a1a1a; background: #ffffff">Donkere tekst op wit</p>
<form><label for="q">Zoeken</label><input id="q" type="text" name="q"></form>
<a href="/ergens">Naar de activiteiten</a>
</main></body></html>`;

/** An unlabelled field inside a same-origin frame. */
const FRAMED = `<!doctype html><html lang="nl"><head><title>Met een frame</title></head><body><main><h1>Kaart</h1>
<iframe title="Kaart van de wijk" srcdoc="<!doctype html><html lang='nl'><head><title>Kaart</title></head><body><input type='text' name='straat'></body></html>"></iframe>
</main></body></html>`;

/** What decides pass or fail, in a stable order: rule, impact and where. */
function findings(results: AxeResults): string[] {
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${v.impact} ${n.target.map(String).join(' ')}`)).sort();
}

async function withContent<T>(page: Page, html: string, run: () => Promise<T>): Promise<T> {
  await page.setContent(html, { waitUntil: 'load' });
  return run();
}

describe('the axe check of the browser journeys', () => {
  const browser = useBrowser();

  it('fails a page with five serious WCAG failures and passes one without them', async () => {
    const page = await (await browser.newContext()).newPage();
    const broken = await withContent(page, BROKEN, () => runAxe(page, 'broken'));
    assert.deepEqual([...new Set(broken.serious.map((f) => f.id))].sort(), BROKEN_IDS);
    const fine = await withContent(page, FINE, () => runAxe(page, 'fine'));
    assert.deepEqual(fine.serious, []);
  });

  it('finds the same as @axe-core/playwright does frame by frame', async () => {
    const page = await (await browser.newContext()).newPage();
    for (const html of [BROKEN, FINE]) {
      const ours = await withContent(page, html, () => axeRunInPage(page));
      const theirs = await withContent(page, html, () => axeRunPerFrame(page));
      assert.deepEqual(findings(ours), findings(theirs));
      assert.deepEqual(ours.passes.map((r) => r.id).sort(), theirs.passes.map((r) => r.id).sort());
      assert.deepEqual(ours.incomplete.map((r) => r.id).sort(), theirs.incomplete.map((r) => r.id).sort());
    }
  });

  it('looks inside a frame', async () => {
    const page = await (await browser.newContext()).newPage();
    const framed = await withContent(page, FRAMED, async () => {
      await page.frameLocator('iframe').locator('input').waitFor();
      return runAxe(page, 'framed');
    });
    const label = framed.serious.find((f) => f.id === 'label');
    assert.ok(label, `the unlabelled field in the frame is found: ${JSON.stringify(framed.serious)}`);
    assert.match(label.targets.join(' '), /iframe/);
  });
});

describe('the headless shell and the full Chromium find the same', () => {
  // Both are Debian packages that .ci/run installs; the journeys run in the first.
  assert.ok(existsSync(HEADLESS_SHELL_PATH), `${HEADLESS_SHELL_PATH} is missing: apt-get install chromium-headless-shell`);
  assert.ok(existsSync(FULL_CHROMIUM_PATH), `${FULL_CHROMIUM_PATH} is missing: apt-get install chromium`);
  const shell = useBrowser(HEADLESS_SHELL_PATH);
  const full = useBrowser(FULL_CHROMIUM_PATH);

  it('on the broken page, at 375 and 1280 px', async () => {
    for (const width of [375, 1280]) {
      const viewport = { width, height: 800 };
      const inShell = await (await shell.newContext({ viewport })).newPage();
      const inFull = await (await full.newContext({ viewport })).newPage();
      const a = await withContent(inShell, BROKEN, () => axeRunInPage(inShell));
      const b = await withContent(inFull, BROKEN, () => axeRunInPage(inFull));
      assert.deepEqual(findings(a), findings(b));
      assert.ok(findings(a).length >= BROKEN_IDS.length);
    }
  });
});
