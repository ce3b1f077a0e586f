import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { getService } from '../records/services.service.ts';
import { KRIMPEN, KRIMPEN_POINT, setupSocialmapTenants } from '../socialmap.test-support.ts';
import { BOUNDARY, multipart } from '../../areas/admin/upload.test-support.ts';

const URL = `/${KRIMPEN.slug}/sociale-kaart/beheer/import`;
const ORG = '11111111-1111-4111-8111-111111111111';
const SVC = '22222222-2222-4222-8222-222222222222';
const dataset = (closes: string) =>
  JSON.stringify({
    id: ORG,
    name: 'Buurtvereniging Langeland',
    description: 'Vrijwilligers in Langeland',
    locations: [{ id: '33333333-3333-4333-8333-333333333333', location_type: 'physical', name: 'Clubhuis', ...KRIMPEN_POINT }],
    services: [
      {
        id: SVC,
        name: 'Koffieochtend',
        status: 'active',
        schedules: [{ id: '44444444-4444-4444-8444-444444444444', freq: 'WEEKLY', byday: 'FR', opens_at: '10:00', closes_at: closes }],
      },
    ],
  });

describe('HSDS import page', () => {
  const ctx = useTestApp();
  const coordinator = {} as { browser: TestBrowser };
  before(async () => {
    await setupSocialmapTenants(ctx.database.db);
    coordinator.browser = new TestBrowser(ctx.app);
    await signInAs(ctx, coordinator.browser, { tenantId: KRIMPEN.id, role: 'coordinator' });
  });
  const post = (browser: TestBrowser, body: string) =>
    ctx.app.inject({
      method: 'POST',
      url: URL,
      payload: body,
      headers: {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        accept: 'text/html',
        cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });

  it('is only for coordinators and admins', async () => {
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    assert.equal((await resident.get(URL)).statusCode, 403);
    assert.equal((await new TestBrowser(ctx.app).get(URL)).statusCode, 401);
  });

  it('refuses a dataset with 25:00 with a report, writing nothing, and imports a correct one', async () => {
    const page = await coordinator.browser.get(URL);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Gegevens inlezen/);
    const bad = await post(
      coordinator.browser,
      multipart({ _csrf: coordinator.browser.csrf }, { name: 'hsds.json', content: dataset('25:00') }),
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Niets is opgeslagen/);
    assert.match(bad.body, /tussen 00:00 en 23:59/);
    assert.equal(await getService(ctx.database.db, KRIMPEN.id, SVC), null);

    const good = await post(
      coordinator.browser,
      multipart({ _csrf: coordinator.browser.csrf }, { name: 'hsds.json', content: dataset('12:00') }),
    );
    assert.equal(good.statusCode, 200, good.body.slice(0, 500));
    assert.match(good.body, /De gegevens zijn opgeslagen/);
    assert.equal((await getService(ctx.database.db, KRIMPEN.id, SVC))?.name, 'Koffieochtend');
  });

  it('refuses a missing file, a file that is not JSON, and a post without the CSRF token', async () => {
    assert.equal((await post(coordinator.browser, multipart({ _csrf: coordinator.browser.csrf }))).statusCode, 422);
    const notJson = await post(coordinator.browser, multipart({ _csrf: coordinator.browser.csrf }, { name: 'x.json', content: '{"id":' }));
    assert.equal(notJson.statusCode, 422);
    assert.match(notJson.body, /geen geldige JSON/);
    assert.equal((await post(coordinator.browser, multipart({}, { name: 'x.json', content: dataset('12:00') }))).statusCode, 403);
  });
});
