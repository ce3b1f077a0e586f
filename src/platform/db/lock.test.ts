import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { DataDirLockedError, lockDataDir } from './lock.ts';

describe('lockDataDir', () => {
  it('refuses a second lock while the first is held and allows it after release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-lock-'));
    const release = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    release();
    assert.equal(existsSync(join(dir, 'samenhang.lock')), false);
    const again = lockDataDir(dir);
    again();
  });

  it('refuses when another live process holds the lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-lock-'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, 'samenhang.lock'), String(child.pid));
      assert.throws(
        () => lockDataDir(dir),
        (err: unknown) => err instanceof DataDirLockedError && err.message.includes(String(child.pid)),
      );
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a process that no longer runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sh-lock-'));
    writeFileSync(join(dir, 'samenhang.lock'), '999999999');
    const release = lockDataDir(dir);
    release();
  });
});
