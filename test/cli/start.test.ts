/**
 * The command line as a process: lock on the data directory, configuration errors, clean stop on
 * SIGINT, help and unknown commands. Always on the embedded database (PGlite) in a temporary
 * directory, with SEED=none to stay fast.
 *
 * Engine-independent on purpose: the processes it starts never see the test database (process.ts
 * keeps it from them), so scripts/test-build.mjs finds no way to a database here and the file runs
 * once, beside the PGlite pass. It used to name the engine variable for a label and so ran a
 * second time in the PostgreSQL pass, on PGlite again: the same processes, the same checks.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { freePort, removeDir, spawnSamenhang, tempDir, waitForOk, type Child } from '../e2e/helpers/process.ts';

const children: Child[] = [];
const dirs: string[] = [];

after(() => {
  for (const c of children) c.kill();
  for (const d of dirs) removeDir(d);
});

function run(args: string[], env: Record<string, string> = {}): Child {
  const child = spawnSamenhang(args, { NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED: 'none', ...env });
  children.push(child);
  return child;
}

function freshDir(): string {
  const dir = tempDir('samenhang-cli-');
  dirs.push(dir);
  return dir;
}

async function startServe(dataDir: string): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = run(['serve'], { PORT: String(port), DATA_DIR: dataDir });
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/ready`, child, 60_000);
  return { child, url };
}

describe('samenhang command line: quick exits', { concurrency: true }, () => {
  it('help prints the usage and exits 0', async () => {
    const child = run(['help']);
    const { code } = await child.waitForExit(30_000);
    assert.equal(code, 0, `stderr: ${child.stderr()}`);
    assert.match(child.stdout(), /Usage: samenhang <command>/);
    assert.match(child.stdout(), /serve/);
    assert.match(child.stdout(), /create-user/);
  });

  it('a bad DATABASE_POOL_SIZE stops serve with a message naming it', async () => {
    const child = run(['serve'], { DATA_DIR: freshDir(), DATABASE_POOL_SIZE: '0' });
    const { code } = await child.waitForExit(30_000);
    assert.equal(code, 1, `stderr: ${child.stderr()}`);
    assert.match(child.stderr(), /Invalid configuration: DATABASE_POOL_SIZE: must be at least 1/);
  });

  it('an unknown command exits 2 and says so', async () => {
    const child = run(['frobnicate'], { DATA_DIR: freshDir() });
    const { code } = await child.waitForExit(30_000);
    assert.equal(code, 2, `stderr: ${child.stderr()}`);
    assert.match(child.stderr(), /Unknown command: frobnicate/);
    assert.match(child.stderr(), /Usage:/);
  });

  it('PORT=abc exits 1 with a message naming PORT', async () => {
    const child = run(['serve'], { PORT: 'abc', DATA_DIR: freshDir() });
    const { code } = await child.waitForExit(30_000);
    assert.equal(code, 1, `stderr: ${child.stderr()}`);
    assert.match(child.stderr(), /\bPORT\b/);
    assert.doesNotMatch(child.stdout(), /is running/);
  });

  it('DATABASE_URL=mysql://x exits 1 with a message naming DATABASE_URL', async () => {
    const child = run(['serve'], { DATABASE_URL: 'mysql://x', DATA_DIR: freshDir() });
    const { code } = await child.waitForExit(30_000);
    assert.equal(code, 1, `stderr: ${child.stderr()}`);
    assert.match(child.stderr(), /\bDATABASE_URL\b/);
  });
});

describe('samenhang serve', () => {
  // One server for both tests: starting on a fresh data directory is the slow part.
  let running: { child: Child; url: string; dataDir: string } | undefined;

  it('a second serve on the same DATA_DIR exits 1 saying the directory is in use', async () => {
    const dataDir = freshDir();
    running = { ...(await startServe(dataDir)), dataDir };
    // A new data directory is created and migrated by a child process that exits (src/cli/prepare.ts).
    assert.match(running.child.stdout(), /New data directory: creating the database/);
    const port = await freePort();
    const second = run(['serve'], { PORT: String(port), DATA_DIR: dataDir });
    const { code } = await second.waitForExit(30_000);
    assert.equal(code, 1, `second process: stdout ${second.stdout()} stderr ${second.stderr()}`);
    assert.match(second.stderr(), /in use|in gebruik/i);
    assert.doesNotMatch(second.stdout(), /is running/);

    // The first one is unharmed, still serves and still holds the lock.
    const res = await fetch(`${running.url}/health`);
    assert.equal(res.status, 200);
    assert.ok(existsSync(join(dataDir, 'samenhang.lock')), 'the first process still holds the lock');
  });

  it('SIGINT stops cleanly: exit 0, "Stopped cleanly", lock file removed', async () => {
    if (!running || running.child.hasExited()) {
      const dataDir = freshDir();
      running = { ...(await startServe(dataDir)), dataDir };
    }
    const { child, url, dataDir } = running;
    assert.ok(existsSync(join(dataDir, 'samenhang.lock')), 'the lock file exists while serving');
    const res = await fetch(`${url}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });

    child.process.kill('SIGINT');
    const { code, signal } = await child.waitForExit(20_000);
    assert.equal(code, 0, `exit code (signal ${signal}); stderr: ${child.stderr()}`);
    assert.match(child.stdout(), /SIGINT received/);
    assert.match(child.stdout(), /Stopped cleanly/);
    assert.equal(existsSync(join(dataDir, 'samenhang.lock')), false, 'the lock file is gone');

    // And the directory can be used again right away, by a single process.
    const again = await startServe(dataDir);
    assert.doesNotMatch(again.child.stdout(), /New data directory/, 'an existing directory is opened directly');
    again.child.process.kill('SIGTERM');
    assert.equal((await again.child.waitForExit(20_000)).code, 0, 'SIGTERM stops cleanly too');
    assert.match(again.child.stdout(), /Stopped cleanly/);
  });
});
