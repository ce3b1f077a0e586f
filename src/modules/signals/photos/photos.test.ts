import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { MAX_SIDE, PhotoError, processPhoto, processPhotos, sniffFormat } from './photos.service.ts';
import { image, jpegWithGps, pngBomb } from './photos.test-support.ts';

const refused = (code: string) => (e: unknown) => e instanceof PhotoError && e.code === code;

describe('photo processing', () => {
  it('accepts JPEG, PNG and WebP and re-encodes them as JPEG that decodes', async () => {
    for (const f of ['jpeg', 'png', 'webp'] as const) {
      const input = await image(f);
      assert.equal(sniffFormat(input), f);
      const out = await processPhoto(input, `foto.${f}`);
      assert.equal(out.contentType, 'image/jpeg');
      assert.notDeepEqual(out.bytes, input);
      const meta = await sharp(out.bytes).metadata();
      assert.equal(meta.format, 'jpeg');
      assert.equal(meta.width, 64);
      assert.equal((await sharp(out.thumb).metadata()).format, 'jpeg');
    }
  });

  it('strips EXIF, GPS, XMP and ICC and applies the orientation', async () => {
    const input = await jpegWithGps();
    const before = await sharp(input).metadata();
    assert.ok(before.exif && before.exif.includes(Buffer.from('TestCam')), 'the input carries EXIF');
    assert.equal(before.orientation, 6);
    const out = await processPhoto(input, 'IMG_0001.jpg');
    const after = await sharp(out.bytes).metadata();
    assert.equal(after.exif, undefined);
    assert.equal(after.icc, undefined);
    assert.equal(after.xmp, undefined);
    assert.equal(after.iptc, undefined);
    assert.equal(after.orientation, undefined);
    assert.ok(!out.bytes.includes(Buffer.from('TestCam')) && !out.bytes.includes(Buffer.from('GPS')));
    assert.deepEqual([after.width, after.height], [48, 64], 'rotated upright');
    const thumb = await sharp(out.thumb).metadata();
    assert.equal(thumb.exif, undefined);
  });

  it('limits the longest side to 2000 px', async () => {
    const out = await processPhoto(await image('jpeg', 3000, 1500));
    assert.deepEqual([out.width, out.height], [MAX_SIDE, 1000]);
  });

  it('refuses a renamed executable, GIF, SVG, HEIC and a format that lies about its content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    await assert.rejects(processPhoto(exe, 'foto.jpg'), refused('not_a_photo'));
    await assert.rejects(processPhoto(await image('gif'), 'foto.png'), refused('not_a_photo'));
    await assert.rejects(
      processPhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'foto.webp'),
      refused('not_a_photo'),
    );
    const heif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
      .heif({ compression: 'av1' })
      .toBuffer();
    await assert.rejects(processPhoto(heif, 'foto.heic'), refused('not_a_photo'));
    // JPEG magic bytes followed by garbage.
    await assert.rejects(
      processPhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)])),
      refused('not_a_photo'),
    );
  });

  it('refuses an image bomb quickly, without decoding it', async () => {
    const bomb = pngBomb();
    assert.ok(bomb.length < 10_000);
    const started = process.hrtime.bigint();
    await assert.rejects(processPhoto(bomb, 'bom.png'), refused('photo_too_many_pixels'));
    // Not a timing assertion on speed, only a guard against decoding 900 megapixels (minutes and gigabytes).
    assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 10);
    await assert.rejects(processPhoto(pngBomb(8000, 8000)), refused('photo_too_many_pixels'));
  });

  it('refuses a file over 10 MB and reports the first refused file of several', async () => {
    await assert.rejects(processPhoto(Buffer.alloc(11 * 1024 * 1024, 1), 'groot.jpg'), refused('photo_too_large'));
    const good = await image('png');
    await assert.rejects(
      processPhotos([
        { name: 'a.png', data: good },
        { name: 'b.exe', data: Buffer.from('MZ....') },
      ]),
      (e) => refused('not_a_photo')(e) && (e as PhotoError).vars?.name === 'b.exe',
    );
    assert.equal(
      (
        await processPhotos([
          { name: 'a.png', data: good },
          { name: 'b.png', data: good },
        ])
      ).length,
      2,
    );
  });
});
