import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../test/helpers/app.ts';
import { testConfig } from '../config.ts';
import { fixedClock } from '../clock.ts';
import { backoffMs, enqueueJob, PermanentJobError, runDueJobs, startWorker, type JobHandlers } from './worker.ts';
import { allJobHandlers } from './handlers.ts';
import { ensureRecurringJobs } from './recurring.ts';

const config = testConfig();
const T0 = new Date('2026-11-23T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('jobs worker', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const job = (id: number) => db().selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeEach(async () => {
    await db().deleteFrom('jobs').execute();
  });

  it('runs due jobs and leaves future jobs waiting', async () => {
    const seen: unknown[] = [];
    const handlers: JobHandlers = { 'test.echo': async ({ payload, tenantId }) => void seen.push([payload.n, tenantId]) };
    const due = await enqueueJob(db(), { kind: 'test.echo', payload: { n: 1 }, tenantId: 'GM0014', runAt: at(-1000) });
    const later = await enqueueJob(db(), { kind: 'test.echo', payload: { n: 2 }, runAt: at(60_000) });

    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config }), { done: 1, failed: 0, retried: 0 });
    assert.deepEqual(seen, [[1, 'GM0014']]);
    const first = await job(due);
    assert.equal(first.status, 'done');
    assert.equal(first.attempts, 1);
    assert.equal(first.finished_at?.toISOString(), T0.toISOString());
    assert.equal((await job(later)).status, 'pending');

    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(60_000), config }), { done: 1, failed: 0, retried: 0 });
    assert.deepEqual(seen, [
      [1, 'GM0014'],
      [2, null],
    ]);
  });

  it('retries a failing job with exponential back-off, then marks it failed', async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      'test.flaky': async () => {
        calls += 1;
        throw new Error('x'.repeat(600));
      },
    };
    const id = await enqueueJob(db(), { kind: 'test.flaky', runAt: T0, maxAttempts: 3 });

    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config }), { done: 0, failed: 0, retried: 1 });
    let row = await job(id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.run_at.toISOString(), at(30_000).toISOString());
    assert.equal(row.last_error?.length, 500);
    assert.equal(row.locked_at, null);

    // Not yet due one second early.
    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(29_000), config }), { done: 0, failed: 0, retried: 0 });
    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(30_000), config }), { done: 0, failed: 0, retried: 1 });
    row = await job(id);
    assert.equal(row.attempts, 2);
    assert.equal(row.run_at.toISOString(), at(30_000 + 60_000).toISOString());

    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(90_000), config }), { done: 0, failed: 1, retried: 0 });
    row = await job(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(row.finished_at?.toISOString(), at(90_000).toISOString());
    assert.equal(calls, 3);
    // Failed jobs are never picked up again.
    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(10 * 3600_000), config }), { done: 0, failed: 0, retried: 0 });
  });

  it('caps the back-off at one hour', () => {
    assert.equal(backoffMs(1), 30_000);
    assert.equal(backoffMs(4), 240_000);
    assert.equal(backoffMs(20), 3600_000);
  });

  it('fails a job of an unknown kind with a clear error', async () => {
    const id = await enqueueJob(db(), { kind: 'test.nobody-handles-this', runAt: T0 });
    assert.deepEqual(await runDueJobs(db(), {}, { now: T0, config }), { done: 0, failed: 1, retried: 0 });
    const row = await job(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.last_error, 'Unknown job kind: test.nobody-handles-this');
  });

  it('fails at once on a permanent error and keeps e-mail addresses out of last_error', async () => {
    const handlers: JobHandlers = {
      'test.permanent': async () => {
        throw new PermanentJobError('550 rejected <jan@example.org>');
      },
    };
    const id = await enqueueJob(db(), { kind: 'test.permanent', runAt: T0 });
    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config }), { done: 0, failed: 1, retried: 0 });
    const row = await job(id);
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, '550 rejected <[address]>');
  });

  it('never runs one job twice when two workers run at the same time', async () => {
    const runs = new Map<number, number>();
    const handlers: JobHandlers = {
      'test.count': async ({ payload }) => {
        const n = payload.n as number;
        runs.set(n, (runs.get(n) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 2));
      },
    };
    for (let n = 0; n < 30; n++) await enqueueJob(db(), { kind: 'test.count', payload: { n }, runAt: T0 });
    const worker = async () => {
      let total = 0;
      for (;;) {
        const r = await runDueJobs(db(), handlers, { now: T0, config, limit: 4 });
        if (r.done + r.failed + r.retried === 0) return total;
        total += r.done;
      }
    };
    const [a, b] = await Promise.all([worker(), worker()]);
    assert.equal(a + b, 30);
    assert.equal(runs.size, 30);
    assert.ok([...runs.values()].every((count) => count === 1));
    const statuses = await db().selectFrom('jobs').select('status').distinct().execute();
    assert.deepEqual(statuses, [{ status: 'done' }]);
  });

  it('reclaims a job stuck in running for more than ten minutes', async () => {
    const handlers: JobHandlers = { 'test.stuck': async () => undefined };
    const stuck = await enqueueJob(db(), { kind: 'test.stuck', runAt: at(-3600_000) });
    const busy = await enqueueJob(db(), { kind: 'test.stuck', runAt: at(-3600_000) });
    const spent = await enqueueJob(db(), { kind: 'test.stuck', runAt: at(-3600_000), maxAttempts: 1 });
    await db()
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_at: at(-11 * 60_000) })
      .where('id', 'in', [stuck, spent])
      .execute();
    await db()
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_at: at(-5 * 60_000) })
      .where('id', '=', busy)
      .execute();

    // Without reclaiming (the worker does it once a minute) a stuck job stays where it is.
    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config, reclaim: false }), { done: 0, failed: 0, retried: 0 });
    assert.equal((await job(stuck)).status, 'running');
    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config }), { done: 1, failed: 0, retried: 0 });
    const reclaimed = await job(stuck);
    assert.equal(reclaimed.status, 'done');
    assert.equal(reclaimed.attempts, 2);
    assert.equal((await job(busy)).status, 'running');
    const gaveUp = await job(spent);
    assert.equal(gaveUp.status, 'failed');
    assert.match(gaveUp.last_error ?? '', /Interrupted/);
  });

  it('startWorker polls until stopped and stop waits for the run in progress', async () => {
    const clock = fixedClock(T0);
    let finished = 0;
    const handlers: JobHandlers = {
      'test.slow': async () => {
        await new Promise((r) => setTimeout(r, 20));
        finished += 1;
      },
    };
    const worker = startWorker({ db: db(), config, clock, handlers, intervalMs: 5 });
    const id = await enqueueJob(db(), { kind: 'test.slow', runAt: T0 });
    for (let i = 0; i < 400 && (await job(id)).status !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal((await job(id)).status, 'done');
    const second = await enqueueJob(db(), { kind: 'test.slow', runAt: T0 });
    for (let i = 0; i < 400 && (await job(second)).status === 'pending'; i++) await new Promise((r) => setTimeout(r, 2));
    await worker.stop();
    // Whatever the worker had started has finished: nothing is left half-done.
    assert.notEqual((await job(second)).status, 'running');
    const afterStop = finished;
    await enqueueJob(db(), { kind: 'test.slow', runAt: T0 });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(finished, afterStop);
  });

  it('a stopping run starts no further claimed job: they go back to the queue untouched', async () => {
    let started = 0;
    let stop = false;
    const handlers: JobHandlers = {
      'test.stop': async () => {
        started += 1;
        stop = true; // the worker is told to stop while the first job runs
      },
    };
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await enqueueJob(db(), { kind: 'test.stop', runAt: T0 }));
    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config, shouldStop: () => stop }), { done: 1, failed: 0, retried: 0 });
    assert.equal(started, 1);
    const rest = await Promise.all(ids.slice(1).map(job));
    assert.deepEqual(
      rest.map((j) => [j.status, j.attempts, j.locked_at]),
      [
        ['pending', 0, null],
        ['pending', 0, null],
      ],
    );
  });

  it('stop aborts the signal of the job in progress, so a long job can stop between its parts', async () => {
    let seen: AbortSignal | undefined;
    const handlers: JobHandlers = {
      'test.long': async ({ signal }) => {
        seen = signal;
        // Runs until the worker stops: without the abort, stop() would wait forever.
        await new Promise<void>((r) => signal?.addEventListener('abort', () => r()));
      },
    };
    const worker = startWorker({ db: db(), config, clock: fixedClock(T0), handlers, intervalMs: 5 });
    const id = await enqueueJob(db(), { kind: 'test.long', runAt: T0 });
    for (let i = 0; i < 400 && !seen; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(seen, 'the job started');
    assert.equal(seen.aborted, false);
    await worker.stop();
    assert.equal(seen.aborted, true);
    assert.equal((await job(id)).status, 'done');
  });

  it('collects the platform mail handler and the module handlers', () => {
    assert.equal(typeof allJobHandlers([])['mail.send'], 'function');
  });
});

describe('recurring jobs with several processes', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const pendingOf = (kind: string) =>
    db().selectFrom('jobs').select(['id', 'status']).where('kind', '=', kind).where('status', '=', 'pending').execute();

  beforeEach(async () => {
    await db().deleteFrom('jobs').execute();
  });

  it('keeps one pending run of a recurring kind however often it is enqueued (servers starting at once)', async () => {
    const modules = [{ recurringJobs: ['test.recurring'] }];
    // Three "processes" ensure the chain at the same moment.
    await Promise.all([
      ensureRecurringJobs(db(), T0, modules),
      ensureRecurringJobs(db(), T0, modules),
      ensureRecurringJobs(db(), T0, modules),
    ]);
    assert.equal((await pendingOf('test.recurring')).length, 1);
    const again = await enqueueJob(db(), { kind: 'test.recurring', runAt: at(3600_000) });
    assert.equal(again, (await pendingOf('test.recurring'))[0]!.id, 'the pending run is returned, none added');
    // Jobs with a tenant or a payload, and other kinds, queue as before.
    await enqueueJob(db(), { kind: 'test.recurring', tenantId: 'GM0014', runAt: T0 });
    await enqueueJob(db(), { kind: 'test.other', runAt: T0 });
    await enqueueJob(db(), { kind: 'test.other', runAt: T0 });
    assert.equal((await pendingOf('test.recurring')).length, 2);
    assert.equal((await pendingOf('test.other')).length, 2);
  });

  it('a run interrupted after queueing its successor runs again without starting a second chain', async () => {
    const modules = [{ recurringJobs: ['test.chain'] }];
    let runs = 0;
    const handlers: JobHandlers = {
      'test.chain': async ({ db: d, now }) => {
        runs += 1;
        await enqueueJob(d, { kind: 'test.chain', runAt: new Date(now.getTime() + 3600_000) });
      },
    };
    await ensureRecurringJobs(db(), T0, modules);
    // A worker claimed the run, queued the next one and died before marking it done.
    const [first] = await pendingOf('test.chain');
    await db()
      .updateTable('jobs')
      .set({ status: 'running', locked_at: at(-3600_000), attempts: 1 })
      .where('id', '=', first!.id)
      .execute();
    await enqueueJob(db(), { kind: 'test.chain', runAt: at(3600_000) });
    // Another process reclaims the stuck run and runs it: still one pending run afterwards.
    assert.deepEqual(await runDueJobs(db(), handlers, { now: T0, config }), { done: 1, failed: 0, retried: 0 });
    assert.equal(runs, 1);
    assert.equal((await pendingOf('test.chain')).length, 1);
    assert.deepEqual(await runDueJobs(db(), handlers, { now: at(3600_000), config }), { done: 1, failed: 0, retried: 0 });
    assert.equal(runs, 2);
    assert.equal((await pendingOf('test.chain')).length, 1);
  });
});
