/**
 * Waves for incidental and latent requests (after GoodSAM): suggest the request to the best three
 * candidates (an in-app suggestion plus a mail without address), widen to the next three after a
 * while, and stop at the first acceptance, when the request is no longer open, or when nobody is left.
 * A volunteer's yes pauses them: while the asking side has a yes to choose from, nobody new is
 * invited; the wave looks again an interval later, so a decline lets the waves go on.
 * Each wave is a job (`helpmatch.wave`) that enqueues the next one with `runAt`.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { queueMail } from '../../../platform/mail/mail.service.ts';
import { enqueueJob } from '../../../platform/jobs/worker.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { JobHandlerArgs } from '../../../platform/module.ts';
import { findTenantById, listTenants } from '../../../platform/tenants/tenants.service.ts';
import { getUserProfile } from '../../people/people.service.ts';
import { getRequestForMatching } from './matching-data.service.ts';
import { createMatches } from '../matches/matches.service.ts';
import { alreadyInvolved, loadEngineData, toEngineRequest } from './engine.service.ts';
import * as store from './engine.store.ts';
import { suggestFor } from '../matching/suggest.ts';

export const WAVE_JOB = 'helpmatch.wave';
export const WAVE_SCAN_JOB = 'helpmatch.waves.scan';
/** How many candidates one wave notifies. */
export const WAVE_SIZE = 3;
/** Default time between waves; `HELP_WAVE_HOURS` and `HELP_WAVE_URGENT_HOURS` override it (the job reads them from the configuration). */
export const WAVE_INTERVAL_MS = { normal: 24 * 3600_000, urgent: 2 * 3600_000 } as const;
/** How often the scan looks for new requests without a first wave. */
export const WAVE_SCAN_INTERVAL_MS = 15 * 60_000;

export interface WavePayload {
  requestId: string;
  wave: number;
}

/** Start the waves of a request now (idempotent enough: a wave never notifies anyone twice). */
export async function startWaves(db: DbOrTrx, tenantId: string, requestId: string, now: Date): Promise<void> {
  await enqueueJob(db, { kind: WAVE_JOB, payload: { requestId, wave: 1 }, tenantId, runAt: now });
}

export type WaveOutcome =
  | { kind: 'stopped'; reason: 'gone' | 'notOpen' | 'accepted' | 'nobodyLeft' }
  | { kind: 'paused'; nextAt: Date }
  | { kind: 'notified'; userIds: string[]; nextAt: Date | null };

/** Run one wave of a request; returns whom it notified and when the next wave runs. */
export async function runWave(
  db: DbOrTrx,
  opts: { tenantId: string; requestId: string; wave: number; now: Date; baseUrl: string; intervalMs?: { normal: number; urgent: number } },
): Promise<WaveOutcome> {
  const { tenantId, requestId, wave, now } = opts;
  const tenant = await findTenantById(db, tenantId);
  const request = await getRequestForMatching(db, tenantId, requestId);
  if (!tenant || !request) return { kind: 'stopped', reason: 'gone' };
  const [summary] = await store.requestSummaries(db, tenantId, [requestId]);
  if (summary?.state !== 'open') return { kind: 'stopped', reason: 'notOpen' };
  // An accepted match ends the waves.
  if (request.matchedVolunteers.some((m) => m.state === 'accepted' || m.state === 'done')) return { kind: 'stopped', reason: 'accepted' };
  const interval = opts.intervalMs ?? WAVE_INTERVAL_MS;
  const nextAt = new Date(now.getTime() + (request.urgency === 'urgent' ? interval.urgent : interval.normal));
  // A yes waiting for the asking side pauses the waves: this wave looks again after the interval.
  if (request.matchedVolunteers.some((m) => m.state === 'awaiting_requester')) {
    await enqueueJob(db, { kind: WAVE_JOB, payload: { requestId, wave }, tenantId, runAt: nextAt });
    return { kind: 'paused', nextAt };
  }
  const data = await loadEngineData(db, tenantId, now);
  const next = suggestFor(toEngineRequest(request, summary.summary), data.volunteers, data.contacts, {
    limit: WAVE_SIZE,
    excludeUserIds: alreadyInvolved(request),
  });
  if (next.length === 0) return { kind: 'stopped', reason: 'nobodyLeft' };
  const ctx = { tenantId, tenantSlug: tenant.slug, baseUrl: opts.baseUrl, now };
  return inTransaction(db, async (trx) => {
    const created = await createMatches(
      trx,
      ctx,
      // The wave job acts for the platform in the request's municipality.
      systemPrincipal(tenantId, now),
      next.map((s) => ({
        requestId,
        volunteerUserId: s.userId,
        offerId: s.kind === 'offer' ? s.volunteerId : null,
        state: 'suggested' as const,
        source: s.kind === 'latent' ? ('latent' as const) : ('engine' as const),
        score: s.score,
        explanation: s.explanation,
        distanceM: s.distanceM,
        wave,
      })),
    );
    for (const m of created) await mailSuggestion(trx, ctx, m.volunteer_user_id!);
    await enqueueJob(trx, { kind: WAVE_JOB, payload: { requestId, wave: wave + 1 }, tenantId, runAt: nextAt });
    return { kind: 'notified' as const, userIds: created.map((m) => m.volunteer_user_id!), nextAt };
  });
}

/** Mail a volunteer that a request near them fits: a fixed sentence and a link, never an address or name. */
async function mailSuggestion(
  db: DbOrTrx,
  ctx: { tenantId: string; tenantSlug: string; baseUrl: string; now: Date },
  userId: string,
): Promise<void> {
  let profile: Awaited<ReturnType<typeof getUserProfile>>;
  try {
    profile = await getUserProfile(db, userId);
  } catch {
    return;
  }
  if (!profile.email) return;
  const t = translator(profile.locale);
  await queueMail(db, {
    to: profile.email,
    subject: t('helpmatch.engine.mail.wave.subject'),
    text: t('helpmatch.engine.mail.wave.body', { url: `${ctx.baseUrl}/${ctx.tenantSlug}/hulp/voor-u` }),
    locale: profile.locale,
    tenantId: ctx.tenantId,
    userId,
    now: ctx.now,
  });
}

/** Job handler of one wave. */
export async function waveJob({ db, config, payload, tenantId, now }: JobHandlerArgs): Promise<void> {
  const p = payload as Partial<WavePayload>;
  if (!tenantId || typeof p.requestId !== 'string' || typeof p.wave !== 'number') return;
  const intervalMs = { normal: config.helpWaveHours.normal * 3600_000, urgent: config.helpWaveHours.urgent * 3600_000 };
  await runWave(db, { tenantId, requestId: p.requestId, wave: p.wave, now, baseUrl: config.baseUrl, intervalMs });
}

/** Start the first wave of open incidental and latent requests that have none yet, in every tenant. */
export async function scanForWaves(db: DbOrTrx, now: Date): Promise<number> {
  let started = 0;
  for (const tenant of await listTenants(db)) {
    for (const id of await store.requestsWithoutWave(db, tenant.id, 500)) {
      await startWaves(db, tenant.id, id, now);
      started += 1;
    }
  }
  return started;
}

/** The recurring scan job: start waves, then schedule the next scan. */
export async function waveScanJob({ db, now }: JobHandlerArgs): Promise<void> {
  await scanForWaves(db, now);
  await enqueueJob(db, { kind: WAVE_SCAN_JOB, runAt: new Date(now.getTime() + WAVE_SCAN_INTERVAL_MS) });
}
