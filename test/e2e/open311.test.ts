/**
 * Open311 on the real server with the demo data: the documented demo key works for a black-box
 * client over HTTP (create and read back, JSON and XML), and an administrator issues and revokes a
 * key on /{tenant}/beheer/open311 by keyboard, axe-clean.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_TENANTS, demoEmail } from '../../src/seed/demo-accounts.ts';
import { expectNoSeriousAxeViolations, signIn, useBrowser } from './helpers/browser.ts';
import { useServer } from './helpers/server.ts';

const srv = useServer();
const browser = useBrowser();
const KRIMPEN = DEMO_TENANTS.find((t) => t.short === 'krimpen')!;

function post(path: string, form: Record<string, string>): Promise<Response> {
  return fetch(srv.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

describe('Open311 on the demo server', () => {
  it('the demo key creates a request that reads back in JSON and XML; sensitive services stay hidden', async () => {
    const base = `/${KRIMPEN.slug}/open311/v2`;
    const services = (await (await fetch(`${srv.url}${base}/services.json`)).json()) as { service_code: string }[];
    const codes = services.map((s) => s.service_code);
    assert.ok(codes.includes('verlichting'), `demo categories in services: ${codes.join(', ')}`);
    assert.ok(!codes.includes('eenzaamheid'));
    const res = await post(`${base}/requests.json`, {
      api_key: 'demo-open311-key',
      service_code: 'verlichting',
      lat: '51.915',
      long: '4.6',
      description: 'e2e: lamp kapot',
    });
    assert.equal(res.status, 200, await res.clone().text());
    const id = ((await res.json()) as { service_request_id: string }[])[0]!.service_request_id;
    const json = (await (await fetch(`${srv.url}${base}/requests/${id}.json`)).json()) as { description: string }[];
    assert.equal(json[0]!.description, 'e2e: lamp kapot');
    const xml = await (await fetch(`${srv.url}${base}/requests/${id}.xml`)).text();
    assert.match(xml, new RegExp(`<service_request_id>${id}</service_request_id>`));
    const forged = await post(`${base}/requests.json`, {
      api_key: 'demo-open311-key-forged',
      service_code: 'verlichting',
      lat: '51.915',
      long: '4.6',
    });
    assert.equal(forged.status, 403);
  });

  it('an administrator issues a key (shown once) and revokes it, by keyboard, axe-clean', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const signedIn = await signIn(page, srv.url, demoEmail('beheerder', 'krimpen'));
    assert.ok(signedIn.ok, signedIn.ok ? '' : signedIn.reason);
    const path = `/${KRIMPEN.slug}/beheer/open311`;
    const res = await page.goto(srv.url + path);
    assert.equal(res?.status(), 200);
    await expectNoSeriousAxeViolations(page, 'Open311 keys');
    assert.match(await page.locator('main').innerText(), /Demo-app/);
    await page.locator('#field-client, input[name="client"]').first().focus();
    await page.keyboard.type('E2E-app');
    await page.locator('select[name="rights"]').selectOption('report');
    await page.locator(`main form[action="${path}"] button[type="submit"]`).focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    await expectNoSeriousAxeViolations(page, 'Open311 key created');
    const key = (await page.locator('code.api-key').innerText()).trim();
    assert.match(key, /^o311_/);
    const ok = await post(`/${KRIMPEN.slug}/open311/v2/requests.json`, {
      api_key: key,
      service_code: 'groen',
      lat: '51.915',
      long: '4.6',
      description: 'e2e: tak',
    });
    assert.equal(ok.status, 200);
    await page.goto(srv.url + path);
    const revoke = page.locator('main form[action$="/intrekken"]').filter({ has: page.locator('button', { hasText: 'E2E-app' }) });
    await revoke.locator('button').focus();
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    assert.match(page.url(), /ingetrokken=1/);
    await expectNoSeriousAxeViolations(page, 'Open311 key revoked');
    const refused = await post(`/${KRIMPEN.slug}/open311/v2/requests.json`, {
      api_key: key,
      service_code: 'groen',
      lat: '51.915',
      long: '4.6',
      description: 'e2e: tak 2',
    });
    assert.equal(refused.status, 403);
    await context.close();
  });
});
