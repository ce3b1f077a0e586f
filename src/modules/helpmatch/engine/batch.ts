/**
 * The weekly batch assignment of structural requests (see docs/decisions/0006-batch-assignment.md).
 * The plan is computed from the current data whenever it is shown; confirming recomputes it and
 * creates proposed matches (core's createMatches) only for pairs that are still in the plan.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { getUserProfile, listMembers } from '../../people/people.service.ts';
import { listOpenRequestsForMatching } from './matching-data.service.ts';
import { createMatches, type MatchCtx } from '../matches/matches.service.ts';
import type { Actor } from '../actor.ts';
import { authorize, systemPrincipal, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { alreadyInvolved, loadEngineData, toEngineRequest } from './engine.service.ts';
import * as store from './engine.store.ts';
import { planBatch } from '../matching/batch-plan.ts';
import type { Suggestion } from '../matching/types.ts';

export const BATCH_JOB = 'helpmatch.batch.weekly';
const WEEK_MS = 7 * 24 * 3600_000;

export interface BatchItem extends Suggestion {
  summary: string;
  buurtCode: string | null;
  volunteerName: string;
}

export interface BatchProposal {
  items: BatchItem[];
  /** Structural requests that are open, and how many got nobody. */
  requests: number;
  unassigned: number;
  total: number;
}

/** Compute the batch proposal for the tenant's open structural requests at `now`. */
export async function computeBatch(db: DbOrTrx, tenantId: string, principal: Principal, now: Date): Promise<BatchProposal> {
  authorize(can(principal, 'batch.run', { tenantId }));
  const requests = (await listOpenRequestsForMatching(db, tenantId)).filter((r) => r.helpType === 'structural');
  const data = await loadEngineData(db, tenantId, now);
  // Proposals still waiting for an answer count against the cap as well.
  const pending = await store.pendingProposalCounts(db, tenantId);
  const volunteers = data.volunteers.map((v) => ({ ...v, matchesThisMonth: v.matchesThisMonth + (pending.get(v.userId) ?? 0) }));
  const summaries = new Map(
    (
      await store.requestSummaries(
        db,
        tenantId,
        requests.map((r) => r.id),
      )
    ).map((s) => [s.id, s]),
  );
  const plan = planBatch(
    requests.map((r) => toEngineRequest(r, summaries.get(r.id)?.summary ?? '')),
    volunteers,
    { exclude: new Map(requests.map((r) => [r.id, alreadyInvolved(r)])) },
  );
  const names = new Map((await listMembers(db, tenantId)).map((m) => [m.userId, m.name]));
  return {
    items: plan.assigned.map((s) => ({
      ...s,
      summary: summaries.get(s.requestId)?.summary ?? '',
      buurtCode: summaries.get(s.requestId)?.buurt_code ?? null,
      volunteerName: names.get(s.userId) ?? '—',
    })),
    requests: requests.length,
    unassigned: plan.unassigned.length,
    total: plan.total,
  };
}

/**
 * The coordinator confirms (part of) the proposal: pairs still in the freshly computed plan become
 * proposed matches with their score and explanation; the others are returned as skipped.
 */
export async function confirmBatch(
  db: DbOrTrx,
  ctx: MatchCtx,
  actor: Actor,
  pairs: readonly { requestId: string; volunteerUserId: string }[],
): Promise<{ created: number; skipped: number }> {
  authorize(can(actor, 'batch.run', { tenantId: ctx.tenantId }));
  const plan = await computeBatch(db, ctx.tenantId, actor, ctx.now);
  const inPlan = new Map(plan.items.map((i) => [`${i.requestId}:${i.userId}`, i]));
  const chosen = [...new Set(pairs.map((p) => `${p.requestId}:${p.volunteerUserId}`))].flatMap((k) => {
    const item = inPlan.get(k);
    return item ? [item] : [];
  });
  const created = await createMatches(
    db,
    ctx,
    actor,
    chosen.map((i) => ({
      requestId: i.requestId,
      volunteerUserId: i.userId,
      offerId: i.volunteerId,
      state: 'proposed' as const,
      source: 'batch' as const,
      score: i.score,
      explanation: i.explanation,
      distanceM: i.distanceM,
    })),
  );
  return { created: created.length, skipped: pairs.length - created.length };
}

/** The weekly job: compute each tenant's proposal and tell its coordinators when there is one. */
export async function batchJob({ db, config, now }: JobHandlerArgs): Promise<void> {
  for (const tenant of await listTenants(db)) {
    const proposal = await computeBatch(db, tenant.id, systemPrincipal(tenant.id, now), now);
    if (proposal.items.length === 0) continue;
    for (const m of await listMembers(db, tenant.id, { role: 'coordinator' })) {
      if (!m.email) continue;
      const profile = await getUserProfile(db, m.userId).catch(() => null);
      if (!profile) continue;
      const t = translator(profile.locale);
      await queueMail(db, {
        to: m.email,
        subject: t('helpmatch.engine.mail.batch.subject'),
        text: t('helpmatch.engine.mail.batch.body', { count: proposal.items.length, url: `${config.baseUrl}/${tenant.slug}/hulp/batch` }),
        locale: profile.locale,
        tenantId: tenant.id,
        userId: m.userId,
        now,
      });
    }
  }
  await enqueueJob(db, { kind: BATCH_JOB, runAt: new Date(now.getTime() + WEEK_MS) });
}
