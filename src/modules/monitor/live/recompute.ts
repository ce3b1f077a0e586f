import { performance } from 'node:perf_hooks';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import type { Config } from '../../../platform/config.ts';
import type { IndicatorSource, JobHandlerArgs } from '../../../platform/module.ts';
import { ensureIndicators, upsertMeasurements } from '../core/core.store.ts';

/**
 * The recompute job (`monitor.recompute`): per municipality and per indicator source of the other
 * modules (signals, help, social map, surveys…), define the source's indicators, compute its
 * figures, and replace that source's earlier figures of the same periods. Each run records how
 * long it took per source (monitor_recompute_runs, and one log line without personal data), then
 * schedules the next run after `RECOMPUTE_EVERY_MS`.
 */
export const RECOMPUTE_JOB = 'monitor.recompute';
export const RECOMPUTE_EVERY_MS = 60 * 60 * 1000;
/** Run records older than this are removed by the job. */
const KEEP_RUNS_DAYS = 30;

export interface RecomputeRun {
  tenantId: string;
  sourceId: string;
  durationMs: number;
  measurements: number;
  outcome: 'ok' | 'failed';
}

/** Recompute one source for one municipality, in one transaction; returns the number of figures written. */
async function recomputeSource(db: DbOrTrx, tenantId: string, source: IndicatorSource, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    await ensureIndicators(trx, tenantId, source.definitions);
    const codes = new Set(source.definitions.map((d) => d.code));
    const rows = await source.compute({ db: trx, tenantId, now });
    const foreign = rows.find((r) => !codes.has(r.indicatorCode));
    if (foreign) throw new Error(`Indicator source ${source.id} returned a figure of an indicator it does not define.`);
    const periods = [...new Set(rows.map((r) => r.period))];
    if (codes.size > 0 && periods.length > 0) {
      await trx
        .deleteFrom('monitor_measurements')
        .where('tenant_id', '=', tenantId)
        .where('indicator_code', 'in', [...codes])
        .where('period', 'in', periods)
        .execute();
    }
    await upsertMeasurements(trx, tenantId, rows, now);
    return rows.length;
  });
}

/** Recompute every source for the given municipalities (all when absent) and record each run. */
export async function recomputeAll(
  db: DbOrTrx,
  sources: readonly IndicatorSource[],
  opts: { now: Date; tenantIds?: readonly string[]; signal?: AbortSignal },
): Promise<RecomputeRun[]> {
  const tenantIds = opts.tenantIds ?? (await listTenants(db)).map((t) => t.id);
  const runs: RecomputeRun[] = [];
  for (const tenantId of tenantIds) {
    for (const source of sources) {
      // A stopping worker: stop between sources; the next run recomputes everything.
      if (opts.signal?.aborted) return runs;
      const started = performance.now();
      let measurements = 0;
      let outcome: RecomputeRun['outcome'] = 'ok';
      try {
        measurements = await recomputeSource(db, tenantId, source, opts.now);
      } catch {
        // One failing source must not stop the others; the failure is recorded (without its message, which may hold data).
        outcome = 'failed';
      }
      const durationMs = Math.round(performance.now() - started);
      runs.push({ tenantId, sourceId: source.id, durationMs, measurements, outcome });
      await db
        .insertInto('monitor_recompute_runs')
        .values({ tenant_id: tenantId, source_id: source.id, started_at: opts.now, duration_ms: durationMs, measurements, outcome })
        .execute();
    }
    await db
      .deleteFrom('monitor_recompute_runs')
      .where('tenant_id', '=', tenantId)
      .where('started_at', '<', new Date(opts.now.getTime() - KEEP_RUNS_DAYS * 86_400_000))
      .execute();
  }
  return runs;
}

/** The last recorded runs of a municipality, newest first (for the monitor's pages and docs/performance.md). */
export async function listRecomputeRuns(db: DbOrTrx, tenantId: string, limit = 20): Promise<(RecomputeRun & { startedAt: Date })[]> {
  const rows = await db
    .selectFrom('monitor_recompute_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('started_at', 'desc')
    .orderBy('source_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    sourceId: r.source_id,
    durationMs: r.duration_ms,
    measurements: r.measurements,
    outcome: r.outcome,
    startedAt: r.started_at,
  }));
}

function logRun(config: Config, runs: readonly RecomputeRun[]): void {
  if (config.logLevel !== 'info' && config.logLevel !== 'debug') return;
  const totalMs = runs.reduce((s, r) => s + r.durationMs, 0);
  const failed = runs.filter((r) => r.outcome === 'failed').length;
  const figures = runs.reduce((s, r) => s + r.measurements, 0);
  // Counts and durations only: never a figure, an area or a person.
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: Date.now(), msg: 'monitor.recompute done', runs: runs.length, failed, figures, ms: totalMs })}\n`,
  );
}

/** The job handler: recompute (one municipality when the job names one), then schedule the next run. */
export function recomputeJob(sources: readonly IndicatorSource[]) {
  return async ({ db, now, config, tenantId, signal }: JobHandlerArgs): Promise<void> => {
    const runs = await recomputeAll(db, sources, { now, ...(tenantId ? { tenantIds: [tenantId] } : {}), ...(signal ? { signal } : {}) });
    logRun(config, runs);
    // Only the recurring chain (no municipality named) schedules its successor: at once when stopped half-way.
    const next = signal?.aborted ? now : new Date(now.getTime() + RECOMPUTE_EVERY_MS);
    if (!tenantId) await enqueueJob(db, { kind: RECOMPUTE_JOB, runAt: next });
  };
}
