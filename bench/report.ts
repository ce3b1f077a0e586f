/** Peak-RSS sampling and the Markdown report of `npm run bench`. */
import type { LoadResult } from './load.ts';
import type { InsertResult } from './engine.ts';

/** Samples this process's resident set size on an interval and keeps the peak. */
export class RssSampler {
  peak = process.memoryUsage().rss;
  private readonly timer: NodeJS.Timeout;
  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  /** Start a new phase: the peak restarts from the current RSS. */
  resetPeak(): void {
    this.peak = process.memoryUsage().rss;
  }
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

export interface AppRow {
  engine: 'pglite' | 'postgres';
  path: string;
  status: number;
  result: LoadResult | null;
}

export interface AppResult {
  engine: 'pglite' | 'postgres';
  rows: AppRow[];
  seedSeconds: number;
  rssAfterSeed: number;
  peakRss: number;
}

export interface Report {
  date: string;
  cores: number;
  memoryGb: number;
  node: string;
  seconds: number;
  connections: number;
  bare: LoadResult;
  bareRss: number;
  engines: InsertResult[];
  apps: AppResult[];
  appErrors: string[];
  /** The app's pool size on PostgreSQL. */
  poolSize: number;
  totalSeconds: number;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN).toFixed(3);

/** The report as Markdown tables: absolute figures and ratios to the ceilings. */
export function renderReport(r: Report): string {
  const lines: string[] = [];
  lines.push(`## Benchmark ${r.date}`, '');
  lines.push(
    `${r.cores} cores, ${r.memoryGb.toFixed(1)} GB memory, Node ${r.node}; ${r.connections} connections, ${r.seconds} s per target after 1 s warm-up; loopback only.`,
    '',
  );

  lines.push('### Throughput and latency', '');
  lines.push('| target | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | req/s ÷ bare Fastify | p95 ÷ bare p95 |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const b = r.bare;
  lines.push(
    `| bare Fastify hello world | ${int(b.requestsPerSecond)} | ${ms(b.p50Ms)} | ${ms(b.p95Ms)} | ${ms(b.p99Ms)} | ${b.non2xx} | ${b.errors} | 1.000 | 1.000 |`,
  );
  const engineName = (e: AppRow['engine']) => (e === 'pglite' ? 'PGlite' : `PostgreSQL, pool ${r.poolSize}`);
  for (const row of r.apps.flatMap((a) => a.rows)) {
    const a = row.result;
    if (!a) {
      lines.push(`| app \`${row.path}\` (${engineName(row.engine)}) | not measured: HTTP ${row.status} | | | | | | | |`);
      continue;
    }
    lines.push(
      `| app \`${row.path}\` (${engineName(row.engine)}) | ${int(a.requestsPerSecond)} | ${ms(a.p50Ms)} | ${ms(a.p95Ms)} | ${ms(a.p99Ms)} | ${a.non2xx} | ${a.errors} | ${ratio(a.requestsPerSecond, b.requestsPerSecond)} | ${ratio(a.p95Ms, b.p95Ms)} |`,
    );
  }
  for (const e of r.appErrors) lines.push(`| app | failed: ${e.replace(/\|/g, '/').slice(0, 120)} | | | | | | | |`);
  if (!r.apps.some((a) => a.engine === 'postgres')) {
    lines.push('| app on PostgreSQL | not measured (set BENCH_DATABASE_URL) | | | | | | | |');
  }
  lines.push('');

  lines.push('### Engine ceiling: single-row insert, each its own committed transaction, one client', '');
  lines.push('| engine | rows/s | ÷ PGlite |');
  lines.push('|---|---:|---:|');
  const pglite = r.engines.find((e) => e.engine === 'pglite');
  for (const e of r.engines) {
    lines.push(`| ${e.engine} | ${int(e.rowsPerSecond)} | ${pglite ? ratio(e.rowsPerSecond, pglite.rowsPerSecond) : '–'} |`);
  }
  if (!r.engines.some((e) => e.engine === 'postgres')) lines.push('| postgres | not measured (set BENCH_DATABASE_URL) | |');
  lines.push('');

  lines.push('### Memory of the server process (RSS, sampled every 100 ms)', '');
  lines.push('| phase | RSS |');
  lines.push('|---|---:|');
  lines.push(`| peak during bare Fastify | ${mb(r.bareRss)} |`);
  for (const a of r.apps) {
    lines.push(`| ${engineName(a.engine)}: after demo seed, app listening | ${mb(a.rssAfterSeed)} |`);
    lines.push(`| ${engineName(a.engine)}: peak during app load | ${mb(a.peakRss)} |`);
  }
  for (const a of r.apps) lines.push('', `${engineName(a.engine)}: demo seed (migrations + data) took ${a.seedSeconds.toFixed(1)} s.`);
  lines.push(
    '',
    'This process also ran initdb (PGlite) in-process and the benchmark harness; `serve` as started by `npm start` is measured on its own in bench/memory.ts below.',
  );
  lines.push('', `Whole run: ${r.totalSeconds.toFixed(0)} s.`, '');
  return lines.join('\n');
}
