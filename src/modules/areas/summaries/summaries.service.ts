import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { AreaSummaryArgs, SummarySection } from '../../../platform/module.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import * as areas from '../areas.store.ts';
import { invalidateSummaryCache } from './summaries.cache.ts';
import { deleteSummariesOutside, upsertSummaries } from './summaries.store.ts';

/**
 * The area-summaries job's work: for every area of a tenant (municipality, wijken, buurten), run
 * every module's `SummarySection.summarize` and store the JSON in `area_summaries`, so the
 * neighbourhood page never runs a module's queries on a request (issue 13, speed).
 *
 * A section that throws for an area is reported through `log` (section id, area code and the
 * error's class only: no message, which could hold personal data) and does not stop the others;
 * its previous summary for that area, if any, stays with its own `computed_at`.
 */

export interface RefreshResult {
  areas: number;
  stored: number;
  failed: { sectionId: string; areaCode: string }[];
  /** Milliseconds the run took. */
  ms: number;
}

export interface RefreshOptions {
  tenantId: string;
  sections: readonly SummarySection[];
  now: Date;
  log?: (message: string) => void;
  /** A stopping worker: stop between areas (what was computed is kept; the next run does the rest). */
  signal?: AbortSignal;
  /**
   * How many areas are computed at the same time (default 1). More only helps with a pool of
   * several connections (PostgreSQL); every area's sections still run one after another.
   */
  concurrency?: number;
}

/**
 * The shared reads of one run (AreaSummaryArgs.shared): one promise per key. A failed read is
 * forgotten, so the next area asks again (as it did when every area read for itself).
 */
export function sharedReads(): <T>(key: string, read: () => Promise<T>) => Promise<T> {
  const memo = new Map<string, Promise<unknown>>();
  return <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const known = memo.get(key) as Promise<T> | undefined;
    if (known) return known;
    const p = read();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
    return p;
  };
}

/** Recompute every summary of one tenant; returns counts (no personal data). */
export async function refreshTenantSummaries(db: DbOrTrx, opts: RefreshOptions): Promise<RefreshResult> {
  const started = performance.now();
  const all = await areas.listAreasWithoutGeometry(db, opts.tenantId);
  const children = new Map<string, string[]>();
  for (const a of all) {
    if (a.parent_code === null) continue;
    const list = children.get(a.parent_code) ?? [];
    list.push(a.code);
    children.set(a.parent_code, list);
  }
  const shared = sharedReads();
  // Per area, in the areas' order (whatever the order they finish in).
  const perArea: { areaCode: string; sectionId: string; data: unknown }[][] = all.map(() => []);
  const failedPerArea: RefreshResult['failed'][] = all.map(() => []);
  const computeArea = async (i: number) => {
    const a = all[i]!;
    // As the page has them (areas.pages.ts): the area itself and every area below it.
    const below =
      a.level === 'municipality'
        ? all.filter((b) => b.code !== a.code).map((b) => b.code)
        : a.level === 'district'
          ? (children.get(a.code) ?? [])
          : [];
    const args: AreaSummaryArgs = {
      db,
      tenantId: opts.tenantId,
      area: { code: a.code, level: a.level, name: a.name },
      areaCodes: [a.code, ...[...below].sort()],
      now: opts.now,
      shared,
    };
    for (const section of opts.sections) {
      try {
        const data = await section.summarize(args);
        perArea[i]!.push({ areaCode: a.code, sectionId: section.id, data: data ?? null });
      } catch (err) {
        failedPerArea[i]!.push({ sectionId: section.id, areaCode: a.code });
        opts.log?.(`area summary failed: section ${section.id}, area ${a.code} (${err instanceof Error ? err.name : 'error'})`);
      }
    }
  };
  let next = 0;
  const worker = async () => {
    while (next < all.length && !opts.signal?.aborted) await computeArea(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, all.length)) }, worker));
  const rows = perArea.flat();
  const failed = failedPerArea.flat();
  await upsertSummaries(db, opts.tenantId, rows, opts.now);
  await deleteSummariesOutside(
    db,
    opts.tenantId,
    all.map((a) => a.code),
    opts.sections.map((s) => s.id),
  );
  invalidateSummaryCache();
  return { areas: all.length, stored: rows.length, failed, ms: performance.now() - started };
}

/** Recompute the summaries of every tenant (the recurring job, and the end of the demo seed). */
export async function refreshAllSummaries(db: DbOrTrx, opts: Omit<RefreshOptions, 'tenantId'>): Promise<Map<string, RefreshResult>> {
  const results = new Map<string, RefreshResult>();
  for (const t of await listTenants(db)) {
    if (opts.signal?.aborted) break;
    results.set(t.id, await refreshTenantSummaries(db, { ...opts, tenantId: t.id }));
  }
  return results;
}
