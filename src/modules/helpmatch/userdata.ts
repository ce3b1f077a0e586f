import type { DbOrTrx, Trx } from '../../platform/db/database.ts';
import * as store from './helpmatch.store.ts';

/** The person's data in the help marketplace (requests, offer, latent contacts, matches, messages, responses, reports). */
export async function exportCoreUserData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  return {
    requests: await store.requestsOfUserAll(db, userId),
    offers: await store.offersOfUserAll(db, userId),
    latentContacts: await store.latentOfUserAll(db, userId),
    matchesAsVolunteer: (await store.matchesOfUserAll(db, userId)).map((m) => ({
      id: m.id,
      requestId: m.request_id,
      state: m.state,
      hours: m.hours,
      feedback: m.feedback_volunteer,
      rating: m.rating_volunteer,
      createdAt: m.created_at,
    })),
    messages: (await store.messagesOfUserAll(db, userId)).map((m) => ({ matchId: m.match_id, body: m.body, createdAt: m.created_at })),
    vacancyResponses: await store.responsesOfUserAll(db, userId),
    reports: (await store.reportsByUserAll(db, userId)).map((r) => ({
      id: r.id,
      reason: r.reason,
      state: r.state,
      createdAt: r.created_at,
    })),
  };
}

/**
 * Forget a person: their offer, latent sign-ups and vacancy responses go; the address, remarks and
 * contact details of their requests are erased (open ones are withdrawn); their messages and
 * feedback texts are emptied and their live matches cancelled. Counts (hours, states) remain.
 */
export async function forgetCoreUserData(trx: Trx, userId: string, now: Date): Promise<void> {
  await store.anonymiseRequestsOf(trx, userId, now);
  await store.anonymiseMatchTextOf(trx, userId, now);
  await store.deleteOffersOf(trx, userId);
  await store.deleteLatentOf(trx, userId);
  await store.deleteResponsesOf(trx, userId);
}
