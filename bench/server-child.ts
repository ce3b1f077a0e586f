/**
 * The real server as a child process, started the way `npm start` starts it (the command line of
 * package.json's `start` script, see `startCommand`), so its memory is measured on its own:
 * resident set size from /proc/<pid>/status (Linux). Shared by bench/memory.ts and bench/soak.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export interface ServerChild {
  pid: number;
  url: string;
  /** Seconds from spawn until /ready answered 200. */
  startSeconds: number;
  /** Current RSS of the server process in bytes (0 once it has exited). */
  rss(): number;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  /** SIGTERM, wait for a clean exit (SIGKILL after 20 s). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * The arguments `npm start` gives Node: package.json's `start` script, which must be a plain
 * `node [flags] <entry> serve` command line (no shell syntax), so the bench runs exactly that.
 */
export function startCommand(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: { start?: string } };
  const words = (pkg.scripts?.start ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2 || words.some((w) => /[|&;<>()$`"'\\*?]/.test(w))) {
    throw new Error(`package.json's start script is not a plain "node … serve" command line: ${pkg.scripts?.start}`);
  }
  return words.slice(1);
}

export interface StartOptions {
  /** Node's arguments (flags, entry, command); default: those of `npm start` (startCommand). */
  command?: string[];
  dataDir: string;
  /** postgres://… to run on PostgreSQL (with the app's pool), else embedded PGlite in dataDir. */
  databaseUrl?: string;
  seed: 'demo' | 'none';
  /** Extra environment (e.g. LOG_LEVEL). */
  env?: Record<string, string>;
  /** How long to wait for /ready. */
  timeoutMs?: number;
}

export async function startServer(opts: StartOptions): Promise<ServerChild> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'TEST_DATABASE_URL', 'SMTP_URL', 'BASE_URL', 'HOST']) delete env[name];
  const child: ChildProcess = spawn(process.execPath, opts.command ?? startCommand(), {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: opts.dataDir,
      SEED: opts.seed,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const started = performance.now();
  const deadline = started + (opts.timeoutMs ?? 600_000);
  for (;;) {
    if (exited) throw new Error(`the server exited before it was ready:\n${out.slice(-2000)}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready in time:\n${out.slice(-2000)}`);
    }
    const ok = await fetch(`${url}/ready`)
      .then(async (r) => (await r.arrayBuffer(), r.status === 200))
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const startSeconds = (performance.now() - started) / 1000;
  const pid = child.pid!;
  return {
    pid,
    url,
    startSeconds,
    rss: () => (exited ? 0 : rssOf(pid)),
    output: () => out,
    stop: async () => {
      if (exited) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}

/** Samples a process's RSS on an interval: the peak and every sample with its time. */
export class ChildRssSampler {
  peak = 0;
  readonly samples: { atSeconds: number; rss: number }[] = [];
  private readonly began = performance.now();
  private readonly timer: NodeJS.Timeout;
  constructor(
    private readonly server: ServerChild,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  sample(): number {
    const rss = this.server.rss();
    if (rss > 0) {
      this.peak = Math.max(this.peak, rss);
      this.samples.push({ atSeconds: (performance.now() - this.began) / 1000, rss });
    }
    return rss;
  }
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}
