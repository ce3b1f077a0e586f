import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createTenant, getArea } from '../areas.service.ts';
import { multipart, square, upload } from './upload.test-support.ts';

/** Crafted uploads: a 4xx with a clear message, never a 500, and nothing half-written. */
describe('areas upload with crafted input', () => {
  const ctx = useTestApp();
  const admin = {} as { browser: TestBrowser };
  before(async () => {
    await createTenant(ctx.database.db, { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' });
    admin.browser = new TestBrowser(ctx.app);
    await signInAs(ctx, admin.browser, { tenantId: 'GM0542', role: 'admin' });
    await admin.browser.get('/krimpen-aan-den-ijssel/beheer/gebieden');
  });

  it('rejects a feature whose name holds a NUL character instead of failing in the database', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'WK054200', naam: 'Krimpen' },
          geometry: { type: 'Polygon', coordinates: square(4.59, 51.91) },
        },
        {
          type: 'Feature',
          properties: { code: 'WK054201', naam: 'Nul\u0000wijk' },
          geometry: { type: 'Polygon', coordinates: square(4.6, 51.92) },
        },
      ],
    });
    const res = await upload(
      ctx,
      admin.browser,
      multipart(
        { _csrf: admin.browser.csrf, level: 'district', year: '2024', codeProperty: 'code', nameProperty: 'naam' },
        { name: 'w.geojson', content: geojson },
      ),
    );
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /Nieuw: 1/);
    assert.match(res.body, /Afgewezen: 1/);
    assert.equal(await getArea(ctx.database.db, 'GM0542', 'WK054201'), null);
  });

  it('answers 413 for a file over the limit', async () => {
    const res = await upload(
      ctx,
      admin.browser,
      multipart({ _csrf: admin.browser.csrf, level: 'district' }, { name: 'big.geojson', content: ' '.repeat(20 * 1024 * 1024 + 10) }),
    );
    assert.equal(res.statusCode, 413);
  });
});
