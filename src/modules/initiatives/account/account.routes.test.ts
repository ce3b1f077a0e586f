import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { TestBrowser, useTestApp } from '../../../../test/helpers/app.ts';
import { signInAs } from '../../../../test/helpers/people.ts';
import { buildTenant, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { decide } from '../review/review.service.ts';
import { principalAs, seedApplication, seedFund } from '../review/review.test-support.ts';

/** A multipart form as a browser sends it (one file field). */
function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = '----samenhangtest' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('accountability pages (uploads without JavaScript)', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  let path: string;
  let resident: TestBrowser;

  before(async () => {
    await buildTenant(db(), KRIMPEN);
    resident = new TestBrowser(ctx.app);
    const userId = await signInAs(ctx, resident, { tenantId: KRIMPEN.id, role: 'resident' });
    const fundId = await seedFund(db(), KRIMPEN.id);
    const app = await seedApplication(db(), {
      tenantId: KRIMPEN.id,
      fundId,
      submittedAt: ctx.clock.now(),
      status: 'acknowledged',
      applicantUserId: userId,
    });
    const coordinator = principalAs(null, KRIMPEN.id, null, ctx.clock.now());
    await decide(db(), { ...coordinator, system: true }, KRIMPEN.id, app.reference, {
      decision: 'full',
      grantedCents: null,
      reasons: '',
      template: 'standard',
      locale: 'nl',
      letter: 'Beste buren, toegekend.',
    });
    path = `/${KRIMPEN.slug}/samen-doen/verantwoorden/${app.reference}`;
  });

  async function upload(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
    const page = await resident.get(path);
    assert.equal(page.statusCode, 200);
    const { payload, contentType } = multipart({ _csrf: resident.csrf, ...fields }, file);
    return ctx.app.inject({
      method: 'POST',
      url: `${path}/bestand`,
      payload,
      headers: { 'content-type': contentType, accept: 'text/html', cookie: [...resident.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
  }

  it('shows the letter; refuses a file that is not a photo with a message beside the field; keeps a good photo', async () => {
    const page = await resident.get(path);
    assert.match(page.body, /Beste buren, toegekend\./);
    let res = await upload({ kind: 'photo', altText: '' }, { name: 'brief.txt', type: 'text/plain', data: Buffer.from('geen foto') });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="veld-file-error"[^>]*>Dit bestand \(brief\.txt\) is geen foto\. Kies een JPEG-, PNG- of WebP-bestand\./);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    res = await upload({ kind: 'photo', altText: 'Rode vlag', shown: '1' }, { name: 'vlag.png', type: 'image/png', data: png });
    assert.equal(res.statusCode, 303);
    const after = await resident.get(res.headers.location as string);
    assert.match(after.body, /Het bestand is toegevoegd\./);
    assert.match(after.body, /Rode vlag \(mag getoond worden\)/);
    const href = /href="(\/krimpen-aan-den-ijssel\/samen-doen\/bestanden\/[0-9a-f-]{36})"/.exec(after.body)![1]!;
    const anon = await ctx.app.inject({ method: 'GET', url: href });
    assert.equal(anon.statusCode, 200);
    assert.equal(anon.headers['content-type'], 'image/jpeg');
  });

  it('a file over 10 MB is refused with 413 and a message; a receipt as a photo of a receipt is fine', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 1);
    const res = await upload({ kind: 'receipt', altText: '' }, { name: 'groot.pdf', type: 'application/pdf', data: big });
    assert.equal(res.statusCode, 413);
    assert.match(res.body, /Dit bestand \(groot\.pdf\) is te groot\./);
    const jpg = await sharp({ create: { width: 30, height: 60, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    const ok = await upload({ kind: 'receipt', altText: '' }, { name: 'bon.jpg', type: 'image/jpeg', data: jpg });
    assert.equal(ok.statusCode, 303);
    // A receipt is not public, even when "shown" was sent.
    const page = await resident.get(path);
    const ids = [...page.body.matchAll(/href="(\/krimpen-aan-den-ijssel\/samen-doen\/bestanden\/[0-9a-f-]{36})"/g)].map((m) => m[1]!);
    const statuses = await Promise.all(ids.map(async (u) => (await ctx.app.inject({ method: 'GET', url: u })).statusCode));
    assert.deepEqual(statuses.sort(), [200, 404]);
  });
});
