import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TestBrowser, useTestApp } from '../../../test/helpers/app.ts';
import { signInAs } from '../../../test/helpers/people.ts';
import { createTenant, getArea } from './areas.service.ts';

const BOUNDARY = '----samenhang-test-boundary-7MA4YWxkTrZu0gW';
const square = (x: number, y: number) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];

/** A multipart/form-data body written by hand, the way a browser sends the upload form. */
function multipart(fields: Record<string, string>, file?: { name: string; content: string }): string {
  let body = '';
  for (const [name, value] of Object.entries(fields)) {
    body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  }
  if (file) {
    body += `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/geo+json\r\n\r\n${file.content}\r\n`;
  }
  return body + `--${BOUNDARY}--\r\n`;
}

function upload(ctx: ReturnType<typeof useTestApp>, browser: TestBrowser, body: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/krimpen-aan-den-ijssel/beheer/gebieden',
    payload: body,
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      accept: 'text/html',
      cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
  });
}

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
        { type: 'Feature', properties: { code: 'WK054200', naam: 'Krimpen' }, geometry: { type: 'Polygon', coordinates: square(4.59, 51.91) } },
        { type: 'Feature', properties: { code: 'WK054201', naam: 'Nul\u0000wijk' }, geometry: { type: 'Polygon', coordinates: square(4.6, 51.92) } },
      ],
    });
    const res = await upload(ctx, admin.browser, multipart({ _csrf: admin.browser.csrf, level: 'district', year: '2024', codeProperty: 'code', nameProperty: 'naam' }, { name: 'w.geojson', content: geojson }));
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.match(res.body, /Nieuw: 1/);
    assert.match(res.body, /Afgewezen: 1/);
    assert.equal(await getArea(ctx.database.db, 'GM0542', 'WK054201'), null);
  });

  it('answers 413 for a file over the limit', async () => {
    const res = await upload(ctx, admin.browser, multipart({ _csrf: admin.browser.csrf, level: 'district' }, { name: 'big.geojson', content: ' '.repeat(20 * 1024 * 1024 + 10) }));
    assert.equal(res.statusCode, 413);
  });
});
