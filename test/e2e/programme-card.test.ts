/**
 * Project card journey on the demo data, by keyboard without JavaScript, every page checked with
 * axe (in a second context with JavaScript, sharing the session): Krimpen's coordinator adds a goal
 * to *Oog en oor voor elkaar*, opens the action table, makes a project card from a row with two
 * areas, a lead for each area, the goal and a budget line, and reads the card (missing coverage
 * computed), at 375 px. A refused save (coverage above cost) shows its message beside the field first.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { mainText } from './helpers/pages.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;
const programme = `/${KRIMPEN.slug}/programmas/oog-en-oor-voor-elkaar`;

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.type(text);
}

async function pressSpace(page: Page, selector: string): Promise<void> {
  await page.locator(selector).focus();
  await page.keyboard.press('Space');
}

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('project card journey (no JavaScript, keyboard, axe)', () => {
  it('a coordinator makes a project card from an action-table row with two areas and two leads', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 375, height: 800 } });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), 200, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
      const [scroll, width] = await axePage.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
    };

    // The programme page: a goal without an indicator says so; add one by keyboard.
    assert.equal((await page.goto(`${srv.url}/${KRIMPEN.slug}/programmas`))?.status(), 200);
    await axe(`/${KRIMPEN.slug}/programmas`, 'programmes list');
    assert.equal(await enterOn(page, `main a[href="${programme}"]`), 200);
    await axe(programme, 'programme page');
    await page.locator('main details summary').first().focus();
    await page.keyboard.press('Enter');
    await typeInto(page, '#veld-goalNumber', '1');
    await typeInto(page, '#veld-goalTitle', 'Méér bewoners denken en doen mee');
    assert.equal(
      await enterOn(page, `main form[action="/${KRIMPEN.slug}/beheer/programmas/oog-en-oor-voor-elkaar/doelen"] button[type="submit"]`),
      200,
    );
    let text = await mainText(page);
    assert.match(text, /Het doel is toegevoegd\./);
    assert.match(text, /Tactisch doel 1: Méér bewoners denken en doen mee/);
    assert.match(text, /nog geen indicator gekoppeld/);

    // The action table links each row to a new card filled from it.
    assert.equal((await page.goto(`${srv.url}${programme}/acties`))?.status(), 200);
    const fromRow = page.locator('main a[href*="/projecten/nieuw?vanActie="]').first();
    const href = (await fromRow.getAttribute('href'))!;
    assert.equal(await enterOn(page, `main a[href="${href}"]`), 200);
    await axe(href, 'card form from an action row');
    text = await mainText(page);
    assert.match(text, /Je maakt een project van actie \d+/);
    assert.notEqual(await page.locator('#veld-titleNl').inputValue(), '', 'the action pre-fills the title');
    assert.notEqual(await page.locator('#veld-periodText').inputValue(), '', 'the planning pre-fills the period');

    // Two areas, a lead per area, the goal, one year of money with too much coverage first.
    await typeInto(page, '#veld-number', '17');
    await pressSpace(page, '#veld-goalIds');
    await pressSpace(page, '#veld-areaCodes');
    await pressSpace(page, '#veld-areaCodes-1');
    const areaCodes = await page
      .locator('input[name="areaCodes"]')
      .evaluateAll((els) => els.slice(0, 2).map((e) => (e as HTMLInputElement).value));
    await typeInto(page, '#veld-lead0_role', 'opbouwwerker Facet');
    await page.locator('#veld-lead0_area').focus();
    await page.locator('#veld-lead0_area').selectOption(areaCodes[0]!);
    await typeInto(page, '#veld-lead1_role', 'buurtcoach');
    await page.locator('#veld-lead1_area').focus();
    await page.locator('#veld-lead1_area').selectOption(areaCodes[1]!);
    await typeInto(page, '#veld-plannedStart', '2010-05-01');
    await typeInto(page, '#veld-plannedEnd', '2011-06-30');
    await page.locator('#veld-bl0_kind').selectOption('cost');
    await typeInto(page, '#veld-bl0_year', '2010');
    await typeInto(page, '#veld-bl0_amount', '3.000');
    await page.locator('#veld-bl1_kind').selectOption('coverage');
    await typeInto(page, '#veld-bl1_year', '2010');
    await typeInto(page, '#veld-bl1_amount', '5.000');
    await page.locator('#veld-bl1_source').selectOption('wmo');
    const action = `${programme}/projecten/nieuw`;
    assert.equal(await enterOn(page, `main form[action="${action}"] button[type="submit"]:not([name])`), 422);
    assert.match(await page.locator('#veld-bl1_amount-error').innerText(), /De dekking in dit jaar is hoger dan de kosten\./);
    assert.equal(await page.locator('#veld-lead1_role').inputValue(), 'buurtcoach', 'what was typed is kept');
    await page.locator('#veld-bl1_amount').fill('');
    await typeInto(page, '#veld-bl1_amount', '2.000');
    assert.equal(await enterOn(page, `main form[action="${action}"] button[type="submit"]:not([name])`), 200);

    // The card.
    assert.match(new URL(page.url()).pathname, new RegExp(`^${programme}/projecten/[0-9a-f-]{36}$`));
    text = await mainText(page);
    assert.match(text, /Het project is opgeslagen\./);
    assert.match(text, /Project 17:/);
    assert.match(text, /opbouwwerker Facet \(/);
    assert.match(text, /buurtcoach \(/);
    assert.match(text, /Méér bewoners denken en doen mee/);
    assert.match(text, /Komt uit actie \d+ van de actietabel\./);
    assert.match(text, /Ontbreekt dekking: € 1\.000/);
    await axe(new URL(page.url()).pathname, 'card page');

    // The action table now points at the card instead of offering a new one for that row.
    assert.equal((await page.goto(`${srv.url}${programme}/acties`))?.status(), 200);
    assert.equal(await page.locator(`main a[href="${href}"]`).count(), 0);
    await axeContext.close();
    await context.close();
  });
});
