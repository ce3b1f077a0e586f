/**
 * Memory of the real server (issue 17, scope 7): `serve` started as `npm start` starts it, in a
 * child process, on embedded PGlite.
 *  1. fresh: an empty data directory (initdb, migrations and the demo seed, which `serve` runs in a
 *     child process of its own, src/cli/prepare.ts), RSS once /ready answers, then after a short load;
 *  2. restarted: the same directory again (the data exists), the same two figures.
 * Goals (issue 17): fresh at most 400 MB, restarted at most 300 MB, after start-up (2 s after
 * /ready answers); the RSS after the load is reported beside them, against the same figure.
 * The load: the three pages of bench/run.ts, BENCH_MEMORY_SECONDS (default 3) each, 10 connections,
 * from a child process. RSS is read from /proc/<pid>/status, so this runs on Linux.
 * The server runs exactly what `npm start` runs: the `start` script of package.json (node, its
 * flags, bin/samenhang.mjs, serve; see bench/server-child.ts). bin/samenhang.mjs builds the
 * bundle first if it is missing or stale, in a child process of its own that is not counted.
 *
 * Run: `npx tsx bench/memory.ts` (also part of `npm run bench`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInChild } from './load-child.ts';
import { ChildRssSampler, startCommand, startServer } from './server-child.ts';

const SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 3);
const PATHS = ['/', '/groningen/', '/groningen/wijken/WK001404'];
const MB = 1024 * 1024;
const GOALS = { fresh: 400 * MB, restarted: 300 * MB };

interface Phase {
  name: 'fresh' | 'restarted';
  startSeconds: number;
  afterStart: number;
  afterLoad: number;
  peak: number;
  errors: number;
}

function log(msg: string): void {
  process.stderr.write(`[memory] ${msg}\n`);
}

async function phase(name: Phase['name'], dataDir: string): Promise<Phase> {
  log(`${name} start on ${name === 'fresh' ? 'an empty' : 'the same'} data directory…`);
  const server = await startServer({ dataDir, seed: 'demo' });
  try {
    // Let start-up work that follows /ready (recurring jobs, first worker tick) settle.
    await new Promise((r) => setTimeout(r, 2000));
    const afterStart = server.rss();
    const sampler = new ChildRssSampler(server, 200);
    let errors = 0;
    for (const path of PATHS) {
      const r = await loadInChild(`${server.url}${path}`, 10, SECONDS);
      errors += r.errors + r.non2xx;
    }
    sampler.stop();
    const afterLoad = server.rss();
    return { name, startSeconds: server.startSeconds, afterStart, afterLoad, peak: sampler.peak, errors };
  } finally {
    const code = await server.stop();
    if (code !== 0) log(`${name}: the server exited with ${code}:\n${server.output().slice(-1500)}`);
  }
}

const mb = (b: number) => `${Math.round(b / MB)} MB`;

export function renderMemory(phases: Phase[]): string {
  const lines = ['### Memory of `serve` on PGlite (RSS of the server process, issue 17 scope 7)', ''];
  lines.push(`Started as \`npm start\` starts it: \`node ${startCommand().join(' ')}\`.`, '');
  lines.push(
    '| start | ready after | goal: RSS after start-up | RSS after start-up | verdict | RSS after load | peak during load | load errors | after load |',
  );
  lines.push('|---|---:|---:|---:|---|---:|---:|---:|---|');
  for (const p of phases) {
    const goal = GOALS[p.name];
    const verdict = (rss: number) => (rss <= goal ? 'within' : 'over');
    lines.push(
      `| ${p.name} | ${p.startSeconds.toFixed(1)} s | ≤ ${mb(goal)} | ${mb(p.afterStart)} | goal ${p.afterStart <= goal ? 'met' : 'not met'} | ${mb(p.afterLoad)} | ${mb(p.peak)} | ${p.errors} | ${verdict(p.afterLoad)} the goal (${p.afterLoad > goal ? '+' : ''}${mb(p.afterLoad - goal)}) |`,
    );
  }
  lines.push('', `Load: ${PATHS.map((p) => `\`${p}\``).join(', ')}, ${SECONDS} s each, 10 connections.`, '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-bench-memory-'));
  try {
    const phases = [await phase('fresh', dir), await phase('restarted', dir)];
    process.stdout.write(`${renderMemory(phases)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`memory benchmark failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
