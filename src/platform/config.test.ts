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
    const c = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://u:p@db/samenhang',
      SMTP_URL: 'smtp://mail:587',
      BASE_URL: 'https://samenhang.example.nl/',
      PORT: '8080',
      SEED: 'none',
      HELP_WAVE_HOURS: '48',
      HELP_WAVE_URGENT_HOURS: '0.5',
    }, '/');
    assert.deepEqual(c.helpWaveHours, { normal: 48, urgent: 0.5 });
    assert.equal(c.env, 'production');
    assert.equal(c.baseUrl, 'https://samenhang.example.nl');
    assert.equal(c.port, 8080);
    assert.equal(c.seed, 'none');
  });
});
