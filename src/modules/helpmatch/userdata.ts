import type { DbOrTrx, Trx } from '../../platform/db/database.ts';
import { requestsOfUserAll, anonymiseRequestsOf } from './requests/requests.store.ts';
import { offersOfUserAll, latentOfUserAll, deleteOffersOf, deleteLatentOf } from './offers/offers.store.ts';
import { matchesOfUserAll, messagesOfUserAll, anonymiseMatchTextOf } from './matches/matches.store.ts';
import { sessionsOfUserAll } from './matches/sessions.store.ts';
import { responsesOfUserAll, reportsByUserAll, deleteResponsesOf } from './safety/safety.store.ts';

/** The person's data in the help marketplace (requests, offer, latent contacts, matches, weekly hours, messages, responses, reports). */
export async function exportCoreUserData(db: DbOrTrx, userId: string): Promise<Record<string, unknown>> {
  return {
    requests: await requestsOfUserAll(db, userId),
    offers: await offersOfUserAll(db, userId),
    latentContacts: await latentOfUserAll(db, userId),
    matchesAsVolunteer: (await matchesOfUserAll(db, userId)).map((m) => ({
      id: m.id,
      requestId: m.request_id,
      state: m.state,
      hours: m.hours,
      feedback: m.feedback_volunteer,
      rating: m.rating_volunteer,
      createdAt: m.created_at,
    })),
    weeklyHours: await sessionsOfUserAll(db, userId),
    messages: (await messagesOfUserAll(db, userId)).map((m) => ({ matchId: m.match_id, body: m.body, createdAt: m.created_at })),
    vacancyResponses: await responsesOfUserAll(db, userId),
    reports: (await reportsByUserAll(db, userId)).map((r) => ({
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
  await anonymiseRequestsOf(trx, userId, now);
  await anonymiseMatchTextOf(trx, userId, now);
  await deleteOffersOf(trx, userId);
  await deleteLatentOf(trx, userId);
  await deleteResponsesOf(trx, userId);
}
