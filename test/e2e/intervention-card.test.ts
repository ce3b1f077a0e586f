/**
 * Intervention library journey on the demo data, by keyboard without JavaScript, every page
 * checked with axe and for 375 px (in a second context with JavaScript, sharing the session):
 * Krimpen's coordinator imports a card file from another installation (it arrives as a draft),
 * publishes it, and a visitor finds it in the library with the search form and reads the card;
 * the seed's good practices (Harteklop…) are there too, with their source.
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
const LIB = `/${KRIMPEN.slug}/wat-werkt`;

const cardFile = {
  format: 'samenhang.intervention-cards',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  installation: 'https://samenhang.elders.example',
  municipality: { code: 'GM1980', name: 'Heerhugowaard' },
  cards: [
    {
      slug: 'taalmaatjes-elders',
      title: { nl: 'Taalmaatjes aan huis', en: 'Language buddies at home' },
      what: { nl: 'Vrijwilligers oefenen wekelijks Nederlands met buren.', en: '' },
      forWhom: { nl: 'Nieuwe buren', en: '' },
      where: 'Heerhugowaard',
      cost: { nl: '', en: '', centsPerYear: null },
      effect: {
        nl: 'Geen gemeten effect bekend.',
        en: '',
        estimate: null,
        ciLow: null,
        ciHigh: null,
        level: null,
        unit: '',
        indicatorCode: '',
        verdict: '',
        evaluationReference: '',
      },
      lessons: { nl: '', en: '' },
      contactOrganisation: 'Welzijn Elders',
      functions: ['kennen', 'helpen'],
      targetGroups: ['nieuwkomers'],
      level: 'neighbourhood',
      sourceNote: 'Test van de uitwisseling',
      isDemo: true,
      origin: { installation: 'https://samenhang.elders.example', municipality: { code: 'GM1980', name: 'Heerhugowaard' }, kind: 'manual' },
    },
  ],
};

async function enterOn(page: Page, selector: string): Promise<number | undefined> {
  await page.locator(selector).first().focus();
  const [res] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return res?.status();
}

describe('intervention library journey (no JavaScript, keyboard, axe)', () => {
  it('a coordinator imports a card file and publishes the card; a visitor finds it in the library', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('coordinator', KRIMPEN.short));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const axeContext = await browser.newContext({ storageState: await context.storageState(), viewport: { width: 375, height: 800 } });
    const axePage = await axeContext.newPage();
    const axe = async (path: string, label: string, status = 200) => {
      const res = await axePage.goto(srv.url + path);
      assert.equal(res?.status(), status, `${label}: ${path}`);
      await expectNoSeriousAxeViolations(axePage, label);
      const [scroll, width] = await axePage.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
    };

    // The library with the seed's good practices; the coordinator's link to the import.
    assert.equal((await page.goto(`${srv.url}${LIB}`))?.status(), 200);
    let text = await mainText(page);
    assert.match(text, /Harteklop/);
    assert.match(text, /Welsun Huiskamerproject/);
    await axe(LIB, 'library (coordinator)');
    await axe(`/${KRIMPEN.slug}/beheer/wat-werkt/nieuw`, 'card form');
    assert.equal(await enterOn(page, `main a[href="/${KRIMPEN.slug}/beheer/wat-werkt/import"]`), 200);
    await axe(`/${KRIMPEN.slug}/beheer/wat-werkt/import`, 'import page');

    // A broken file first: refused with its reason, nothing stored.
    await page.locator('#veld-file').setInputFiles({
      name: 'kaarten.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...cardFile, version: 9 })),
    });
    assert.equal(await enterOn(page, 'main form button[type="submit"]'), 422);
    assert.match(await mainText(page), /Onbekende versie van het formaat/);
    await page
      .locator('#veld-file')
      .setInputFiles({ name: 'kaarten.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(cardFile)) });
    assert.equal(await enterOn(page, 'main form button[type="submit"]'), 200);
    assert.match(await mainText(page), /Overgenomen: 1 kaarten\. Ze zijn nog niet openbaar\./);

    // The imported card is a draft; publish it by keyboard.
    assert.equal(await enterOn(page, `main a[href="${LIB}/taalmaatjes-elders"]`), 200);
    text = await mainText(page);
    assert.match(text, /Concept, niet openbaar/);
    assert.match(text, /Overgenomen van Heerhugowaard \(https:\/\/samenhang\.elders\.example\)\./);
    assert.match(text, /Demo-waarde, verzonnen/);
    await axe(`${LIB}/taalmaatjes-elders`, 'draft card');
    assert.equal(await enterOn(page, `main form[action="/${KRIMPEN.slug}/beheer/wat-werkt/taalmaatjes-elders/publiceren"] button`), 200);
    assert.match(await mainText(page), /De kaart is gepubliceerd\./);

    // A visitor without JavaScript searches the library and opens the card.
    const visitorContext = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const visitor = await visitorContext.newPage();
    assert.equal((await visitor.goto(`${srv.url}${LIB}`))?.status(), 200);
    await visitor.locator('#veld-q').focus();
    await visitor.keyboard.type('taalmaatjes');
    await visitor.locator('#veld-functie').selectOption('kennen');
    assert.equal(await enterOn(visitor, 'main form[role="search"] button[type="submit"]'), 200);
    assert.match(visitor.url(), /q=taalmaatjes/);
    text = await mainText(visitor);
    assert.match(text, /Gevonden: 1/);
    assert.equal(await enterOn(visitor, `main a[href="${LIB}/taalmaatjes-elders"]`), 200);
    text = await mainText(visitor);
    assert.match(text, /Taalmaatjes aan huis/);
    assert.match(text, /Geen gemeten effect bekend\./);
    assert.doesNotMatch(text, /Concept, niet openbaar/);

    // A demo card from the seed, with its source line; axe for a visitor.
    assert.equal((await visitor.goto(`${srv.url}${LIB}/ok-banken-rotterdam`))?.status(), 200);
    text = await mainText(visitor);
    assert.match(text, /80 mensen vast bemiddeld en 120 vrijwilligers/);
    assert.match(text, /seed 004\), regel 335, 337 en 356/);
    const anonAxe = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const anonPage = await anonAxe.newPage();
    for (const [path, label] of [
      [`${LIB}?q=taalmaatjes&functie=kennen`, 'library search (visitor)'],
      [`${LIB}/ok-banken-rotterdam`, 'demo card (visitor)'],
    ] as const) {
      assert.equal((await anonPage.goto(srv.url + path))?.status(), 200, label);
      await expectNoSeriousAxeViolations(anonPage, label);
      const [scroll, width] = await anonPage.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll! <= width!, `${label}: fits 375 px (${scroll} > ${width})`);
    }
    await anonAxe.close();
    await visitorContext.close();
    await axeContext.close();
    await context.close();
  });
});
