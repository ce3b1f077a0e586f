import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { createTenant, getArea } from '../areas.service.ts';
import { multipart, square, upload } from './upload.test-support.ts';

describe('areas administration', () => {
  const ctx = useTestApp();
  const admin = {} as { browser: TestBrowser; userId: string };
  before(async () => {
    await createTenant(ctx.database.db, { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' });
    admin.browser = new TestBrowser(ctx.app);
    admin.userId = await signInAs(ctx, admin.browser, { tenantId: 'GM0542', role: 'admin' });
  });

  it('is only for admins of the tenant', async () => {
    const anonymous = await new TestBrowser(ctx.app).get('/krimpen-aan-den-ijssel/beheer/gebieden');
    assert.equal(anonymous.statusCode, 401);
    const resident = new TestBrowser(ctx.app);
    await signInAs(ctx, resident, { tenantId: 'GM0542', role: 'resident' });
    assert.equal((await resident.get('/krimpen-aan-den-ijssel/beheer/gebieden')).statusCode, 403);
    const page = await admin.browser.get('/krimpen-aan-den-ijssel/beheer/gebieden');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    assert.match(page.body, /name="_csrf"/);
  });

  it('imports an uploaded GeoJSON file and reports what was rejected', async () => {
    await admin.browser.get('/krimpen-aan-den-ijssel/beheer/gebieden');
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: 'WK054200', naam: 'Krimpen' },
          geometry: { type: 'Polygon', coordinates: square(4.59, 51.91) },
        },
        { type: 'Feature', properties: { code: 'WK054201', naam: 'Punt' }, geometry: { type: 'Point', coordinates: [4.6, 51.92] } },
      ],
    });
    const res = await upload(
      ctx,
      admin.browser,
      multipart(
        { _csrf: admin.browser.csrf, level: 'district', year: '2024', codeProperty: 'code', nameProperty: 'naam' },
        { name: 'wijken.geojson', content: geojson },
      ),
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Nieuw: 1/);
    assert.match(res.body, /Afgewezen: 1/);
    assert.match(res.body, /<td>WK054201<\/td><td>geen vlak \(polygoon\)<\/td>/);
    assert.equal((await getArea(ctx.database.db, 'GM0542', 'WK054200'))?.name, 'Krimpen');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import')
      .where('entity', '=', 'areas')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.actor_user_id, admin.userId);
    assert.equal(audit[0]!.tenant_id, 'GM0542');
  });

  it('answers 422 with a clear message for a file that is not GeoJSON, and writes nothing', async () => {
    await admin.browser.get('/krimpen-aan-den-ijssel/beheer/gebieden');
    const notJson = await upload(
      ctx,
      admin.browser,
      multipart({ _csrf: admin.browser.csrf, level: 'district' }, { name: 'x.geojson', content: 'hallo' }),
    );
    assert.equal(notJson.statusCode, 422);
    assert.match(notJson.body, /geen geldige JSON/);
    const notCollection = await upload(
      ctx,
      admin.browser,
      multipart({ _csrf: admin.browser.csrf, level: 'district' }, { name: 'x.geojson', content: '{"type":"Feature"}' }),
    );
    assert.equal(notCollection.statusCode, 422);
    assert.match(notCollection.body, /geen GeoJSON FeatureCollection/);
    const noFile = await upload(ctx, admin.browser, multipart({ _csrf: admin.browser.csrf, level: 'district', year: '99' }));
    assert.equal(noFile.statusCode, 422);
    assert.match(noFile.body, /Kies een GeoJSON-bestand om te uploaden/);
    assert.match(noFile.body, /Vul een jaar in tussen 1900 en 2100/);
    assert.equal(await getArea(ctx.database.db, 'GM0542', 'WK054201'), null);
  });

  it('refuses an upload without a valid CSRF token', async () => {
    const content = JSON.stringify({ type: 'FeatureCollection', features: [] });
    const missing = await upload(ctx, admin.browser, multipart({ level: 'district' }, { name: 'x.geojson', content }));
    assert.equal(missing.statusCode, 403);
    const wrong = await upload(ctx, admin.browser, multipart({ _csrf: 'x'.repeat(43), level: 'district' }, { name: 'x.geojson', content }));
    assert.equal(wrong.statusCode, 403);
    assert.match(wrong.body, /Het formulier is verlopen/);
  });
});
