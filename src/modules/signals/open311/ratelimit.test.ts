import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { KRIMPEN, setupTenant } from '../signals.test-support.ts';
import { addressBucket, hitAddressAndKey, keyBucket } from './ratelimit.ts';

describe('Open311 rate limits: address and key counted in one statement (ratelimit.ts)', () => {
  const t = useTestDb();
  before(async () => {
    await setupTenant(t.database.db, KRIMPEN);
  });

  it('counts both, counts the key only while the address is within its limit, and the address alone without a key', async () => {
    const db = t.database.db;
    const now = new Date('2026-12-07T10:00:30Z');
    const address = { bucket: addressBucket('192.0.2.7'), limit: 3 };
    const key = { bucket: keyBucket('00000000-0000-4000-8000-000000000001') };
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await hitAddressAndKey(db, KRIMPEN.id, address, key, now));
    assert.deepEqual(
      seen.map((s) => [s.byAddress.hits, s.byKey?.hits ?? null]),
      [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, null],
        [5, null],
      ],
      'beyond the address limit the key is not counted',
    );
    assert.equal(seen[0]!.byAddress.retryAfter, 30);
    const keyless = await hitAddressAndKey(db, KRIMPEN.id, address, null, now);
    assert.deepEqual([keyless.byAddress.hits, keyless.byKey], [6, null]);
    // A new minute: new windows for both.
    const later = await hitAddressAndKey(db, KRIMPEN.id, address, key, new Date('2026-12-07T10:01:05Z'));
    assert.deepEqual([later.byAddress.hits, later.byKey?.hits], [1, 1]);
    const rows = await db
      .selectFrom('open311_rate_windows')
      .select(['bucket', 'hits'])
      .where('tenant_id', '=', KRIMPEN.id)
      .where('window_start', '=', new Date('2026-12-07T10:00:00Z'))
      .orderBy('bucket')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.bucket, r.hits]),
      [
        [address.bucket, 6],
        [key.bucket, 3],
      ],
    );
  });
});
