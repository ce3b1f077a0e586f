import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import '../review/review.messages.ts';
import './account.messages.ts';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { buildTenant, buildUser, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { AppError } from '../../../platform/errors.ts';
import { acknowledge, decide } from '../review/review.service.ts';
import { principalAs, seedApplication, seedFund } from '../review/review.test-support.ts';
import { accountPage, addFile, fileBytes, publicPhotos, recordSpotCheck, submitAccount } from './account.service.ts';
import { isSpotChecked, spotCheckDraw } from './spot-check.ts';

describe('the spot-check rule', () => {
  it('is deterministic per application, follows the percentage and depends on the secret', () => {
    const id = '6f1c2b7e-1111-4222-8333-944455556666';
    assert.equal(spotCheckDraw('a'.repeat(64), id), spotCheckDraw('a'.repeat(64), id));
    assert.notEqual(spotCheckDraw('a'.repeat(64), id), spotCheckDraw('b'.repeat(64), id));
    let chosen = 0;
    for (let i = 0; i < 2000; i++) {
      const appId = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      const d = spotCheckDraw('c'.repeat(64), appId);
      assert.ok(d >= 0 && d < 100);
      assert.equal(isSpotChecked('c'.repeat(64), appId, 0), false);
      assert.equal(isSpotChecked('c'.repeat(64), appId, 100), true);
      if (isSpotChecked('c'.repeat(64), appId, 10)) chosen++;
    }
    // About 10 % of 2000 (binomial: well within 140..260).
    assert.ok(chosen > 140 && chosen < 260, `chosen ${chosen}`);
  });
});

describe('accountability afterwards (service)', () => {
  const ctx = useTestApp();
  const db = () => ctx.database.db;
  const now = new Date('2026-12-07T10:00:00Z');
  let coordinator: { id: string };
  let applicant: { id: string };
  let stranger: { id: string };
  let photo: Buffer;

  before(async () => {
    await buildTenant(db(), KRIMPEN);
    coordinator = await buildUser(db(), { tenantId: KRIMPEN.id, role: 'coordinator' });
    applicant = await buildUser(db(), { tenantId: KRIMPEN.id, role: 'resident' });
    stranger = await buildUser(db(), { tenantId: KRIMPEN.id, role: 'resident' });
    photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
      .withExif({ IFD0: { Copyright: 'GEHEIM-GPS-52.1' } })
      .jpeg()
      .toBuffer();
  });

  async function grantedApplication(spotCheckPercent: number) {
    const fundId = await seedFund(db(), KRIMPEN.id, { spotCheckPercent });
    const app = await seedApplication(db(), { tenantId: KRIMPEN.id, fundId, submittedAt: now, applicantUserId: applicant.id });
    const p = principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now);
    await acknowledge(db(), p, KRIMPEN.id, app.reference);
    await decide(db(), p, KRIMPEN.id, app.reference, {
      decision: 'partial',
      grantedCents: 75_000,
      reasons: 'Deels.',
      template: 'standard',
      locale: 'nl',
      letter: 'Beste Bewoners Bloemstraat, wij kennen € 750,00 toe.',
    });
    return app;
  }

  it('the applicant reads the letter, adds a photo (metadata stripped) and a receipt, and submits once', async () => {
    const app = await grantedApplication(100);
    const me = principalAs(applicant.id, KRIMPEN.id, 'resident', now);
    const page = await accountPage(db(), me, KRIMPEN.id, app.reference);
    assert.equal(page.letter, 'Beste Bewoners Bloemstraat, wij kennen € 750,00 toe.');
    assert.equal(page.canAccount, true);
    // Someone else does not even learn that it exists.
    await assert.rejects(
      accountPage(db(), principalAs(stranger.id, KRIMPEN.id, 'resident', now), KRIMPEN.id, app.reference),
      (e: AppError) => e.status === 404,
    );

    await addFile(db(), me, KRIMPEN.id, app.reference, {
      kind: 'photo',
      fileName: 'feest.jpg',
      bytes: photo,
      altText: 'Buren aan lange tafels',
      shownPublicly: true,
    });
    await addFile(db(), me, KRIMPEN.id, app.reference, {
      kind: 'photo',
      fileName: 'prive.jpg',
      bytes: photo,
      altText: '',
      shownPublicly: false,
    });
    const pdf = Buffer.from('%PDF-1.4\n% bon\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await addFile(db(), me, KRIMPEN.id, app.reference, {
      kind: 'receipt',
      fileName: 'bon.pdf',
      bytes: pdf,
      altText: '',
      shownPublicly: true,
    });
    // Refused types, with a clear message naming the file.
    await assert.rejects(
      addFile(db(), me, KRIMPEN.id, app.reference, { kind: 'photo', fileName: 'bon.pdf', bytes: pdf, altText: '', shownPublicly: false }),
      (e: AppError) => e.status === 422 && e.fields?.['file'] === 'initiatives.account.error.notAPhoto' && e.vars?.['name'] === 'bon.pdf',
    );
    await assert.rejects(
      addFile(db(), me, KRIMPEN.id, app.reference, {
        kind: 'receipt',
        fileName: 'bon.txt',
        bytes: Buffer.from('kassabon'),
        altText: '',
        shownPublicly: false,
      }),
      (e: AppError) => e.fields?.['file'] === 'initiatives.account.error.notAReceipt',
    );

    // Photos first, then receipts (same moment: by file name); a receipt is never marked public.
    const files = (await accountPage(db(), me, KRIMPEN.id, app.reference)).files;
    assert.deepEqual(
      files.map((f) => [f.kind, f.fileName, f.shownPublicly]),
      [
        ['photo', 'feest.jpg', true],
        ['photo', 'prive.jpg', false],
        ['receipt', 'bon.pdf', false],
      ],
    );
    // The stored photo is a JPEG without the camera's metadata.
    const anyone = principalAs(null, KRIMPEN.id, null, now);
    const shown = await fileBytes(db(), anyone, KRIMPEN.id, files[0]!.id);
    assert.equal(shown.contentType, 'image/jpeg');
    assert.equal(shown.bytes.includes('GEHEIM-GPS'), false);
    assert.equal((await sharp(shown.bytes).metadata()).exif, undefined);
    // Not ticked, and receipts: never public; the applicant and coordinators see them.
    await assert.rejects(fileBytes(db(), anyone, KRIMPEN.id, files[1]!.id), (e: AppError) => e.status === 404);
    await assert.rejects(
      fileBytes(db(), principalAs(stranger.id, KRIMPEN.id, 'resident', now), KRIMPEN.id, files[2]!.id),
      (e: AppError) => e.status === 404,
    );
    assert.equal((await fileBytes(db(), me, KRIMPEN.id, files[2]!.id)).contentType, 'application/pdf');
    assert.equal(
      (await fileBytes(db(), principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now), KRIMPEN.id, files[1]!.id)).kind,
      'photo',
    );
    const pub = await publicPhotos(db(), KRIMPEN.id, [app.id]);
    assert.deepEqual(
      pub.map((p) => p.altText),
      ['Buren aan lange tafels'],
    );

    await assert.rejects(
      submitAccount(db(), me, KRIMPEN.id, app.reference, { whatHappened: '  ', participants: 40, spentCents: 74_050 }),
      (e: AppError) => e.fields?.['whatHappened'] === 'initiatives.account.error.whatHappened',
    );
    const r = await submitAccount(db(), me, KRIMPEN.id, app.reference, {
      whatHappened: 'Een mooi feest met 40 buren.',
      participants: 40,
      spentCents: 74_050,
    });
    assert.equal(r.spotCheck, true); // 100 %: always chosen
    await assert.rejects(
      submitAccount(db(), me, KRIMPEN.id, app.reference, { whatHappened: 'Nog eens', participants: 1, spentCents: 1 }),
      (e: AppError) => e.status === 409 && e.fields?.['whatHappened'] === 'initiatives.account.error.alreadySubmitted',
    );
    await assert.rejects(
      addFile(db(), me, KRIMPEN.id, app.reference, {
        kind: 'photo',
        fileName: 'laat.jpg',
        bytes: photo,
        altText: '',
        shownPublicly: false,
      }),
      (e: AppError) => e.status === 409,
    );
    const after = await accountPage(db(), me, KRIMPEN.id, app.reference);
    assert.equal(after.status, 'accounted');
    assert.equal(after.canAccount, false);
    assert.deepEqual(after.account, {
      whatHappened: 'Een mooi feest met 40 buren.',
      participants: 40,
      spentCents: 74_050,
      submittedOn: '2026-12-07',
      spotCheck: true,
      spotCheckResult: '',
      spotCheckedOn: null,
    });

    // The coordinator records the check; the applicant may not.
    await assert.rejects(recordSpotCheck(db(), me, KRIMPEN.id, app.reference, 'Zelf goedgekeurd'), (e: AppError) => e.status === 403);
    await recordSpotCheck(db(), principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now), KRIMPEN.id, app.reference, 'Bonnen kloppen.');
    const checked = await accountPage(db(), me, KRIMPEN.id, app.reference);
    assert.equal(checked.account?.spotCheckResult, 'Bonnen kloppen.');
    assert.equal(checked.account?.spotCheckedOn, '2026-12-07');
  });

  it('a fund at 0 % never draws; a check cannot be recorded on an account not chosen', async () => {
    const app = await grantedApplication(0);
    const me = principalAs(applicant.id, KRIMPEN.id, 'resident', now);
    const r = await submitAccount(db(), me, KRIMPEN.id, app.reference, { whatHappened: 'Gedaan.', participants: null, spentCents: null });
    assert.equal(r.spotCheck, false);
    await assert.rejects(
      recordSpotCheck(db(), principalAs(coordinator.id, KRIMPEN.id, 'coordinator', now), KRIMPEN.id, app.reference, 'Gekeken.'),
      (e: AppError) => e.status === 409,
    );
  });
});
