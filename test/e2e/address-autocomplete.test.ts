/**
 * The address autocomplete island in a real browser (issue 12, "any address, geocoded"): the
 * social map's address field becomes an ARIA combobox with a listbox, usable with the keyboard
 * only, axe-clean while open; the chosen address is geocoded when the form is sent. The server
 * asks a local stub that answers like PDOK Locatieserver (suggest and free); no internet.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { expectNoSeriousAxeViolations, useBrowser } from './helpers/browser.ts';
import { startServer, stopServer, type RunningServer } from './helpers/server.ts';

const browser = useBrowser();

function locatieserverStub(): Server {
  return createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://stub');
    const q = (u.searchParams.get('q') ?? '').toLowerCase();
    let docs: unknown[] = [];
    if (u.pathname.endsWith('/suggest') && q.startsWith('ooster')) {
      docs = [
        { type: 'adres', id: 'adr-10', weergavenaam: 'Oosterstraat 10, 9711NV Groningen', score: 9 },
        { type: 'adres', id: 'adr-12', weergavenaam: 'Oosterstraat 12, 9711NV Groningen', score: 8 },
      ];
    } else if (u.pathname.endsWith('/free') && q === '9711nv 10') {
      docs = [
        {
          type: 'adres',
          weergavenaam: 'Oosterstraat 10, 9711NV Groningen',
          straatnaam: 'Oosterstraat',
          huisnummer: 10,
          postcode: '9711NV',
          woonplaatsnaam: 'Groningen',
          gemeentecode: '0014',
          centroide_ll: 'POINT(6.5717 53.2176)',
        },
      ];
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
  });
}

describe('address autocomplete (keyboard, ARIA combobox)', () => {
  const stub = locatieserverStub();
  let server: RunningServer | undefined;
  before(async () => {
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    const port = (stub.address() as AddressInfo).port;
    server = await startServer({
      GEOCODER_PDOK: 'on',
      PDOK_LOCATIESERVER_URL: `http://127.0.0.1:${port}/v3_1`,
      GEOCODER_TIMEOUT_MS: '5000',
    });
  });
  after(async () => {
    if (server) await stopServer(server);
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
  });

  it('type, arrow down, Enter takes the address; the search measures from it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server!.url}/groningen/sociale-kaart`);
    const field = page.locator('#veld-adres');
    assert.equal(await field.getAttribute('role'), 'combobox');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    await field.focus();
    await page.keyboard.type('Ooster');
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.nth(1).waitFor();
    assert.equal(await field.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await options.allInnerTexts(), ['Oosterstraat 10, 9711NV Groningen', 'Oosterstraat 12, 9711NV Groningen']);
    assert.match(await page.locator(`#${await field.getAttribute('aria-controls')}-status`).innerText(), /2 adressen gevonden/);
    await page.keyboard.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    assert.ok(active);
    assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
    await expectNoSeriousAxeViolations(page, 'sociale kaart, address suggestions open');
    await page.keyboard.press('Enter');
    assert.equal(await field.inputValue(), 'Oosterstraat 10, 9711NV Groningen');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    // Enter again sends the form (the list is closed): the server geocodes the chosen address.
    await Promise.all([page.waitForURL(/adres=/), page.keyboard.press('Enter')]);
    assert.match(
      (await page.locator('main').innerText()).replace(/\s+/g, ' '),
      /Afstand gemeten vanaf Oosterstraat 10, 9711NV Groningen\./,
    );
    await context.close();
  });

  it('Escape closes the list and keeps the text', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server!.url}/groningen/sociale-kaart`);
    const field = page.locator('#veld-adres');
    await field.focus();
    await page.keyboard.type('Oosterstr');
    await page.locator('[role="listbox"] [role="option"]').first().waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await field.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('[role="listbox"]').first().isHidden(), true);
    assert.equal(await field.inputValue(), 'Oosterstr');
    await context.close();
  });
});
