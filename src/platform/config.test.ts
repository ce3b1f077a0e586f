import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'sh-config-'));

  it('uses defaults and generates a session secret that persists in the data directory', () => {
    const d = dir();
    const a = loadConfig({ DATA_DIR: d }, '/');
    assert.equal(a.port, 3000);
    assert.equal(a.seed, 'demo');
    assert.deepEqual(a.helpWaveHours, { normal: 24, urgent: 2 });
    assert.equal(a.databaseUrl, null);
    assert.equal(a.auditRetentionMonths, 12);
    assert.equal(loadConfig({ DATA_DIR: d, AUDIT_RETENTION_MONTHS: '36' }, '/').auditRetentionMonths, 36);
    assert.equal(a.databasePoolSize, 10);
    assert.ok(a.sessionSecret.length >= 32);
    assert.equal(readFileSync(join(d, 'session-secret'), 'utf8').trim(), a.sessionSecret);
    const b = loadConfig({ DATA_DIR: d }, '/');
    assert.equal(b.sessionSecret, a.sessionSecret);
  });

  it('names the variable that is wrong', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'abc' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ SMTP_URL: 'http://mail' }, 'SMTP_URL'],
      [{ SEED: 'everything' }, 'SEED'],
      [{ BASE_URL: 'not a url' }, 'BASE_URL'],
      [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
      [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
      [{ HELP_WAVE_HOURS: '0' }, 'HELP_WAVE_HOURS'],
      [{ HELP_WAVE_URGENT_HOURS: 'soon' }, 'HELP_WAVE_URGENT_HOURS'],
      [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '*' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '10.0.0.1, proxy.example.nl' }, 'TRUST_PROXY'],
      [{ AUDIT_RETENTION_MONTHS: '3' }, 'AUDIT_RETENTION_MONTHS'],
      [{ AUDIT_RETENTION_MONTHS: '121' }, 'AUDIT_RETENTION_MONTHS'],
      [{ AUDIT_RETENTION_MONTHS: '12.5' }, 'AUDIT_RETENTION_MONTHS'],
      [{ AUDIT_RETENTION_MONTHS: 'forever' }, 'AUDIT_RETENTION_MONTHS'],
      [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
      [{ DATABASE_POOL_SIZE: '-5' }, 'DATABASE_POOL_SIZE'],
      [{ DATABASE_POOL_SIZE: '2.5' }, 'DATABASE_POOL_SIZE'],
      [{ DATABASE_POOL_SIZE: 'ten' }, 'DATABASE_POOL_SIZE'],
      [{ DATABASE_POOL_SIZE: '5000' }, 'DATABASE_POOL_SIZE'],
    ];
    for (const [env, variable] of cases) {
      assert.throws(
        () => loadConfig({ DATA_DIR: dir(), ...env }, '/'),
        (err: unknown) => err instanceof ConfigError && err.variable === variable && err.message.includes(variable),
        `${JSON.stringify(env)} should name ${variable}`,
      );
    }
  });

  it('accepts a full production configuration', () => {
    const c = loadConfig(
      {
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://u:p@db/samenhang',
        SMTP_URL: 'smtp://mail:587',
        BASE_URL: 'https://samenhang.example.nl/',
        PORT: '8080',
        SEED: 'none',
        HELP_WAVE_HOURS: '48',
        HELP_WAVE_URGENT_HOURS: '0.5',
        DATABASE_POOL_SIZE: '25',
      },
      '/',
    );
    assert.equal(c.databasePoolSize, 25);
    assert.deepEqual(c.helpWaveHours, { normal: 48, urgent: 0.5 });
    assert.equal(c.env, 'production');
    assert.equal(c.baseUrl, 'https://samenhang.example.nl');
    assert.equal(c.port, 8080);
    assert.equal(c.seed, 'none');
    assert.equal(c.trustProxy, false, 'production trusts no proxy unless TRUST_PROXY says so');
  });

  it('reads TRUST_PROXY as a hop count or a list of addresses and networks', () => {
    const read = (v: string) => loadConfig({ DATA_DIR: dir(), TRUST_PROXY: v }, '/').trustProxy;
    assert.equal(loadConfig({ DATA_DIR: dir() }, '/').trustProxy, false);
    assert.equal(read('0'), false);
    assert.equal(read('none'), false);
    assert.equal(read('1'), 1);
    assert.deepEqual(read('10.0.0.1, 192.168.0.0/16,loopback'), ['10.0.0.1', '192.168.0.0/16', 'loopback']);
    assert.deepEqual(read('::1,fd00::/8'), ['::1', 'fd00::/8']);
  });

  it('turns the PDOK geocoder on by default only in production, with URL and timeout', () => {
    const prod = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) };
    assert.deepEqual(loadConfig({ DATA_DIR: dir() }, '/').geocoder, {
      pdok: false,
      pdokUrl: 'https://api.pdok.nl/bzk/locatieserver/search/v3_1',
      timeoutMs: 2000,
    });
    assert.equal(loadConfig({ DATA_DIR: dir(), ...prod }, '/').geocoder.pdok, true);
    assert.equal(loadConfig({ DATA_DIR: dir(), ...prod, GEOCODER_PDOK: 'off' }, '/').geocoder.pdok, false);
    const own = loadConfig(
      { DATA_DIR: dir(), GEOCODER_PDOK: 'on', PDOK_LOCATIESERVER_URL: 'http://pdok.local/v3_1/', GEOCODER_TIMEOUT_MS: '500' },
      '/',
    );
    assert.deepEqual(own.geocoder, { pdok: true, pdokUrl: 'http://pdok.local/v3_1', timeoutMs: 500 });
    assert.throws(() => loadConfig({ DATA_DIR: dir(), GEOCODER_PDOK: 'yes' }, '/'), /GEOCODER_PDOK/);
    assert.throws(() => loadConfig({ DATA_DIR: dir(), GEOCODER_TIMEOUT_MS: '10' }, '/'), /GEOCODER_TIMEOUT_MS/);
  });
});
