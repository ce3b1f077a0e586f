import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken, newToken } from './tokens.ts';

describe('tokens', () => {
  it('newToken gives 32 random bytes as 43 base64url characters, never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const t = newToken();
      assert.match(t, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(t, 'base64url').length, 32);
      seen.add(t);
    }
    assert.equal(seen.size, 200);
  });
  it('hashToken is the SHA-256 in hex', () => {
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(hashToken(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
