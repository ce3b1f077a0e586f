/**
 * The app through PgBouncer in transaction pooling (docs/deployment-multiprocess.md): every
 * statement may reach another server connection, so nothing may rely on session state (session
 * advisory locks, SET without LOCAL, LISTEN/NOTIFY, named prepared statements, temporary tables).
 * The schema is migrated through PgBouncer (Kysely's migration lock is transaction-scoped), two app
 * processes run through it, and over HTTP: a sign-in on one is valid on the other, an Open311
 * signal is stored, the start-up's recurring jobs run (in transactions through the pooler), and a
 * rate-limited route counts on both. PgBouncer is started from /usr/sbin/pgbouncer (Debian's
 * package; .ci/run installs it). PostgreSQL only.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { freePort, removeDir, tempDir } from '../e2e/helpers/process.ts';
import {
  createClusterDb,
  eventually,
  onlyOnPostgres,
  PASSWORD,
  postSignal,
  signIn,
  startServers,
  stopServers,
  TENANT,
  type ClusterDb,
  type Server,
} from './cluster.ts';

const PGBOUNCER = '/usr/sbin/pgbouncer';
const skip = onlyOnPostgres();

/** Start PgBouncer in transaction mode in front of TEST_DATABASE_URL's server; every database, trust. */
async function startPgBouncer(): Promise<{ url: (db: string) => string; stop: () => void }> {
  assert.ok(existsSync(PGBOUNCER), `${PGBOUNCER} is missing: install Debian's pgbouncer package (.ci/run does)`);
  const server = new URL(process.env.TEST_DATABASE_URL!);
  const dir = tempDir('samenhang-pgbouncer-');
  const port = await freePort();
  const user = decodeURIComponent(server.username || 'postgres');
  writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      'default_pool_size = 4',
      'max_client_conn = 200',
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
  );
  // PgBouncer refuses to run as root: under root (CI) it switches to the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chmodSync(dir, 0o755);
    for (const f of ['users.txt', 'pgbouncer.ini']) chmodSync(join(dir, f), 0o644);
  }
  const child: ChildProcess = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const url = (db: string) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${db}`;
  await eventually(`PgBouncer answers on ${port}`, 30_000, async () => {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}):\n${log}`);
    const c = new pg.Client({ connectionString: url('postgres') });
    try {
      await c.connect();
      await c.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  });
  return {
    url,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      removeDir(dir);
    },
  };
}

describe('two app processes through PgBouncer in transaction mode', { skip }, () => {
  let bouncer: Awaited<ReturnType<typeof startPgBouncer>>;
  let cluster: ClusterDb;
  let servers: Server[] = [];
  let client: pg.Client;

  before(async () => {
    bouncer = await startPgBouncer();
    cluster = await createClusterDb('sh_bouncer', bouncer.url('{db}'));
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    servers = await startServers(2, bouncer.url(cluster.name), randomBytes(32).toString('hex'));
  });
  after(async () => {
    stopServers(servers);
    await client?.end();
    bouncer?.stop();
    await cluster?.drop();
  });

  it('sessions, a signal, the recurring jobs and a rate limit work through the pooler', async () => {
    const [a, b] = servers;
    const { status, cookie } = await signIn(a!.url, cluster.email, PASSWORD);
    assert.equal(status, 303, 'signed in on A through PgBouncer');
    const account = await fetch(`${b!.url}/account`, { headers: { cookie }, redirect: 'manual' });
    await account.arrayBuffer();
    assert.equal(account.status, 200, 'the session works on B');

    const id = await postSignal(b!.url, cluster.apiKey, 1);
    assert.ok(id, 'the Open311 signal was acknowledged');
    const stored = await client.query(`select 1 from signals_signals where tenant_id = $1 and public_id = $2`, [TENANT.id, id]);
    assert.equal(stored.rowCount, 1);

    await eventually('the due jobs have run through PgBouncer', 120_000, async () => {
      const r = await client.query<{ n: number }>(
        `select count(*)::int as n from jobs where status in ('pending', 'running') and run_at <= now()`,
      );
      return r.rows[0]!.n === 0;
    });
    const jobs = await client.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from jobs group by status order by status`,
    );
    const by = Object.fromEntries(jobs.rows.map((r) => [r.status, r.n]));
    assert.ok((by.done ?? 0) >= 5, `the recurring jobs ran (${JSON.stringify(by)})`);
    assert.equal(by.failed ?? 0, 0, 'none failed');

    const url = (s: Server) => `${s.url}/${TENANT.slug}/meldingen/volgen/${'y'.repeat(43)}`;
    for (let i = 0; i < 30; i++) {
      const res = await fetch(url(servers[i % 2]!));
      await res.arrayBuffer();
      assert.notEqual(res.status, 429, `request ${i + 1} of 30 is allowed`);
    }
    const refused = await fetch(url(a!));
    await refused.arrayBuffer();
    assert.equal(refused.status, 429, 'the 31st over both processes is refused');
  });
});
