import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { testConfig } from '../../../platform/config.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { decryptTotpSecret, encryptTotpSecret, totpCode, verifyTotp } from './totp.ts';

describe('password policy and hashing', () => {
  it('refuses short, too long and common passwords, accepts long ones', () => {
    assert.equal(passwordProblem('1234567'), 'auth.password.tooShort');
    assert.equal(passwordProblem('x'.repeat(129)), 'auth.password.tooLong');
    assert.equal(passwordProblem('wachtwoord'), 'auth.password.common');
    assert.equal(passwordProblem('Welkom01'), 'auth.password.common');
    assert.equal(passwordProblem('password123'), 'auth.password.common');
    assert.equal(passwordProblem('a'.repeat(60) + 'bcde'), null);
    assert.equal(passwordProblem('fiets paraplu regen'), null);
  });

  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('fiets paraplu regen');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'fiets paraplu regen'), true);
    assert.equal(await verifyPassword(hash, 'fiets paraplu zon'), false);
    assert.equal(await verifyPassword('geen hash', 'x'), false);
  });
});

describe('TOTP secrets', () => {
  const config = testConfig();
  const secret = 'KRSXG5CTMVRXEZLUKN2W4ZDFMVXGQYLO';

  it('encrypts so that only this session secret can read it', () => {
    const a = encryptTotpSecret(config, secret);
    assert.notEqual(a, encryptTotpSecret(config, secret), 'random IV');
    assert.equal(decryptTotpSecret(config, a), secret);
    assert.equal(decryptTotpSecret(testConfig({ sessionSecret: 'another-secret-another-secret-another' }), a), null);
    const i = 20;
    assert.equal(decryptTotpSecret(config, a.slice(0, i) + (a[i] === 'A' ? 'B' : 'A') + a.slice(i + 1)), null);
  });

  it('verifies codes within one step', () => {
    const enc = encryptTotpSecret(config, secret);
    const now = new Date('2026-11-23T10:00:00Z');
    assert.equal(verifyTotp(config, enc, totpCode(secret, now), now), true);
    assert.equal(verifyTotp(config, enc, totpCode(secret, new Date(now.getTime() + 30_000)), now), true);
    assert.equal(verifyTotp(config, enc, totpCode(secret, new Date(now.getTime() + 90_000)), now), false);
    assert.equal(verifyTotp(config, enc, 'abcdef', now), false);
  });
});
