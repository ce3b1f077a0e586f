import { sql, type RawBuilder } from 'kysely';
import type { Db, DbOrTrx } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { JobHandlerArgs } from '../module.ts';

/** What the worker passes to a handler: the module contract plus which attempt this is. */
export interface JobRunArgs extends JobHandlerArgs {
  jobId: number;
  /** 1 for the first run. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler = (args: JobHandlerArgs) => Promise<void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

/** Thrown by a handler when trying again cannot help: the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** Where the worker reports; only job ids, kinds and counts, never payloads or messages with personal data. */
export interface JobLog {
  warn(msg: string): void;
  error(msg: string): void;
}

const silentLog: JobLog = { warn: () => undefined, error: () => undefined };

/** A running job older than this is taken to belong to a crashed worker. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;
const BASE_BACKOFF_MS = 30 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 500;

/** Delay before the next attempt: 30 s × 2^(attempts−1), at most one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export interface RunOptions {
  now: Date;
  config: Config;
  /** How many jobs to claim in one run. */
  limit?: number;
  log?: JobLog;
  /** Also put back jobs stuck in `running` (default true; the polling worker does it once a minute). */
  reclaim?: boolean;
  /** Checked before each claimed job: when true, the jobs not started yet go back to the queue (a stopping worker). */
  shouldStop?: () => boolean;
  /** Handed to each handler: aborted when the worker stops, so a long job can stop between its parts. */
  signal?: AbortSignal;
}

export interface RunResult {
  done: number;
  failed: number;
  retried: number;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  tenant_id: string | null;
  attempts: number;
  max_attempts: number;
}

/** Put jobs stuck in `running` (a crashed worker) back in the queue, or fail them when out of attempts. */
async function reclaimStuck(db: DbOrTrx, now: Date): Promise<void> {
  const before = new Date(now.getTime() - STUCK_AFTER_MS);
  await db
    .updateTable('jobs')
    .set({
      status: sql`case when attempts >= max_attempts then 'failed' else 'pending' end`,
      finished_at: sql`case when attempts >= max_attempts then ${now}::timestamptz else null end`,
      locked_at: null,
      run_at: now,
      last_error: 'Interrupted: the worker stopped while running this job.',
      // The interrupted run may have queued its successor already: this one runs again as a plain job,
      // and its own enqueue of the next run finds that successor (see enqueueJob).
      once_key: null,
    })
    .where('status', '=', 'running')
    .where('locked_at', '<', before)
    .execute();
}

/** Claim due jobs in one short transaction: SKIP LOCKED keeps two workers from taking the same job. */
async function claimDueJobs(db: Db, now: Date, limit: number, reclaim: boolean): Promise<ClaimedJob[]> {
  return db.transaction().execute(async (trx) => {
    if (reclaim) await reclaimStuck(trx, now);
    const due = trx
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'pending')
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked();
    return trx
      .updateTable('jobs')
      .set({ status: 'running', locked_at: now, attempts: sql`attempts + 1` })
      .where('id', 'in', due)
      .where('status', '=', 'pending')
      .returning(['id', 'kind', 'payload', 'tenant_id', 'attempts', 'max_attempts'])
      .execute();
  });
}

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  // SMTP replies often quote the recipient: keep e-mail addresses out of the jobs table.
  return (msg || 'Unknown error').replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[address]').slice(0, MAX_ERROR_LENGTH);
}

async function markFailed(db: Db, job: ClaimedJob, now: Date, message: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: now, locked_at: null, last_error: message.slice(0, MAX_ERROR_LENGTH) })
    .where('id', '=', job.id)
    .execute();
}

/** Claimed jobs that were not started go back to the queue as they were (a stopping worker leaves them to the next). */
async function releaseJobs(db: Db, jobs: readonly ClaimedJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ status: 'pending', locked_at: null, attempts: sql`attempts - 1`, once_key: null })
    .where(
      'id',
      'in',
      jobs.map((j) => j.id),
    )
    .where('status', '=', 'running')
    .execute();
}

/** Run one claimed job outside the claim transaction and record the outcome. */
async function runOne(db: Db, handlers: JobHandlers, job: ClaimedJob, opts: RunOptions, log: JobLog): Promise<keyof RunResult> {
  const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
  if (!handler) {
    log.error(`job ${job.id} (${job.kind}) failed: unknown kind`);
    await markFailed(db, job, opts.now, `Unknown job kind: ${job.kind.slice(0, 100)}`);
    return 'failed';
  }
  try {
    const args: JobRunArgs = {
      db,
      config: opts.config,
      payload: job.payload ?? {},
      tenantId: job.tenant_id,
      now: opts.now,
      ...(opts.signal ? { signal: opts.signal } : {}),
      jobId: job.id,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
    };
    await handler(args);
  } catch (err) {
    const permanent = err instanceof PermanentJobError;
    if (!permanent && job.attempts < job.max_attempts) {
      const delay = backoffMs(job.attempts);
      log.warn(`job ${job.id} (${job.kind}) attempt ${job.attempts}/${job.max_attempts} failed; retry in ${Math.round(delay / 1000)} s`);
      await db
        .updateTable('jobs')
        .set({
          status: 'pending',
          locked_at: null,
          run_at: new Date(opts.now.getTime() + delay),
          last_error: errorMessage(err),
          once_key: null,
        })
        .where('id', '=', job.id)
        .execute();
      return 'retried';
    }
    log.error(`job ${job.id} (${job.kind}) failed after ${job.attempts} attempt(s)`);
    await markFailed(db, job, opts.now, errorMessage(err));
    return 'failed';
  }
  await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: opts.now, locked_at: null, last_error: null })
    .where('id', '=', job.id)
    .execute();
  return 'done';
}

/** Claim and run the jobs that are due at `now`; each handler runs outside the claim transaction. */
export async function runDueJobs(db: Db, handlers: JobHandlers, opts: RunOptions): Promise<RunResult> {
  const log = opts.log ?? silentLog;
  const jobs = await claimDueJobs(db, opts.now, opts.limit ?? 20, opts.reclaim ?? true);
  const result: RunResult = { done: 0, failed: 0, retried: 0 };
  for (const [i, job] of jobs.entries()) {
    if (opts.shouldStop?.()) {
      await releaseJobs(db, jobs.slice(i));
      break;
    }
    result[await runOne(db, handlers, job, opts, log)] += 1;
  }
  return result;
}

/**
 * A condition for a module's query: a pending or running job of this kind exists whose payload
 * field `payloadKey` equals the text of `ref` (a column of the outer query, e.g. `r.id`). Modules
 * use this instead of querying the platform's jobs table themselves.
 */
export function pendingJobExists(kind: string, payloadKey: string, ref: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from jobs where jobs.kind = ${kind} and jobs.status in ('pending', 'running') and jobs.payload->>${payloadKey} = ${sql.ref(ref)}::text)`;
}

export interface EnqueueJob {
  kind: string;
  payload?: Record<string, unknown>;
  tenantId?: string | null;
  /** When the job becomes due (the app clock's now for "at once"). */
  runAt: Date;
  maxAttempts?: number;
  /** At most one pending job per key (null: none). By default the kind, for the next run of a recurring job. */
  onceKey?: string | null;
}

/**
 * Kinds of recurring jobs (ModuleDefinition.recurringJobs), registered by `ensureRecurringJobs` at
 * start-up. A recurring job enqueued without tenant and payload is the next run of its chain: it
 * carries its kind as `once_key`, and a unique index (jobs_once) keeps at most one such run pending,
 * however many processes enqueue it (several servers starting at once, a run retried after a crash).
 */
const recurringKinds = new Set<string>();

export function registerRecurringKinds(kinds: Iterable<string>): void {
  for (const k of kinds) recurringKinds.add(k);
}

/** The `once_key` of a job: its own, or its kind for the next run of a recurring job. */
function onceKeyOf(job: EnqueueJob): string | null {
  if (job.onceKey !== undefined) return job.onceKey;
  const plain = (job.tenantId ?? null) === null && Object.keys(job.payload ?? {}).length === 0;
  return plain && recurringKinds.has(job.kind) ? job.kind : null;
}

/**
 * Add a job to the queue, in the caller's transaction when given one. A job with a `once_key`
 * (see above) that is already pending is not added again: the id of the pending one is returned.
 */
export async function enqueueJob(db: DbOrTrx, job: EnqueueJob): Promise<number> {
  const onceKey = onceKeyOf(job);
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}) as never,
      tenant_id: job.tenantId ?? null,
      run_at: job.runAt,
      once_key: onceKey,
      ...(job.maxAttempts !== undefined ? { max_attempts: job.maxAttempts } : {}),
    })
    .onConflict((oc) => oc.column('once_key').where('status', '=', 'pending').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('once_key', '=', onceKey)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return pending.id;
}

export interface WorkerOptions {
  db: Db;
  config: Config;
  clock: Clock;
  handlers: JobHandlers;
  intervalMs?: number;
  log?: JobLog;
}

export interface Worker {
  /** Stop polling and wait for the job in progress to finish (claimed jobs not started yet go back to the queue). */
  stop(): Promise<void>;
}

/** Poll for due jobs until stopped; runs never overlap, and a full batch is followed at once by the next. */
export function startWorker({ db, config, clock, handlers, intervalMs = 1000, log = silentLog }: WorkerOptions): Worker {
  const limit = 20;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;
  let lastReclaim = Number.NEGATIVE_INFINITY;
  const stopping = new AbortController();

  const tick = async (): Promise<void> => {
    timer = null;
    let again = false;
    try {
      const now = clock.now();
      const reclaim = now.getTime() - lastReclaim >= 60_000;
      if (reclaim) lastReclaim = now.getTime();
      const r = await runDueJobs(db, handlers, { now, config, limit, log, reclaim, shouldStop: () => stopped, signal: stopping.signal });
      again = r.done + r.failed + r.retried >= limit;
    } catch (err) {
      log.error(`job worker run failed: ${err instanceof Error ? err.name : 'error'}`);
    }
    if (!stopped) schedule(again ? 0 : intervalMs);
  };
  const schedule = (ms: number) => {
    timer = setTimeout(() => {
      current = tick().finally(() => {
        current = null;
      });
    }, ms);
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      stopping.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await current;
    },
  };
}
