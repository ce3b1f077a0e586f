/**
 * Soak test (issue 17, scope 8): the real server (`serve`, as `npm start` starts it, in a child
 * process) under a mixed load at a fixed rate for BENCH_SOAK_SECONDS (default 600), on PGlite and,
 * when BENCH_DATABASE_URL is set, on a fresh PostgreSQL database there (dropped afterwards).
 *
 * The mix, BENCH_SOAK_RATE requests per second in all (default 20), sent open-loop (a request
 * leaves on schedule whether or not earlier ones have answered):
 *   50 % pages      home, a municipality, a neighbourhood, the social map
 *   25 % searches   the social map with words, "vandaag", "deze week", a theme
 *   15 % signals    Open311 POST requests.json (an API key issued before the server starts)
 *   10 % sign-ins   the password form of the demo residents and volunteers (a 303 is success)
 * Requests come from many client addresses (X-Forwarded-For, the server trusts one proxy hop), as
 * real visitors do; per-address limits hold for each. Every answer other than 2xx/3xx, every network error and timeout (10 s) counts as an error.
 * RSS of the server process is sampled every 2 s. Verdicts: errors must be 0; memory is "flat"
 * when the least-squares slope of RSS over the second half of the run is below
 * BENCH_SOAK_SLOPE_MB_PER_MIN (default 2 MB/min; see docs/performance.md for why).
 *
 * Run: `npm run bench -- --soak`, `BENCH_SOAK=1 npm run bench`, or alone `npx tsx bench/soak.ts`
 * (BENCH_SOAK_SECONDS=90 for a short run). Never part of `npm test`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ChildRssSampler, startServer, type ServerChild } from './server-child.ts';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const RATE = Number(process.env.BENCH_SOAK_RATE ?? 20);
const SLOPE_LIMIT_MB_PER_MIN = Number(process.env.BENCH_SOAK_SLOPE_MB_PER_MIN ?? 2);
const SECRET = `soak-${randomBytes(16).toString('hex')}`;
const TENANT = { id: 'GM0014', slug: 'groningen' };
const MB = 1024 * 1024;

type Kind = 'page' | 'search' | 'signal' | 'sign-in';
const MIX: [Kind, number][] = [
  ['page', 0.5],
  ['search', 0.25],
  ['signal', 0.15],
  ['sign-in', 0.1],
];
const PAGES = ['/', '/groningen/', '/groningen/wijken/WK001404', '/groningen/sociale-kaart'];
const SEARCHES = [
  '/groningen/sociale-kaart?q=koffie',
  '/groningen/sociale-kaart?wanneer=vandaag',
  '/groningen/sociale-kaart?wanneer=week',
  '/groningen/sociale-kaart?q=sport&wanneer=week',
  '/krimpen-aan-den-ijssel/sociale-kaart?q=hulp',
];
const SIGN_INS = ['bewoner', 'vrijwilliger'].flatMap((r) =>
  ['krimpen', 'heerhugowaard', 'groningen'].map((t) => `${r}.${t}@demo.samenhang.nl`),
);

function log(msg: string): void {
  process.stderr.write(`[soak] ${msg}\n`);
}

interface Prepared {
  label: string;
  dataDir: string;
  databaseUrl?: string;
  apiKey: string;
  cleanup: () => Promise<void>;
}

/** Migrate, seed and issue an Open311 key in this process; the server opens the result afterwards. */
async function prepare(engine: 'pglite' | 'postgres'): Promise<Prepared> {
  const [{ openDatabase }, { migrateToLatest }, { allMigrations }, { runDemoSeed }, { issueApiKey }] = await Promise.all([
    import('../src/platform/db/database.ts'),
    import('../src/platform/db/migrate.ts'),
    import('../src/modules/migrations.ts'),
    import('../src/seed/demo.ts'),
    import('../src/modules/signals/open311/apikeys.service.ts'),
  ]);
  const dataDir = mkdtempSync(join(tmpdir(), 'samenhang-soak-'));
  let databaseUrl: string | undefined;
  let dropDb = async () => undefined as void;
  if (engine === 'postgres') {
    const adminUrl = process.env.BENCH_DATABASE_URL!;
    const name = `samenhang_soak_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    };
  }
  const handle = await openDatabase(databaseUrl ? { databaseUrl } : { databaseUrl: null, dataDir });
  let apiKey: string;
  try {
    await migrateToLatest(handle.db, allMigrations());
    await runDemoSeed(handle.db, { sessionSecret: SECRET }, () => undefined, new Date());
    ({ key: apiKey } = await issueApiKey(
      handle.db,
      {
        tenantId: TENANT.id,
        clientName: 'Soak test',
        canReport: true,
        canHandle: false,
        organisationId: null,
        rateLimit: 10_000,
        now: new Date(),
      },
      { actorUserId: null, ip: null },
    ));
  } finally {
    await handle.close();
  }
  return {
    label: engine === 'pglite' ? 'PGlite' : 'PostgreSQL (pool 10)',
    dataDir,
    databaseUrl,
    apiKey,
    cleanup: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDb();
    },
  };
}

interface Stats {
  sent: number;
  ok: number;
  errors: number;
  latencies: number[];
  firstError?: string;
}

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!;
}

/** One request of the given kind; resolves with an error text or null. */
async function request(server: ServerChild, kind: Kind, i: number, ctx: { apiKey: string; serviceCode: string }): Promise<string | null> {
  const signal = AbortSignal.timeout(10_000);
  // Many visitors, as behind a load balancer (the server runs with TRUST_PROXY=1): the per-address
  // limits (30 sign-in attempts a minute) apply to each of them, not to the test as a whole.
  const headers = { 'x-forwarded-for': `10.17.${Math.floor(i / 200) % 250}.${i % 200}` };
  let res: Response;
  if (kind === 'page' || kind === 'search') {
    res = await fetch(`${server.url}${pick(kind === 'page' ? PAGES : SEARCHES, i)}`, { signal, headers, redirect: 'manual' });
  } else if (kind === 'signal') {
    const body = new URLSearchParams({
      api_key: ctx.apiKey,
      service_code: ctx.serviceCode,
      lat: String(53.2194 + (i % 50) * 0.0001),
      long: String(6.5665),
      description: `Soak-test melding ${i}: losliggende stoeptegel`,
      email: `melder${i % 100}@example.nl`,
    });
    res = await fetch(`${server.url}/${TENANT.slug}/open311/v2/requests.json`, { method: 'POST', body, headers, signal });
  } else {
    const cookie = randomBytes(24).toString('base64url');
    const token = createHmac('sha256', SECRET).update(`csrf:${cookie}`).digest('base64url');
    const body = new URLSearchParams({ email: pick(SIGN_INS, i), password: 'samenhang-demo', _csrf: token });
    res = await fetch(`${server.url}/aanmelden`, {
      method: 'POST',
      body,
      headers: { ...headers, cookie: `sh_csrf=${cookie}` },
      signal,
      redirect: 'manual',
    });
  }
  const text = await res.text();
  return res.status < 400 ? null : `${kind} HTTP ${res.status}: ${text.slice(0, 300)}`;
}

/** A service code the Open311 endpoint accepts without extra attributes. */
async function findServiceCode(server: ServerChild, apiKey: string): Promise<string> {
  const res = await fetch(`${server.url}/${TENANT.slug}/open311/v2/services.json`);
  const services = (await res.json()) as { service_code: string; metadata: boolean }[];
  const ctx = { apiKey, serviceCode: '' };
  for (const s of [...services].sort((a, b) => Number(a.metadata) - Number(b.metadata))) {
    ctx.serviceCode = s.service_code;
    if ((await request(server, 'signal', 0, ctx)) === null) return s.service_code;
  }
  throw new Error(`no Open311 service of ${TENANT.slug} accepts a plain request`);
}

function slopeMbPerMin(samples: { atSeconds: number; rss: number }[]): number {
  const n = samples.length;
  if (n < 3) return Number.NaN;
  const mx = samples.reduce((s, p) => s + p.atSeconds, 0) / n;
  const my = samples.reduce((s, p) => s + p.rss, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.atSeconds - mx) * (p.rss - my);
    den += (p.atSeconds - mx) ** 2;
  }
  return den > 0 ? ((num / den) * 60) / MB : Number.NaN;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
}

async function soak(engine: 'pglite' | 'postgres'): Promise<string[]> {
  log(`${engine}: preparing a fresh database with the demo data…`);
  const prep = await prepare(engine);
  const server = await startServer({
    dataDir: prep.dataDir,
    databaseUrl: prep.databaseUrl,
    seed: 'none',
    env: { SESSION_SECRET: SECRET, TRUST_PROXY: '1' },
  });
  try {
    const serviceCode = await findServiceCode(server, prep.apiKey);
    const stats = new Map<Kind, Stats>(MIX.map(([k]) => [k, { sent: 0, ok: 0, errors: 0, latencies: [] }]));
    const rss = new ChildRssSampler(server, 2000);
    log(`${engine}: ${SECONDS} s at ${RATE} requests/s (service code ${serviceCode})…`);
    const began = performance.now();
    const inFlight = new Set<Promise<void>>();
    let i = 0;
    let nextProgress = 60;
    while (performance.now() - began < SECONDS * 1000) {
      // The i-th request leaves at i / RATE seconds: a fixed rate, whatever the answers take.
      const due = began + (i / RATE) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const r = (i * 0.618033988749895) % 1; // an even spread of the mix over time
      let acc = 0;
      const kind = MIX.find(([, w]) => (acc += w) > r)?.[0] ?? 'page';
      const s = stats.get(kind)!;
      s.sent += 1;
      const n = i;
      const t0 = performance.now();
      const p = request(server, kind, n, { apiKey: prep.apiKey, serviceCode })
        .catch((err: unknown) => `${kind}: ${(err as Error).message}`)
        .then((error) => {
          s.latencies.push(performance.now() - t0);
          if (error === null) s.ok += 1;
          else {
            s.errors += 1;
            s.firstError ??= error;
          }
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      i += 1;
      const elapsed = (performance.now() - began) / 1000;
      if (elapsed >= nextProgress) {
        log(`${engine}: ${Math.round(elapsed)} s, RSS ${Math.round(server.rss() / MB)} MB, ${inFlight.size} in flight`);
        nextProgress += 60;
      }
    }
    await Promise.all(inFlight);
    rss.stop();
    const samples = rss.samples;
    const secondHalf = samples.filter((p) => p.atSeconds >= samples.at(-1)!.atSeconds / 2);
    const slope = slopeMbPerMin(secondHalf);
    const errors = [...stats.values()].reduce((a, s) => a + s.errors, 0);
    const flat = Number.isFinite(slope) && slope < SLOPE_LIMIT_MB_PER_MIN;
    const lines = [`#### ${prep.label}`, ''];
    lines.push('| kind | sent | ok | errors | p50 ms | p95 ms | p99 ms |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const [kind, s] of stats) {
      const sorted = [...s.latencies].sort((a, b) => a - b);
      lines.push(
        `| ${kind} | ${s.sent} | ${s.ok} | ${s.errors} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} |`,
      );
    }
    const rssValues = samples.map((p) => p.rss);
    lines.push(
      '',
      `RSS: start ${Math.round(rssValues[0]! / MB)} MB, min ${Math.round(Math.min(...rssValues) / MB)} MB, max ${Math.round(Math.max(...rssValues) / MB)} MB, end ${Math.round(rssValues.at(-1)! / MB)} MB (${samples.length} samples); slope over the second half ${slope.toFixed(2)} MB/min (limit ${SLOPE_LIMIT_MB_PER_MIN} MB/min).`,
      `RSS over time (MB, every ~${Math.max(1, Math.round(samples.length / 12)) * 2} s): ${samples
        .filter((_, k) => k % Math.max(1, Math.round(samples.length / 12)) === 0)
        .map((p) => Math.round(p.rss / MB))
        .join(' ')}`,
      '',
      `- errors: ${errors} — goal (zero errors) ${errors === 0 ? 'met' : 'not met'}${errors ? `; first: ${[...stats.values()].find((s) => s.firstError)?.firstError?.replace(/\s+/g, ' ')}` : ''}`,
      `- memory: ${flat ? 'flat' : 'not flat'} — goal (slope < ${SLOPE_LIMIT_MB_PER_MIN} MB/min) ${flat ? 'met' : 'not met'}`,
      '',
    );
    return lines;
  } finally {
    const code = await server.stop();
    if (code !== 0) log(`${engine}: the server exited with ${code}:\n${server.output().slice(-1500)}`);
    await prep.cleanup();
  }
}

async function main(): Promise<void> {
  const lines = [
    '',
    `### Soak test: ${SECONDS} s of mixed load at ${RATE} requests/s (bench/soak.ts)`,
    '',
    `Mix: ${MIX.map(([k, w]) => `${Math.round(w * 100)} % ${k}`).join(', ')}; the server is \`serve\` in its own process.`,
    '',
  ];
  lines.push(...(await soak('pglite')));
  if (process.env.BENCH_DATABASE_URL) lines.push(...(await soak('postgres')));
  else lines.push('PostgreSQL: not measured (set BENCH_DATABASE_URL).', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`soak test failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
