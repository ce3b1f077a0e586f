import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUuid, UUID_RE, UUID_SOURCE } from './ids.ts';

describe('isUuid', () => {
  it('accepts UUIDs in lower and upper case', () => {
    assert.ok(isUuid('00000000-0000-4000-8000-000000000000'));
    assert.ok(isUuid('3f2b8c1e-9a4d-4e6f-b2c7-0d1e2f3a4b5c'));
    assert.ok(isUuid('3F2B8C1E-9A4D-4E6F-B2C7-0D1E2F3A4B5C'));
  });
  it('refuses anything else, also near misses and non-strings', () => {
    for (const v of [
      '',
      'abc',
      '3f2b8c1e9a4d4e6fb2c70d1e2f3a4b5c',
      '3f2b8c1e-9a4d-4e6f-b2c7-0d1e2f3a4b5',
      '3f2b8c1e-9a4d-4e6f-b2c7-0d1e2f3a4b5c0',
      'g0000000-0000-4000-8000-000000000000',
      ' 00000000-0000-4000-8000-000000000000',
      '00000000-0000-4000-8000-000000000000\n',
      "1' or '1'='1",
    ]) {
      assert.equal(isUuid(v), false, JSON.stringify(v));
    }
    for (const v of [undefined, null, 42, {}, ['00000000-0000-4000-8000-000000000000']]) assert.equal(isUuid(v), false);
  });
  it('gives the same rule as a regex and as a source to compose', () => {
    assert.ok(UUID_RE.test('00000000-0000-4000-8000-000000000000'));
    assert.ok(!UUID_RE.test('x00000000-0000-4000-8000-000000000000'));
    assert.ok(new RegExp(`^categorie:${UUID_SOURCE}$`, 'i').test('categorie:00000000-0000-4000-8000-000000000000'));
  });
});
