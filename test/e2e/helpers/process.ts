/**
 * Run the real `samenhang` command line as a child process, the way a user runs it:
 * `node --import tsx src/main.ts <command>`. Shared by the browser journeys (test/e2e) and the
 * process-level tests of the command line (test/cli).
 *
 * Under `scripts/run-tests.mjs` the app is compiled once per run (the same esbuild run as the
 * test files) and `SAMENHANG_TEST_MAIN` names the compiled `src/main.mjs`: children start from
 * it, without compiling ~500 TypeScript files through tsx each time (about 3 s of CPU per start).
 * Without it (`TEST_TSX=1`, or a test file started by hand) they run `src/main.ts` through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/platform/paths.ts';

/** The checkout root (where package.json and src/main.ts live). */
export const ROOT = PROJECT_ROOT;

/** Variables a test must never inherit from the shell: they would point the child elsewhere. */
const SCRUBBED = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'BASE_URL',
  'DATABASE_URL',
  'TEST_DATABASE_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'SESSION_SECRET',
  'SEED',
  'NODE_ENV',
  'LOG_LEVEL',
  'TEST_ENGINE',
  'NODE_TEST_CONTEXT',
];

export interface Child {
  process: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once the process has exited. */
  hasExited(): boolean;
  /** Wait for exit at most `ms`; on timeout kill it with SIGKILL and throw. */
  waitForExit(ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL if still running (cleanup in `after`). */
  kill(): void;
}

/**
 * How to start the command line: the compiled entry of this test run when `SAMENHANG_TEST_MAIN`
 * names one (see the top of this file), else `src/main.ts` through tsx.
 */
function entryArgs(): string[] {
  const compiled = process.env.SAMENHANG_TEST_MAIN;
  if (compiled && existsSync(compiled)) return ['--enable-source-maps', compiled];
  return ['--import', 'tsx', 'src/main.ts'];
}

/**
 * Spawn `node --import tsx src/main.ts ...args` (or the run's compiled entry, same program) in the
 * checkout with a clean environment plus `env`.
 */
export function spawnSamenhang(args: string[], env: Record<string, string>): Child {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRUBBED) delete base[name];
  const child = spawn(process.execPath, [...entryArgs(), ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let done = false;
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => {
    child.once('close', (code, signal) => {
      done = true;
      res({ code, signal });
    });
  });
  const kill = () => {
    if (!done && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    hasExited: () => done,
    kill,
    async waitForExit(ms) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, rej) => {
        timer = setTimeout(() => {
          kill();
          rej(new Error(`process did not exit within ${ms} ms\n--- stdout ---\n${out}\n--- stderr ---\n${err}`));
        }, ms);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A free TCP port on 127.0.0.1 (asked from the OS with listen(0)). */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

/** A fresh, empty temporary directory; remove it with `removeDir`. */
export function tempDir(prefix = 'samenhang-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Poll `url` until it answers 200. Fails early when the child exits, and after `timeoutMs`
 * with the child's output in the message.
 */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.hasExited()) {
      const { code, signal } = await child.exited;
      throw new Error(
        `server exited (code ${code}, signal ${signal}) before ${url} was ready\n--- stdout ---\n${child.stdout()}\n--- stderr ---\n${child.stderr()}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(
    `${url} not ready within ${timeoutMs} ms (${last})\n--- stdout ---\n${child.stdout()}\n--- stderr ---\n${child.stderr()}`,
  );
}
