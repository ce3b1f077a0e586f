import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { BOUNDARY, multipart } from '../../areas/admin/upload.test-support.ts';
import { listMeasurements } from '../core/core.store.ts';
import { BUURT_1, GRONINGEN, KRIMPEN, setupMonitorImport, WIJK } from './import.test-support.ts';

const URL = `/${KRIMPEN.slug}/beheer/monitor/import`;

describe('monitor import page', () => {
  const ctx = useTestApp();
  const coordinator = {} as { browser: TestBrowser };
  before(async () => {
    await setupMonitorImport(ctx.database.db);
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

  it('is only for coordinators of the municipality', async () => {
    assert.equal((await new TestBrowser(ctx.app).get(URL)).statusCode, 401);
    for (const [tenantId, role] of [
      [KRIMPEN.id, 'resident'],
      [KRIMPEN.id, 'professional'],
      [KRIMPEN.id, 'admin'],
      [GRONINGEN.id, 'coordinator'],
    ] as const) {
      const browser = new TestBrowser(ctx.app);
      await signInAs(ctx, browser, { tenantId, role });
      assert.equal((await browser.get(URL)).statusCode, 403, `${role} of ${tenantId}`);
    }
  });

  it('refuses a file with a bad row with its line and reason, writing nothing; then imports a good one and lists both', async () => {
    const page = await coordinator.browser.get(URL);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Cijfers voor de wijkmonitor inlezen/);
    assert.match(page.body, /Er zijn nog geen cijfers ingelezen/);
    const bad = await post(
      coordinator.browser,
      multipart(
        { _csrf: coordinator.browser.csrf, format: 'auto', period: '' },
        { name: 'monitor.csv', content: `PERIOD;GEOLEVEL;GEOITEM;wm09_active\n2024;wijk;${WIJK};21,5\n2024;buurt;${BUURT_1};140\n` },
      ),
    );
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Niets is opgeslagen. Aantal regels die niet kloppen: 1\./);
    assert.match(
      bad.body,
      /<td data-label="Regel">3<\/td><td data-label="Reden">wm09_active: 140 is geen percentage \(0 tot en met 100\)\.<\/td>/,
    );
    assert.deepEqual(await listMeasurements(ctx.database.db, KRIMPEN.id), []);

    const good = await post(
      coordinator.browser,
      multipart(
        { _csrf: coordinator.browser.csrf, format: 'csv', period: '' },
        { name: 'monitor.csv', content: `PERIOD;GEOLEVEL;GEOITEM;wm09_active\n2024;wijk;${WIJK};21,5\n2024;buurt;${BUURT_1};14\n` },
      ),
    );
    assert.equal(good.statusCode, 200, good.body.slice(0, 400));
    assert.match(good.body, /De cijfers zijn opgeslagen/);
    assert.match(good.body, /Nieuw: 2/);
    const rows = await listMeasurements(ctx.database.db, KRIMPEN.id, { areaCodes: [WIJK] });
    assert.equal(rows[0]?.value, 21.5);
    assert.match(good.body, /<td data-label="Uitkomst">ingelezen<\/td>/);
    assert.match(good.body, /<td data-label="Uitkomst">afgewezen<\/td>/);
  });

  it('shows the summary and the earlier imports in English too', async () => {
    const browser = new TestBrowser(ctx.app);
    await signInAs(ctx, browser, { tenantId: KRIMPEN.id, role: 'coordinator' });
    await browser.get('/taal/en?terug=/');
    await browser.get(URL);
    const res = await post(
      browser,
      multipart({ _csrf: browser.csrf }, { name: 'x.csv', content: `PERIOD;GEOLEVEL;GEOITEM;wm09_active\n2024;wijk;WK999999;1\n` }),
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Nothing was saved\. Rows that are not valid: 1\./);
    assert.match(res.body, /The area WK999999 is not part of this municipality and not in the crosswalk\./);
    assert.match(res.body, /Earlier imports/);
  });

  it('refuses a missing file, a bad year, and a post without the CSRF token', async () => {
    const none = await post(coordinator.browser, multipart({ _csrf: coordinator.browser.csrf }));
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /Kies een bestand/);
    const year = await post(
      coordinator.browser,
      multipart({ _csrf: coordinator.browser.csrf, format: 'cbs', period: 'vorig jaar' }, { name: 'cbs.json', content: '{}' }),
    );
    assert.equal(year.statusCode, 422);
    assert.match(year.body, /Schrijf het jaar als 2024/);
    const noToken = await post(coordinator.browser, multipart({}, { name: 'x.csv', content: 'PERIOD;GEOLEVEL;GEOITEM\n' }));
    assert.equal(noToken.statusCode, 403);
  });
});
