/**
 * Programme overviews in a real browser on the demo data, by keyboard, without JavaScript, at
 * 375 px: a resident reads the financing overview of Heerhugowaard's "Meedoen is winnen" and
 * finds the missing coverage (€ 10.000 for project 6, computed from the budget lines), then
 * filters Krimpen's action table by angle with the plain GET form. Every page is checked with axe
 * in a second context (with JavaScript, which axe needs); the programme document is printed
 * (emulated print media: no filters, forms or links to other pages).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_TENANTS } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const HHW = DEMO_TENANTS.find((t) => t.short === 'heerhugowaard')!;
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const overview = `/${HHW.slug}/programmas/meedoen-is-winnen/overzicht`;
const actions = `/${KRIMPEN.slug}/programmas/oog-en-oor-voor-elkaar/acties`;
const VIEWPORT = { width: 375, height: 800 };

describe('programme financing and action table (no JavaScript, keyboard, axe, 375 px)', () => {
  it('reads the financing overview, finds the gap, filters the action table by angle and prints the document', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORT });
    const page = await context.newPage();
    const axeContext = await browser.newContext({ viewport: VIEWPORT });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
    };
    const fits = async (label: string) => {
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= VIEWPORT.width, `${label}: nothing runs off a 375 px screen (scrollWidth ${wide})`);
    };

    // The financing overview: the gap of project 6, computed from its budget lines.
    assert.equal((await page.goto(srv.url + overview))?.status(), 200);
    assert.match((await page.locator('main h1').innerText()).trim(), /^Planning en financiering: Meedoen is winnen/);
    assert.equal((await page.locator('table.pg-money-cards tr[data-card="6"] td.pg-gap').innerText()).trim(), '€ 10.000');
    // The only stated gap: every other card has none, an unknown one, or no amounts at all.
    for (const row of await page.locator('table.pg-money-cards tbody tr:not([data-card="6"])').all()) {
      const gap = row.locator('td.pg-gap');
      if ((await gap.count()) === 0) continue;
      assert.match((await gap.innerText()).trim(), /^(geen|onbekend)$/, `card ${await row.getAttribute('data-card')}`);
    }
    assert.match(await page.locator('.pg-gap-summary').innerText(), /Ontbrekende dekking die bekend is: € 10\.000/);
    const svg = page.locator('svg.pg-timeline__chart');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match((await page.locator('#pg-timeline-title').textContent()) ?? '', /Planning van de projecten van Meedoen is winnen/);
    await fits('financing overview');
    await axe(overview, 'financing overview');

    // From the overview to the printable document, by keyboard.
    const docLink = page.locator('main a[href$="/meedoen-is-winnen/document"]');
    await docLink.focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(await mainText(page), /Financiering/);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('main .pg-noprint').first().isVisible(), false, 'links and hints are not printed');
    assert.equal(await page.locator('.pg-footer').isVisible(), true);
    await page.emulateMedia({ media: 'screen' });
    await axe(new URL(page.url()).pathname, 'programme document');

    // Krimpen's action table, filtered by angle with the GET form (keyboard only).
    assert.equal((await page.goto(srv.url + actions))?.status(), 200);
    const all = await page.locator('table.pg-actions tbody tr').count();
    assert.equal(all, 16, "the seed's 16 rows");
    await page.locator('#filter-hoek').focus();
    await page.locator('#filter-hoek').selectOption('deepen');
    await page.locator('form.pg-filter button[type="submit"]').focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.equal(new URL(page.url()).searchParams.get('hoek'), 'deepen');
    const rows = page.locator('table.pg-actions tbody tr');
    const shown = await rows.count();
    assert.ok(shown > 0 && shown < all, `a filtered table (${shown} of ${all})`);
    for (const angles of await page.locator('table.pg-actions tbody tr td[data-label="Hoek"]').allInnerTexts()) {
      assert.match(angles, /Verdieping/);
    }
    assert.match(await mainText(page), new RegExp(`${shown} van de ${all} rijen\\.`));
    await fits('action table');
    await axe(`${actions}?hoek=deepen`, 'action table filtered');
    await context.close();
    await axeContext.close();
  });
});
