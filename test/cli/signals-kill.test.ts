/**
 * Durability under kill -9: a resident submits a signal over real HTTP to `samenhang serve`; the
 * moment the answer arrives the process is killed with SIGKILL. After that, the signal and its
 * confirmation mail in the outbox must both be in the database (they commit in one transaction
 * before the answer is sent). Three rounds, each on a restarted server. On PGlite (a temporary
 * DATA_DIR) in the pglite run; on PostgreSQL (a fresh database on TEST_DATABASE_URL's server,
 * dropped afterwards) in the postgres run.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase, type DbHandle } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { allMigrations } from '../../src/modules/migrations.ts';
import { importDemoAreas } from '../../src/modules/areas/areas.service.ts';
import { ensureCategories } from '../../src/modules/signals/config/categories.service.ts';
import { DEMO_GROUPS } from '../../src/modules/signals/demo-categories.ts';
import { freePort, removeDir, spawnSamenhang, tempDir, waitForOk, type Child } from '../e2e/helpers/process.ts';

const TENANT = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
const ROUNDS = 3;
const engine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

const children: Child[] = [];
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of children) c.kill();
  for (const c of cleanups.reverse()) await c();
});

/** Where the child's database lives: env for the child and a way to open it from the test. */
async function freshTarget(): Promise<{ env: Record<string, string>; open: () => Promise<DbHandle> }> {
  const dataDir = tempDir('samenhang-kill-');
  cleanups.push(async () => removeDir(dataDir));
  if (engine === 'pglite') {
    return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ databaseUrl: null, dataDir }) };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `sh_kill_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await c.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
  };
}

async function startServe(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = spawnSamenhang(['serve'], { NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED: 'none', PORT: String(port), ...env });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForOk(`${url}/ready`, child, 60_000);
  return { child, url };
}

/** GET the form (CSRF cookie, token and submission id), POST it; returns the answer's status and body. */
async function submit(url: string, email: string): Promise<{ status: number; body: string }> {
  const formUrl = `${url}/${TENANT.slug}/meldingen/nieuw/speelplek`;
  const page = await fetch(formUrl);
  const html = await page.text();
  assert.equal(page.status, 200, html.slice(0, 500));
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const submissionId = /name="submissionId" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf && submissionId, 'the form carries a CSRF token and a submission id');
  const res = await fetch(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: url },
    body: new URLSearchParams({
      _csrf: csrf,
      submissionId,
      description: 'De schommel in de speeltuin is kapot.',
      address: 'Raadhuisplein 1',
      lat: '51.915',
      lon: '4.6',
      nearbySeen: '1',
      name: 'Test Melder',
      email,
      wantsFeedback: '1',
    }).toString(),
    redirect: 'manual',
  });
  return { status: res.status, body: await res.text() };
}

describe(`kill -9 right after the answer loses neither the signal nor its mail (${engine})`, () => {
  it(`${ROUNDS} submissions, each followed at once by SIGKILL, are all stored with their confirmation mail`, async () => {
    const target = await freshTarget();
    const setup = await target.open();
    try {
      await migrateToLatest(setup.db, allMigrations());
      // The municipality with its areas: a report is only stored once it is placed inside the municipality.
      await importDemoAreas(setup.db, { tenants: [TENANT], dataDir: 'seed-data/cbs', now: new Date() });
      await ensureCategories(setup.db, TENANT.id, DEMO_GROUPS);
    } finally {
      await setup.close();
    }

    const accepted: { email: string; publicId: string }[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const { child, url } = await startServe(target.env);
      const email = `kill-${round}-${randomBytes(3).toString('hex')}@example.nl`;
      const answer = await submit(url, email);
      child.process.kill('SIGKILL');
      const exit = await child.waitForExit(20_000);
      assert.equal(exit.signal, 'SIGKILL', `round ${round}: killed, not exited by itself`);
      assert.equal(answer.status, 200, `round ${round}: ${answer.body.slice(0, 800)}`);
      const publicId = /SIG-\d{4}-\d{6}/.exec(answer.body)?.[0];
      assert.ok(publicId, `round ${round}: the answer names the signal`);
      accepted.push({ email, publicId });
    }

    const check = await target.open();
    try {
      for (const { email, publicId } of accepted) {
        const s = await check.db
          .selectFrom('signals_signals')
          .select(['id', 'reporter_email', 'state'])
          .where('tenant_id', '=', TENANT.id)
          .where('public_id', '=', publicId)
          .executeTakeFirst();
        assert.ok(s, `${publicId} survived the kill`);
        assert.equal(s.reporter_email, email);
        assert.equal(s.state, 'gemeld');
        const mails = await check.db.selectFrom('mail_outbox').select(['subject']).where('to_address', '=', email).execute();
        assert.equal(mails.length, 1, `${publicId}: exactly one confirmation mail in the outbox`);
        assert.match(mails[0]!.subject, new RegExp(publicId));
        const history = await check.db
          .selectFrom('signals_transitions')
          .select('to_state')
          .where('tenant_id', '=', TENANT.id)
          .where('signal_id', '=', s.id)
          .execute();
        assert.deepEqual(
          history.map((h) => h.to_state),
          ['gemeld'],
        );
      }
      const all = await check.db.selectFrom('signals_signals').select('public_id').where('tenant_id', '=', TENANT.id).execute();
      assert.equal(all.length, ROUNDS, 'nothing more, nothing less');
    } finally {
      await check.close();
    }
  });
});
