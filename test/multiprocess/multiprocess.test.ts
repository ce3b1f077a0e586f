/**
 * Three `samenhang serve` processes on one PostgreSQL database (issue 17, scope 5), started at
 * the same moment as a deployment behind a load balancer would start them. Shown over real HTTP:
 * a session made on one process works on another; each recurring job runs once, not once per
 * process; a route's rate limit and the sign-in throttle count over all processes together; a
 * change in the database reaches another process's cache within the documented bound; and a
 * `kill -9` of one process while a client posts to two loses no acknowledged write.
 * PostgreSQL only (see `onlyOnPostgres`); docs/deployment-multiprocess.md describes the set-up.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { TENANT_TTL_MS } from '../../src/modules/areas/areas.cache.ts';
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

const skip = onlyOnPostgres();

describe('three app processes on one PostgreSQL', { skip }, () => {
  let cluster: ClusterDb;
  let servers: Server[] = [];
  let client: pg.Client;
  let started: Date;
  const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<T>(text, values)).rows;

  before(async () => {
    cluster = await createClusterDb('sh_multi');
    client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    started = new Date();
    servers = await startServers(3, cluster.url, randomBytes(32).toString('hex'));
  });
  after(async () => {
    stopServers(servers);
    await client?.end();
    await cluster?.drop();
  });

  it('a session made on one process is valid on the others', async () => {
    const [a, b, c] = servers;
    const anonymous = await fetch(`${b!.url}/account`, { redirect: 'manual' });
    await anonymous.arrayBuffer();
    assert.notEqual(anonymous.status, 200, 'the account page needs a session');
    const { status, cookie } = await signIn(a!.url, cluster.email, PASSWORD);
    assert.equal(status, 303, 'signed in on A');
    for (const other of [b!, c!]) {
      const res = await fetch(`${other.url}/account`, { headers: { cookie }, redirect: 'manual' });
      const html = await res.text();
      assert.equal(res.status, 200, `the session from A works on ${other.url}`);
      assert.match(html, new RegExp(cluster.email.replace('.', '\\.')));
    }
  });

  it('each recurring job runs once over all processes, and one next run is queued', async () => {
    // Wait until no job is due any more: every process's worker has had its go at the first runs.
    await eventually('the due jobs have run', 120_000, async () => {
      const [row] = await q<{ n: number }>(
        `select count(*)::int as n from jobs where status in ('pending', 'running') and run_at <= now()`,
      );
      return row!.n === 0;
    });
    const kinds = await q<{ kind: string; done: number; pending: number; next: Date | null }>(
      `select kind, count(*) filter (where status = 'done')::int as done, count(*) filter (where status = 'pending')::int as pending,
              min(run_at) filter (where status = 'pending') as next
       from jobs where tenant_id is null and payload = '{}'::jsonb group by kind order by kind`,
    );
    assert.ok(kinds.length >= 5, `the recurring jobs were started (${kinds.map((k) => k.kind).join(', ')})`);
    const failed = await q<{ kind: string }>(`select kind from jobs where status = 'failed'`);
    assert.deepEqual(failed, [], 'no job failed');
    let hourlyOrSlower = 0;
    for (const k of kinds) {
      assert.equal(k.pending, 1, `${k.kind}: one next run queued, not one per process`);
      // A job that comes back within the test (every few minutes) may have run more than once; one that comes back in
      // an hour or later has run exactly once, although three processes started it and three workers poll.
      if (k.next && k.next.getTime() - started.getTime() >= 30 * 60_000) {
        hourlyOrSlower++;
        assert.equal(k.done, 1, `${k.kind}: ran once, not once per process`);
      }
    }
    assert.ok(hourlyOrSlower >= 3, 'several hourly or daily jobs were checked');
  });

  it("a route's rate limit counts the requests to all processes together", async () => {
    // The tracking page allows 30 requests a minute per client; 30 go to three processes in turn.
    const url = (s: Server) => `${s.url}/${TENANT.slug}/meldingen/volgen/${'x'.repeat(43)}`;
    for (let i = 0; i < 30; i++) {
      const res = await fetch(url(servers[i % 3]!));
      await res.arrayBuffer();
      assert.notEqual(res.status, 429, `request ${i + 1} of 30 is allowed`);
    }
    for (const s of servers) {
      const res = await fetch(url(s));
      await res.arrayBuffer();
      assert.equal(res.status, 429, `the 31st request is refused by ${s.url} too (it saw only a third of them)`);
      assert.ok(Number(res.headers.get('retry-after')) >= 1);
    }
  });

  it('the sign-in throttle counts failures on all processes together', async () => {
    // Five failures within 15 minutes, then each attempt waits 2^(n-5) s after the last failure (throttle.ts).
    // Wrong passwords go to A and B in turn; the refusal must come before either process alone has seen five.
    const email = `raden-${randomBytes(3).toString('hex')}@example.nl`;
    const wrong = [0, 0];
    let refused = false;
    for (let attempt = 0; attempt < 10 && !refused; attempt++) {
      const side = attempt % 2;
      const { status } = await signIn(servers[side]!.url, email, 'fout-wachtwoord-nummer-' + attempt);
      if (status === 429) refused = true;
      else {
        assert.equal(status, 401, `attempt ${attempt + 1}`);
        wrong[side]! += 1;
      }
      if (!refused) {
        assert.ok(wrong[0]! < 5 && wrong[1]! < 5, `throttled before one process alone saw five failures (${wrong.join(' + ')})`);
      }
    }
    assert.ok(refused, 'the throttle refused an attempt');
    assert.ok(wrong[0]! + wrong[1]! >= 5, 'not before five failures in all');
  });

  it(`a changed municipality name shows on every process within the tenant cache's ${TENANT_TTL_MS} ms`, async () => {
    const page = (s: Server) => fetch(`${s.url}/${TENANT.slug}`).then((r) => r.text());
    for (const s of servers) assert.match(await page(s), /Krimpen aan den IJssel/);
    const renamed = `Krimpen ${randomBytes(3).toString('hex')}`;
    await q(`update tenants set name = $1 where id = $2`, [renamed, TENANT.id]);
    const changed = Date.now();
    const seenAfter: number[] = [];
    await Promise.all(
      servers.map((s) =>
        eventually(`${s.url} shows the new name`, TENANT_TTL_MS + 30_000, async () => {
          const ok = (await page(s)).includes(renamed);
          if (ok) seenAfter.push(Date.now() - changed);
          return ok;
        }),
      ),
    );
    assert.equal(seenAfter.length, 3);
  });

  it('kill -9 of one process while a client posts to two loses no acknowledged write', async () => {
    const [a, b] = servers;
    const acknowledged: string[] = [];
    let refusedOrLost = 0;
    let afterKill = 0;
    let killed = false;
    let n = 0;
    // Four clients, each posting to A and B in turn; A is killed once ten writes have been acknowledged.
    const worker = async () => {
      while (n < 60) {
        const i = n++;
        const target = i % 2 === 0 ? a! : b!;
        try {
          const id = await postSignal(target.url, cluster.apiKey, i);
          if (id) {
            acknowledged.push(id);
            if (killed) afterKill++;
          } else refusedOrLost++;
        } catch {
          refusedOrLost++; // connection reset or refused: not acknowledged
        }
        if (!killed && acknowledged.length >= 10) {
          killed = true;
          a!.child.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const exit = await a!.child.waitForExit(20_000);
    assert.equal(exit.signal, 'SIGKILL');
    assert.ok(killed && afterKill >= 5, `B kept acknowledging after A died (${afterKill} of ${acknowledged.length})`);
    assert.ok(refusedOrLost >= 1, 'some posts to A went unanswered');
    const stored = await q<{ public_id: string }>(`select public_id from signals_signals where tenant_id = $1 and public_id = any($2)`, [
      TENANT.id,
      acknowledged,
    ]);
    assert.equal(new Set(acknowledged).size, acknowledged.length, 'every acknowledged id is distinct');
    assert.deepEqual(stored.map((r) => r.public_id).sort(), [...acknowledged].sort(), 'every acknowledged signal is stored');
  });
});
