/**
 * Rows and bytes per table, for the national plan (docs/scaling.md).
 *
 * On a fresh database (PostgreSQL when TABLE_SIZES_DATABASE_URL is set: a scratch database on that
 * server, dropped afterwards; otherwise PGlite in a temporary directory) it:
 *  1. migrates and loads the demo seed (`runDemoSeed`, as `npm start` does);
 *  2. makes SIGNALS signals through the whole app (`POST /{tenant}/open311/v2/requests.json`,
 *     in-process) and handles each with the signals service (`transitionSignal`: in behandeling,
 *     then afgehandeld with a message to the reporter), counting the rows every step adds per table:
 *     the per-signal multipliers;
 *  3. opens SESSIONS sessions for the demo users with the platform's `createSession`;
 *  4. measures bytes per row for every table: the growth of `pg_total_relation_size` (heap, TOAST
 *     and every index) over the empty table, ÷ rows (so the fixed first pages of each index do not
 *     count). A table with at least REAL_MIN rows is measured as it is. A table with fewer rows (the
 *     demo seed's few help requests, survey responses, …) is copied into a scratch schema with the
 *     same indexes (unique ones as plain ones, B-tree deduplication off so repeated keys take the
 *     space distinct keys would) and filled with its own rows repeated up to REPLICATE_TO rows; GIN
 *     indexes still compress repeated keys, so those tables are marked;
 *  5. measures the engine ceiling (bench/engine.ts: single-row insert + commit, one client);
 *  6. prints Markdown tables: bytes per row per table, rows per signal, and rows and bytes per year
 *     at Signalen's rates scaled to the 342 municipalities (the figures and their sources below).
 *
 * Run: npx tsx scripts/table-sizes.ts                                  (PGlite)
 *      TABLE_SIZES_DATABASE_URL=postgres://postgres@127.0.0.1:54330/postgres npx tsx scripts/table-sizes.ts
 * Options: SIGNALS (default 1000), SESSIONS (2000), REPLICATE_TO (2000), REAL_MIN (1000),
 * TABLE_SIZES_DB (name of the scratch database; default table_sizes_<pid>), TABLE_SIZES_KEEP=1 keeps it.
 * About 1–3 minutes on PostgreSQL; PGlite is slower.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/platform/config.ts';
import { openDatabase, type Db, type DbHandle } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { allMigrations } from '../src/modules/migrations.ts';
import { runDemoSeed } from '../src/seed/demo.ts';
import { KRIMPEN, KRIMPEN_POINT, setupTenant } from '../src/modules/signals/signals.test-support.ts';
import { issueApiKey } from '../src/modules/signals/open311/apikeys.service.ts';
import { transitionSignal } from '../src/modules/signals/signals.service.ts';
import { systemPrincipal } from '../src/platform/principal.ts';
import { createSession } from '../src/platform/auth/sessions.service.ts';
import { checkPassword, sendSigninLink } from '../src/modules/people/auth/auth.service.ts';
import { pgliteInserts, postgresInserts, type InsertResult } from '../bench/engine.ts';

const SIGNALS = Number(process.env.SIGNALS ?? 1000);
const SESSIONS = Number(process.env.SESSIONS ?? 2000);
const REPLICATE_TO = Number(process.env.REPLICATE_TO ?? 2000);
const REAL_MIN = Number(process.env.REAL_MIN ?? 1000);
/** Sign-in links (sendSigninLink) and failed passwords (checkPassword) made for their tables. */
const LINKS = 60;
const FAILURES = 40;
const CEILING_SECONDS = Number(process.env.CEILING_SECONDS ?? 3);

/**
 * Signal volumes and their sources (docs/scaling.md explains the scaling):
 * - Amsterdam: about 400,000 signals a year, 2021 (ad.nl 2022 citing O&S; issue 17), 931,298
 *   inhabitants (CBS Kerncijfers wijken en buurten 2024, table 85984NED, GM0363).
 * - Other big cities: 215 signals per 1,000 inhabitants a year, against 317 in Amsterdam (Rekenkamer
 *   Amsterdam, "Afhandeling meldingen openbare ruimte", 2021).
 * - The Netherlands: 17,942,942 inhabitants in 342 municipalities (CBS 85984NED, 2024, sum of the GM rows).
 */
const AMSTERDAM_SIGNALS = 400_000;
const AMSTERDAM_INHABITANTS = 931_298;
const NL_INHABITANTS = 17_942_942;
const OTHER_CITIES_PER_1000 = 215;
const SCENARIOS = [
  { name: 'Amsterdam (largest municipality)', signals: AMSTERDAM_SIGNALS },
  {
    name: 'NL base: 215 per 1,000 inhabitants, Amsterdam 400,000',
    signals: Math.round(((NL_INHABITANTS - AMSTERDAM_INHABITANTS) * OTHER_CITIES_PER_1000) / 1000) + AMSTERDAM_SIGNALS,
  },
  {
    name: "NL high: every municipality at Amsterdam's rate",
    signals: Math.round((NL_INHABITANTS * AMSTERDAM_SIGNALS) / AMSTERDAM_INHABITANTS),
  },
] as const;

function log(msg: string): void {
  process.stderr.write(`[table-sizes] ${msg}\n`);
}

async function tables(db: Db): Promise<string[]> {
  const r = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname not like 'kysely_migration%'
    order by c.relname`.execute(db);
  return r.rows.map((x) => x.relname);
}

async function counts(db: Db, names: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of names) {
    const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t)}`.execute(db);
    out.set(t, Number(r.rows[0]!.n));
  }
  return out;
}

function delta(after: Map<string, number>, before: Map<string, number>, per: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [t, n] of after) {
    const d = n - (before.get(t) ?? 0);
    if (d !== 0) out.set(t, d / per);
  }
  return out;
}

async function totalBytes(db: Db, qualified: string): Promise<number> {
  const r = await sql<{ b: string }>`select pg_total_relation_size(${qualified}::regclass)::text as b`.execute(db);
  return Number(r.rows[0]!.b);
}

interface Size {
  table: string;
  rows: number;
  bytes: number;
  bytesPerRow: number | null;
  /** Measured tables only: bytes per row after VACUUM FULL (no dead row versions, indexes packed). */
  packedPerRow: number | null;
  indexes: number;
  method: 'measured' | 'replicated' | 'no rows';
  note: string;
}

/**
 * Copies `t` (columns and indexes) into a scratch schema, measures it empty, fills it with `t`'s own
 * rows repeated up to REPLICATE_TO rows (through the indexes, as rows arrive in use), and measures again.
 */
async function replicated(db: Db, t: string, rows: number): Promise<{ rows: number; bytes: number; empty: number; note: string }> {
  const copy = `sizes_copy.${t}`;
  await sql.raw(`create table ${copy} (like public.${t} including defaults including storage including compression)`).execute(db);
  const defs = await sql<{ def: string; method: string }>`
    select pg_get_indexdef(i.indexrelid) as def, am.amname as method
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
    where i.indrelid = ${`public.${t}`}::regclass`.execute(db);
  const methods = new Set<string>();
  for (const { def, method } of defs.rows) {
    methods.add(method);
    let d = def.replace(/^CREATE UNIQUE INDEX/, 'CREATE INDEX').replace(` ON public.${t} `, ` ON ${copy} `);
    if (method === 'btree' && !/ WITH \(/.test(d)) {
      const where = d.indexOf(' WHERE ');
      d = where >= 0 ? `${d.slice(0, where)} WITH (deduplicate_items = off)${d.slice(where)}` : `${d} WITH (deduplicate_items = off)`;
    }
    await sql.raw(d).execute(db);
  }
  const empty = await totalBytes(db, copy);
  await sql.raw(`insert into ${copy} select * from public.${t}`).execute(db);
  let n = rows;
  while (n < REPLICATE_TO) {
    await sql.raw(`insert into ${copy} select * from ${copy} limit ${REPLICATE_TO - n}`).execute(db);
    n = Math.min(REPLICATE_TO, n * 2);
  }
  const bytes = await totalBytes(db, copy);
  const other = [...methods].filter((m) => m !== 'btree');
  return {
    rows: n,
    bytes,
    empty,
    note: `${rows} app rows ×${(n / rows).toFixed(1)}${other.length ? `; ${other.join(', ')} index: repeated keys compress, underestimated` : ''}`,
  };
}

/** Bytes per row = (size now − size of the empty table) ÷ rows: what one more row costs, without the fixed first pages of each index. */
async function sizes(db: Db, names: readonly string[], rowCounts: Map<string, number>, emptyBytes: Map<string, number>): Promise<Size[]> {
  await sql.raw('drop schema if exists sizes_copy cascade; create schema sizes_copy').execute(db);
  const out: Size[] = [];
  for (const t of names) {
    const rows = rowCounts.get(t) ?? 0;
    const idx = await sql<{ n: string }>`select count(*)::text as n from pg_index where indrelid = ${`public.${t}`}::regclass`.execute(db);
    const indexes = Number(idx.rows[0]!.n);
    if (rows === 0) {
      out.push({
        table: t,
        rows,
        bytes: await totalBytes(db, `public.${t}`),
        bytesPerRow: null,
        packedPerRow: null,
        indexes,
        method: 'no rows',
        note: '',
      });
    } else if (rows >= REAL_MIN) {
      const bytes = await totalBytes(db, `public.${t}`);
      const empty = emptyBytes.get(t) ?? 0;
      await sql.raw(`vacuum full public.${t}`).execute(db);
      const packed = await totalBytes(db, `public.${t}`);
      out.push({
        table: t,
        rows,
        bytes,
        bytesPerRow: (bytes - empty) / rows,
        packedPerRow: (packed - empty) / rows,
        indexes,
        method: 'measured',
        note: '',
      });
    } else {
      const r = await replicated(db, t, rows);
      out.push({
        table: t,
        rows: r.rows,
        bytes: r.bytes,
        bytesPerRow: (r.bytes - r.empty) / r.rows,
        packedPerRow: null,
        indexes,
        method: 'replicated',
        note: r.note,
      });
    }
  }
  await sql.raw('drop schema if exists sizes_copy cascade').execute(db);
  return out;
}

interface Run {
  engine: string;
  sizes: Size[];
  perCreated: Map<string, number>;
  perHandled: Map<string, number>;
  perSession: Map<string, number>;
  perLink: Map<string, number>;
  perFailure: Map<string, number>;
  ceiling: InsertResult | null;
  postsPerSecond: number;
  seconds: number;
}

async function measure(engine: string, handle: DbHandle): Promise<Omit<Run, 'ceiling'>> {
  const started = performance.now();
  const db = handle.db;
  await migrateToLatest(db, allMigrations());
  const emptyBytes = new Map<string, number>();
  for (const t of await tables(db)) emptyBytes.set(t, await totalBytes(db, `public.${t}`));
  const config = testConfig({ logLevel: 'silent' });
  await runDemoSeed(db, config, (step) => log(`${engine}: seed: ${step}`), new Date());
  await setupTenant(db, KRIMPEN);
  const { key } = await issueApiKey(
    db,
    {
      tenantId: KRIMPEN.id,
      clientName: 'Table sizes',
      canReport: true,
      canHandle: false,
      organisationId: null,
      rateLimit: 10_000,
      now: new Date(),
    },
    { actorUserId: null, ip: null },
  );
  const names = await tables(db);
  const app = await buildApp({ config, database: handle });
  await app.ready();
  const run = randomBytes(4).toString('hex');
  const ids: string[] = [];
  let postsPerSecond = 0;
  let perCreated: Map<string, number>;
  let perHandled: Map<string, number>;
  let perLink: Map<string, number>;
  let perFailure: Map<string, number>;
  try {
    const c0 = await counts(db, names);
    const t0 = performance.now();
    for (let i = 0; i < SIGNALS; i++) {
      const body = new URLSearchParams({
        api_key: key,
        service_code: 'verlichting',
        lat: String(KRIMPEN_POINT.latitude + (i % 50) * 0.00001),
        long: String(KRIMPEN_POINT.longitude),
        description: `Lantaarnpaal ${run}-${i} aan de ${['Dorpsstraat', 'Kerkweg', 'Raadhuisplein'][i % 3]} brandt niet, al sinds een week`,
        email: `melder${i % 500}@example.nl`,
        'attribute[paalnummer]': `KR-${i}`,
      }).toString();
      const res = await app.inject({
        method: 'POST',
        url: `/${KRIMPEN.slug}/open311/v2/requests.json`,
        payload: body,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (res.statusCode !== 200) throw new Error(`POST answered ${res.statusCode}: ${res.body}`);
      if ((i + 1) % 250 === 0) log(`${engine}: ${i + 1} signals`);
    }
    postsPerSecond = SIGNALS / ((performance.now() - t0) / 1000);
    const c1 = await counts(db, names);
    perCreated = delta(c1, c0, SIGNALS);
    const made = await db
      .selectFrom('signals_signals')
      .select('id')
      .where('tenant_id', '=', KRIMPEN.id)
      .where('description', 'like', `Lantaarnpaal ${run}-%`)
      .execute();
    ids.push(...made.map((m) => m.id));
    if (ids.length !== SIGNALS) throw new Error(`expected ${SIGNALS} signals, found ${ids.length}`);
    const links = { baseUrl: 'http://localhost:3000', tenantSlug: KRIMPEN.slug };
    for (const [i, id] of ids.entries()) {
      const base = {
        tenantId: KRIMPEN.id,
        signalId: id,
        actorUserId: null,
        locale: 'nl' as const,
        links,
        principal: systemPrincipal(KRIMPEN.id, new Date()),
      };
      await transitionSignal(db, { ...base, to: 'in_behandeling', internalNote: 'Doorgezet naar de aannemer', now: new Date() });
      await transitionSignal(db, {
        ...base,
        to: 'afgehandeld',
        publicMessage: 'De lamp is vervangen. Dank voor uw melding.',
        now: new Date(),
      });
      if ((i + 1) % 250 === 0) log(`${engine}: ${i + 1} signals handled`);
    }
    const c2 = await counts(db, names);
    perHandled = delta(c2, c1, SIGNALS);
    // Sign-in: links by mail (at most LINKS_PER_WINDOW per address) and failed passwords from distinct addresses.
    const emails = (await db.selectFrom('users').select('email').execute()).map((u) => u.email);
    for (let i = 0; i < LINKS; i++) await sendSigninLink(app, emails[i % emails.length]!);
    const c3 = await counts(db, names);
    perLink = delta(c3, c2, LINKS);
    for (let i = 0; i < FAILURES; i++) await checkPassword(app, `onbekend${i}@example.nl`, 'verkeerd wachtwoord', `192.0.2.${i + 1}`);
    perFailure = delta(await counts(db, names), c3, FAILURES);
  } finally {
    await app.close();
  }
  const users = await db.selectFrom('users').select('id').execute();
  const s0 = await counts(db, names);
  for (let i = 0; i < SESSIONS; i++) {
    await createSession(db, {
      id: randomBytes(32).toString('base64url'),
      userId: users[i % users.length]!.id,
      now: new Date(),
      mfa: i % 2 === 0,
      replaces: null,
      lifetimeMs: { staff: 12 * 3600_000, other: 30 * 24 * 3600_000 },
    });
  }
  const perSession = delta(await counts(db, names), s0, SESSIONS);
  log(`${engine}: measuring ${names.length} tables`);
  const result = await sizes(db, names, await counts(db, names), emptyBytes);
  return {
    engine,
    sizes: result,
    perCreated,
    perHandled,
    perSession,
    perLink,
    perFailure,
    postsPerSecond,
    seconds: (performance.now() - started) / 1000,
  };
}

async function onPglite(): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'samenhang-table-sizes-'));
  try {
    const handle = await openDatabase({ databaseUrl: null, dataDir: join(dir, 'app') });
    let r: Omit<Run, 'ceiling'>;
    try {
      r = await measure('PGlite', handle);
    } finally {
      await handle.close();
    }
    mkdirSync(join(dir, 'ceiling'));
    return { ...r, ceiling: await pgliteInserts(join(dir, 'ceiling'), CEILING_SECONDS) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<Run> {
  const name = process.env.TABLE_SIZES_DB ?? `table_sizes_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    let r: Omit<Run, 'ceiling'>;
    try {
      r = await measure('PostgreSQL', handle);
    } finally {
      await handle.close();
    }
    return { ...r, ceiling: await postgresInserts(url.toString(), CEILING_SECONDS) };
  } finally {
    if (!process.env.TABLE_SIZES_KEEP) await admin.query(`drop database if exists "${name}"`);
    await admin.end();
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const dec = (n: number) => (n >= 10 ? int(n) : n.toFixed(2));
function bytes(n: number): string {
  if (n >= 1e12) return `${(n / 1e12).toFixed(1)} TB`;
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e3).toFixed(0)} kB`;
}

function report(r: Run): string {
  const lines: string[] = [];
  const perSignal = new Map<string, number>();
  for (const m of [r.perCreated, r.perHandled]) for (const [t, n] of m) perSignal.set(t, (perSignal.get(t) ?? 0) + n);
  const size = new Map(r.sizes.map((s) => [s.table, s]));
  lines.push(
    '',
    `## Table sizes on ${r.engine} (scripts/table-sizes.ts, ${SIGNALS} signals, ${SESSIONS} sessions, ${r.seconds.toFixed(0)} s)`,
    '',
    `Open311 POST while generating: ${r.postsPerSecond.toFixed(0)}/s (one client, in-process). Engine ceiling (bench/engine.ts, single-row insert + commit, one client, ${CEILING_SECONDS} s): ${r.ceiling ? int(r.ceiling.rowsPerSecond) : '–'} rows/s.`,
    '',
    '### Rows one signal makes',
    '',
    '| table | created (Open311 POST) | handled (in behandeling → afgehandeld with a message) | per signal | bytes per row | bytes per signal |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  let total = 0;
  for (const [t, n] of [...perSignal].sort((a, b) => b[1] - a[1])) {
    const b = size.get(t)?.bytesPerRow ?? 0;
    total += n * b;
    lines.push(`| ${t} | ${dec(r.perCreated.get(t) ?? 0)} | ${dec(r.perHandled.get(t) ?? 0)} | ${dec(n)} | ${int(b)} | ${int(n * b)} |`);
  }
  lines.push(`| **all** | | | **${dec([...perSignal.values()].reduce((a, b) => a + b, 0))}** | | **${int(total)}** |`, '');
  const list = (m: Map<string, number>) => [...m].map(([t, n]) => `${t} ${dec(n)}`).join(', ') || 'none';
  lines.push(
    `One session (\`createSession\`): ${list(r.perSession)}. One sign-in link (\`sendSigninLink\`): ${list(r.perLink)}. One failed password (\`checkPassword\`): ${list(r.perFailure)}.`,
    '',
  );
  lines.push('### Rows and bytes per year from signals (before retention)', '');
  lines.push(
    '| scenario | signals / year | rows / year (all tables) | bytes / year | signals on a peak day (5 × mean) |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  const rowsPerSignal = [...perSignal.values()].reduce((a, b) => a + b, 0);
  for (const s of SCENARIOS) {
    lines.push(
      `| ${s.name} | ${int(s.signals)} | ${int(s.signals * rowsPerSignal)} | ${bytes(s.signals * total)} | ${int((s.signals / 365) * 5)} |`,
    );
  }
  const high = SCENARIOS[2].signals;
  lines.push(
    '',
    `Per table, "NL high" (${int(high)} signals a year):`,
    '',
    '| table | rows / year | bytes / year |',
    '| --- | ---: | ---: |',
  );
  for (const [t, n] of [...perSignal].sort(
    (a, b) => b[1] * (size.get(b[0])?.bytesPerRow ?? 0) - a[1] * (size.get(a[0])?.bytesPerRow ?? 0),
  )) {
    lines.push(`| ${t} | ${int(n * high)} | ${bytes(n * high * (size.get(t)?.bytesPerRow ?? 0))} |`);
  }
  lines.push('', '### Bytes per row, every table', '');
  lines.push(
    '| table | rows measured | indexes | total bytes | bytes per row (above the empty table) | after VACUUM FULL | how |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  for (const s of r.sizes) {
    lines.push(
      `| ${s.table} | ${int(s.rows)} | ${s.indexes} | ${int(s.bytes)} | ${s.bytesPerRow === null ? '–' : int(s.bytesPerRow)} | ${s.packedPerRow === null ? '' : int(s.packedPerRow)} | ${s.method}${s.note ? ` (${s.note})` : ''} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const runs: Run[] = [];
  const url = process.env.TABLE_SIZES_DATABASE_URL;
  if (url) runs.push(await onPostgres(url));
  if (!url || process.env.TABLE_SIZES_PGLITE) runs.push(await onPglite());
  process.stdout.write(runs.map(report).join('\n') + '\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`table-sizes failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
