/**
 * Several `samenhang serve` processes on one PostgreSQL database, for the multi-process tests:
 * a fresh database on TEST_DATABASE_URL's server (dropped afterwards), the municipality with its
 * areas and categories, a resident with a password and an Open311 key; then N app processes on
 * random ports, started the way a user starts them (test/e2e/helpers/process.ts).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { allMigrations } from '../../src/modules/migrations.ts';
import { importDemoAreas } from '../../src/modules/areas/areas.service.ts';
import { ensureCategories } from '../../src/modules/signals/config/categories.service.ts';
import { DEMO_GROUPS } from '../../src/modules/signals/demo-categories.ts';
import { createUser } from '../../src/modules/people/people.service.ts';
import { issueApiKey } from '../../src/modules/signals/open311/apikeys.service.ts';
import { freePort, removeDir, spawnSamenhang, tempDir, waitForOk, type Child } from '../e2e/helpers/process.ts';

export const TENANT = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
export const PASSWORD = 'een-lang-wachtwoord-voor-de-test-42';

/** Why these tests do not run on PGlite: one process per data directory (lockDataDir) by design. */
export function onlyOnPostgres(): string | false {
  return process.env.TEST_ENGINE === 'postgres' && process.env.TEST_DATABASE_URL
    ? false
    : 'several app processes need one PostgreSQL server; PGlite is one process per data directory by design (lockDataDir), so this runs in the PostgreSQL pass';
}

export interface ClusterDb {
  /** postgres:// URL of the fresh database (directly, not through a pooler). */
  url: string;
  name: string;
  email: string;
  apiKey: string;
  drop(): Promise<void>;
}

/** A fresh database with the schema, Krimpen, its categories, one resident and one Open311 key. */
export async function createClusterDb(prefix: string, migrateThrough?: string): Promise<ClusterDb> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await c.end();
    }
  };
  const email = `bewoner-${randomBytes(3).toString('hex')}@example.nl`;
  // The schema goes in through the pooler when one is given (its migration lock is transaction-scoped).
  const setup = await openDatabase({ databaseUrl: migrateThrough ? migrateThrough.replace('{db}', name) : url.toString(), poolSize: 2 });
  let apiKey: string;
  try {
    await migrateToLatest(setup.db, allMigrations());
    await importDemoAreas(setup.db, { tenants: [TENANT], dataDir: 'seed-data/cbs', now: new Date() });
    await ensureCategories(setup.db, TENANT.id, DEMO_GROUPS);
    await createUser(setup.db, { email, name: 'Bea Bewoner', password: PASSWORD });
    ({ key: apiKey } = await issueApiKey(
      setup.db,
      {
        tenantId: TENANT.id,
        clientName: 'Multi-process test',
        canReport: true,
        canHandle: false,
        organisationId: null,
        rateLimit: 1000,
        now: new Date(),
      },
      { actorUserId: null, ip: null },
    ));
  } finally {
    await setup.close();
  }
  return { url: url.toString(), name, email, apiKey, drop };
}

export interface Server {
  child: Child;
  url: string;
  dataDir: string;
}

/** Start `samenhang serve` on `databaseUrl`, all at once, on random ports; resolves when every one answers /ready. */
export async function startServers(n: number, databaseUrl: string, secret: string): Promise<Server[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, async () => {
      const port = await freePort();
      const dataDir = tempDir('samenhang-multi-');
      const child = spawnSamenhang(['serve'], {
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        SEED: 'none',
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: secret,
      });
      return { child, url: `http://127.0.0.1:${port}`, dataDir };
    }),
  );
  await Promise.all(servers.map((s) => waitForOk(`${s.url}/ready`, s.child, 120_000)));
  return servers;
}

export function stopServers(servers: readonly Server[]): void {
  for (const s of servers) {
    s.child.kill();
    removeDir(s.dataDir);
  }
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

/** Sign in with e-mail and password on one server (form, CSRF and all); returns the status and the cookies. */
export async function signIn(base: string, email: string, password: string): Promise<{ status: number; cookie: string }> {
  const page = await fetch(`${base}/aanmelden`);
  const html = await page.text();
  assert.equal(page.status, 200, html.slice(0, 300));
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf, 'the sign-in form carries a CSRF token');
  const first = cookiesOf(page);
  const res = await fetch(`${base}/aanmelden`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: first, origin: base },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return { status: res.status, cookie: [first, cookiesOf(res)].filter(Boolean).join('; ') };
}

/** POST one Open311 request; the id when the server acknowledged it (200 with a service_request_id). */
export async function postSignal(base: string, apiKey: string, n: number): Promise<string | null> {
  const body = new URLSearchParams({
    api_key: apiKey,
    service_code: 'verlichting',
    lat: '51.915',
    long: '4.6',
    description: `Lantaarnpaal ${n} brandt niet`,
    email: `melder-${n}@example.nl`,
  });
  const res = await fetch(`${base}/${TENANT.slug}/open311/v2/requests.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    signal: AbortSignal.timeout(60_000),
  });
  const text = await res.text();
  if (res.status !== 200) return null;
  const [created] = JSON.parse(text) as { service_request_id?: string }[];
  return created?.service_request_id ?? null;
}

/** Poll `check` every 100 ms until it returns true; throws with `what` after `ms`. */
export async function eventually(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
