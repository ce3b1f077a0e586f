/**
 * Computing evaluation results (never on a request): per running or finished evaluation and per
 * outcome indicator, the measurements of its areas (through the monitor's service) become the
 * estimator's input; its hash decides whether to estimate again. Results are stored in
 * evaluation_results with the hash, so an unchanged input is never estimated twice.
 *
 * Jobs: `evaluation.results.compute` runs every hour over every municipality (recurring; it picks
 * up changed measurements within the hour), `evaluation.results.compute.one` computes one
 * evaluation at once and is enqueued when an evaluation is saved (`scheduleResultsCompute`).
 */
import { createHash } from 'node:crypto';
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { areaMeasurements, listIndicatorDefinitions, type MeasurementRow } from '../../monitor/monitor.service.ts';
import { estimateEffect } from '../estimate/estimate.ts';
import type { EstimateInput, Observation } from '../estimate/estimate.types.ts';
import * as store from './results.store.ts';

export const RESULTS_JOB = 'evaluation.results.compute';
export const RESULTS_ONE_JOB = 'evaluation.results.compute.one';
const HOUR_MS = 60 * 60 * 1000;
/** Part of every hash: raise it when the estimator's rules change, so every result is computed again. */
export const ESTIMATOR_VERSION = 1;

export interface ComputeReport {
  computed: number;
  unchanged: number;
}

/** The estimator's input for one outcome from the evaluation and the measurements of its areas. */
export function estimateInputOf(
  evaluation: Pick<store.EvaluationHead, 'areas' | 'startDay' | 'seed'>,
  indicatorCode: string,
  measurements: readonly MeasurementRow[],
  minRespondents: number | undefined,
): EstimateInput {
  const codes = (role: 'intervention' | 'comparison') =>
    evaluation.areas
      .filter((a) => a.role === role)
      .map((a) => a.code)
      .sort();
  const observations: Observation[] = measurements
    .filter((m) => m.indicatorCode === indicatorCode)
    .map((m) => ({
      areaCode: m.areaCode,
      period: m.period,
      periodEnd: m.periodEnd,
      value: m.status === 'ok' ? m.value : null,
      respondents: m.respondents,
    }))
    .sort((a, b) => a.areaCode.localeCompare(b.areaCode) || a.periodEnd.localeCompare(b.periodEnd) || a.period.localeCompare(b.period));
  return {
    intervention: codes('intervention'),
    comparison: codes('comparison'),
    startDay: evaluation.startDay,
    observations,
    seed: evaluation.seed,
    ...(minRespondents !== undefined ? { minRespondents } : {}),
  };
}

/** Whether any measurement of the outcome's areas is an invented demo value (stored with the result, shown as a label). */
export function usesDemoValues(indicatorCode: string, measurements: readonly MeasurementRow[]): boolean {
  return measurements.some((m) => m.indicatorCode === indicatorCode && m.isDemo);
}

export function inputsHash(input: EstimateInput, demo = false): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: ESTIMATOR_VERSION, input, demo }))
    .digest('hex');
}

async function computeHeads(db: DbOrTrx, tenantId: string, heads: readonly store.EvaluationHead[], now: Date, signal?: AbortSignal) {
  const report: ComputeReport = { computed: 0, unchanged: 0 };
  if (heads.length === 0) return report;
  const system = systemPrincipal(tenantId, now);
  const indicators = new Map((await listIndicatorDefinitions(db, system, tenantId)).map((i) => [i.code, i]));
  const stored = await store.storedResults(
    db,
    tenantId,
    heads.map((h) => h.id),
  );
  for (const head of heads) {
    if (signal?.aborted) break;
    const measurements = await areaMeasurements(db, system, tenantId, {
      areaCodes: head.areas.map((a) => a.code),
      indicatorCodes: head.outcomes,
    });
    const previous = new Map((stored.get(head.id) ?? []).map((r) => [r.indicatorCode, r.inputsHash]));
    const fresh: { indicatorCode: string; input: EstimateInput; hash: string; demo: boolean }[] = [];
    for (const code of head.outcomes) {
      const input = estimateInputOf(head, code, measurements, indicators.get(code)?.minRespondents);
      const demo = usesDemoValues(code, measurements);
      const hash = inputsHash(input, demo);
      if (previous.get(code) === hash) report.unchanged++;
      else fresh.push({ indicatorCode: code, input, hash, demo });
    }
    const stale = [...previous.keys()].some((code) => !head.outcomes.includes(code));
    if (fresh.length === 0 && !stale) continue;
    const results = fresh.map((f) => ({ ...f, result: estimateEffect(f.input) }));
    await inTransaction(db, async (trx) => {
      for (const r of results) {
        await store.saveResult(trx, tenantId, head.id, {
          indicatorCode: r.indicatorCode,
          result: r.result,
          demoValues: r.demo,
          inputsHash: r.hash,
          computedAt: now,
        });
      }
      await store.removeResultsExcept(trx, tenantId, head.id, head.outcomes);
    });
    report.computed += results.length;
  }
  return report;
}

/** Compute one evaluation's results (when running or finished); outcomes whose input did not change are left as they are. */
export async function computeEvaluationResults(db: DbOrTrx, tenantId: string, evaluationId: string, now: Date): Promise<ComputeReport> {
  return computeHeads(db, tenantId, await store.computableEvaluations(db, tenantId, [evaluationId]), now);
}

/** Compute every running or finished evaluation of one municipality. */
export async function computeTenantResults(db: DbOrTrx, tenantId: string, now: Date, signal?: AbortSignal): Promise<ComputeReport> {
  return computeHeads(db, tenantId, await store.computableEvaluations(db, tenantId), now, signal);
}

/** Compute one evaluation soon (at once, by the worker): call it in the transaction that saves the evaluation. */
export async function scheduleResultsCompute(db: DbOrTrx, tenantId: string, evaluationId: string, now: Date): Promise<void> {
  await enqueueJob(db, { kind: RESULTS_ONE_JOB, tenantId, payload: { evaluationId }, runAt: now });
}

/** The hourly job over every municipality; enqueues its next run. */
export async function resultsJob({ db, now, signal }: JobHandlerArgs): Promise<void> {
  for (const tenant of await listTenants(db)) {
    if (signal?.aborted) break;
    await computeTenantResults(db, tenant.id, now, signal);
  }
  await enqueueJob(db, { kind: RESULTS_JOB, runAt: new Date(now.getTime() + (signal?.aborted ? 0 : HOUR_MS)) });
}

/** One evaluation, enqueued on save. */
export async function resultsOneJob({ db, now, tenantId, payload }: JobHandlerArgs): Promise<void> {
  const evaluationId = typeof payload['evaluationId'] === 'string' ? payload['evaluationId'] : null;
  if (!tenantId || !evaluationId) return;
  await computeEvaluationResults(db, tenantId, evaluationId, now);
}
