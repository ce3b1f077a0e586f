/**
 * The helpmatch service: requests (vraag), offers (aanbod), latent help contacts, vacancies, the
 * match lifecycle with protected contact details, reports and blocks. Other parts of the module
 * (engine, circle) and other modules use these functions; only they touch the store.
 */
export { type Actor, actorFrom, actorIn, assertNotBlocked } from './service/common.ts';
export { resolveLocation, type ResolvedLocation } from './service/location.ts';
export {
  createRequest,
  withdrawRequest,
  loadRequest,
  listMyRequests,
  listRequestsForCoordinator,
  expireRequests,
  requesterSide,
  checkSlots,
  type NewRequest,
  type RequestSchedule,
} from './service/requests.ts';
export {
  saveOffer,
  getMyOffer,
  listOffersForCoordinator,
  recordVog,
  signUpLatent,
  leaveLatent,
  listLatentContacts,
  type OfferInput,
} from './service/offers.ts';
export {
  listOpenRequestsForMatching,
  getRequestForMatching,
  listActiveOffersForMatching,
  monthStart,
  type RequestForMatching,
  type OfferForMatching,
} from './service/matching-data.ts';
export {
  createMatches,
  proposeToVolunteer,
  proposeMatch,
  respondToRequest,
  acceptMatch,
  declineMatch,
  endMatch,
  loadMatch,
  listMatchesOfRequest,
  type NewMatch,
  type MatchCtx,
} from './service/matches.ts';
export { recordHours, confirmHours, giveFeedback, postMessage, sideOf, type MatchSide } from './service/followup.ts';
export {
  getMatchDetails,
  listMyMatches,
  summarise,
  type RequestSummary,
  type MatchDetails,
  type ContactDetails,
} from './service/details.ts';
export { reportUser, listReports, handleReport, blockUser, unblockUser, listBlocked, blockedUserIds, isBlocked } from './service/safety.ts';
export {
  createVacancy,
  listOpenVacancies,
  getVacancy,
  respondToVacancy,
  listVacancyResponses,
  closeVacancy,
  type VacancyInput,
} from './service/vacancies.ts';
export type { RequestRow, OfferRow, MatchRow, LatentRow, VacancyRow, ReportRow } from './helpmatch.store.ts';
