/**
 * The real platform for browser journeys: `samenhang serve` as a child process on a free port,
 * a fresh DATA_DIR (embedded PGlite) and the demo data, stopped with SIGINT at the end.
 * When `E2E_DEMO_TEMPLATE` names a data directory seeded once by `scripts/run-tests.mjs --e2e`,
 * each server starts on its own copy of it instead of seeding again (same data, seconds saved per file).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync } from 'node:fs';
import { after, before } from 'node:test';
import { freePort, removeDir, spawnSamenhang, tempDir, waitForOk, type Child } from './process.ts';

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  dataDir: string;
  child: Child;
}

/** Seeding the demo data into an empty database can take a while on a small CI machine. */
const READY_TIMEOUT_MS = 90_000;

export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = tempDir('samenhang-e2e-');
  const template = process.env.E2E_DEMO_TEMPLATE;
  if (template && existsSync(template) && (env.SEED ?? 'demo') === 'demo') cpSync(template, dataDir, { recursive: true });
  const child = spawnSamenhang(['serve'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    BASE_URL: `http://127.0.0.1:${port}`,
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}/ready`, child, READY_TIMEOUT_MS);
  } catch (err) {
    child.kill();
    removeDir(dataDir);
    throw err;
  }
  return { url, dataDir, child };
}

/** Stop with SIGINT (Ctrl-C) and assert a clean exit: code 0 and "Stopped cleanly.". */
export async function stopServer(server: RunningServer): Promise<void> {
  try {
    if (!server.child.hasExited()) server.child.process.kill('SIGINT');
    const { code, signal } = await server.child.waitForExit(20_000);
    assert.equal(code, 0, `server should exit 0 on SIGINT, got code ${code} signal ${signal}\n--- stderr ---\n${server.child.stderr()}`);
    assert.match(server.child.stdout(), /Stopped cleanly/);
  } finally {
    server.child.kill();
    removeDir(server.dataDir);
  }
}

/** One server for the whole test file: started in `before`, stopped (and checked) in `after`. */
export function useServer(env: Record<string, string> = {}): { readonly url: string; readonly server: RunningServer } {
  let server: RunningServer | undefined;
  before(async () => {
    server = await startServer(env);
  });
  after(async () => {
    if (server) await stopServer(server);
  });
  return {
    get url() {
      assert.ok(server, 'server not started');
      return server.url;
    },
    get server() {
      assert.ok(server, 'server not started');
      return server;
    },
  };
}
