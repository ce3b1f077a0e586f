import type { FastifyInstance } from 'fastify';
import { refreshTenantSummaries, type RefreshResult } from '../../src/modules/areas/summaries/summaries.service.ts';
import { invalidateSummaryCache } from '../../src/modules/areas/summaries/summaries.cache.ts';

/**
 * Run the area-summaries job's work for one tenant now (with the app's sections and clock) and
 * clear the page cache: route tests of neighbourhood sections create data, refresh, then fetch.
 */
export async function refreshAreaSummaries(app: FastifyInstance, tenantId: string, log?: (m: string) => void): Promise<RefreshResult> {
  const result = await refreshTenantSummaries(app.db, {
    tenantId,
    sections: app.summarySections,
    now: app.clock.now(),
    ...(log ? { log } : {}),
  });
  invalidateSummaryCache();
  return result;
}
