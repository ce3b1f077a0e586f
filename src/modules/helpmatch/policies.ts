/**
 * Who may do what in the help marketplace and the care circles (ADR 0007): one table, RULES, and
 * `can(principal, action, resource)` on the platform's `decide`. Every service that reveals or
 * changes data calls `authorize(can(...))` (or throws its own Forbidden message) first.
 *
 * - `own`: the principal takes part: the asking side of a request, a party of a match, a member of
 *   a care circle (the owner, for `circle.manage`); the service names those people in `userIds`.
 * - `organisation`: a vacancy of one of the principal's organisations.
 * - Coordinators see and handle everything of the marketplace in their municipality. Administrators
 *   have no rights on the marketplace by being admin (docs/authorization.md): like anyone with a
 *   role they ask, offer and take part (`own`, and a request's summary), nothing more. A care circle
 *   has no staff path: everyone, coordinators included, reaches only their own circles.
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type Action =
  | 'request.create'
  | 'request.createOnBehalf'
  | 'request.view'
  | 'request.viewPrivate'
  | 'request.withdraw'
  | 'request.list'
  | 'request.respond'
  | 'offer.save'
  | 'offer.viewOwn'
  | 'offer.list'
  | 'offer.recordVog'
  | 'latent.signUp'
  | 'latent.leave'
  | 'match.view'
  | 'match.propose'
  | 'match.accept'
  | 'match.choose'
  | 'match.chooseOnBehalf'
  | 'match.cancel'
  | 'match.reportNoShow'
  | 'match.followUp'
  | 'report.list'
  | 'report.handle'
  | 'user.block'
  | 'vacancy.view'
  | 'vacancy.create'
  | 'vacancy.respond'
  | 'vacancy.viewResponses'
  | 'vacancy.close'
  | 'suggestion.forVolunteer'
  | 'suggestion.forRequest'
  | 'batch.run'
  | 'dashboard.view'
  | 'circle.create'
  | 'circle.view'
  | 'circle.manage'
  | 'circle.invitation.accept'
  | 'ledger.view';

const MEMBER_OWN = { resident: 'own', volunteer: 'own', professional: 'own', coordinator: 'own', admin: 'own' } as const;
const MEMBER_ALL = { resident: 'all', volunteer: 'all', professional: 'all', coordinator: 'all', admin: 'all' } as const;
const STAFF = { coordinator: 'all' } as const;
const OWN_OR_STAFF = { ...MEMBER_OWN, ...STAFF } as const;

export const RULES: PolicyRules<Action> = {
  /** Ask for help for oneself. */
  'request.create': MEMBER_OWN,
  /** Ask for help on behalf of a resident without an account. */
  'request.createOnBehalf': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  /** A request's summary (no address, no names). */
  'request.view': MEMBER_ALL,
  /** A request's address, remarks and the person it is for, and its matches. */
  'request.viewPrivate': OWN_OR_STAFF,
  'request.withdraw': OWN_OR_STAFF,
  /** The coordinator's list of requests. */
  'request.list': STAFF,
  /** "Ik wil helpen": respond to an open request (not one's own: the service says so). */
  'request.respond': { signedIn: 'all' },
  'offer.save': MEMBER_OWN,
  /** One's own offer (also on "voor u", open to anyone signed in). */
  'offer.viewOwn': { signedIn: 'own' },
  /** The coordinator's list of offers (with names). */
  'offer.list': STAFF,
  'offer.recordVog': STAFF,
  'latent.signUp': MEMBER_OWN,
  'latent.leave': MEMBER_OWN,
  /** A match's page: its two parties, and coordinators (who see contact details, audited). */
  'match.view': OWN_OR_STAFF,
  /** Propose a volunteer for a request (also a suggestion, the batch). */
  'match.propose': STAFF,
  /** Accept or decline: only the volunteer of the match, whatever their role. */
  'match.accept': MEMBER_OWN,
  /** Accept or decline the volunteer who said yes: only the asking side of the request (the requester, or who asked on their behalf). */
  'match.choose': MEMBER_OWN,
  /**
   * Choose for someone without an account: on a request made on someone's behalf (`on_behalf`), a
   * coordinator may accept or decline after talking with the person, also when someone else entered it.
   * A resident's own request stays theirs to decide.
   */
  'match.chooseOnBehalf': STAFF,
  /** Cancel: either party, or a coordinator. */
  'match.cancel': OWN_OR_STAFF,
  /** "Niet gekomen": the asking side, or a coordinator. */
  'match.reportNoShow': OWN_OR_STAFF,
  /** Hours, their confirmation, feedback, messages and reports: only the two parties. */
  'match.followUp': MEMBER_OWN,
  'report.list': STAFF,
  'report.handle': STAFF,
  /** Block and unblock a user in the marketplace, and see who is blocked. */
  'user.block': STAFF,
  'vacancy.view': { anyone: 'all' },
  'vacancy.create': { resident: 'organisation', volunteer: 'organisation', professional: 'organisation', coordinator: 'all' },
  'vacancy.respond': MEMBER_ALL,
  'vacancy.viewResponses': {
    resident: 'organisation',
    volunteer: 'organisation',
    professional: 'organisation',
    coordinator: 'all',
  },
  'vacancy.close': { resident: 'organisation', volunteer: 'organisation', professional: 'organisation', coordinator: 'all' },
  /** "Voor u": requests that fit one's own offer. */
  'suggestion.forVolunteer': { signedIn: 'own' },
  'suggestion.forRequest': STAFF,
  'batch.run': STAFF,
  'dashboard.view': STAFF,
  'circle.create': MEMBER_OWN,
  /** See a circle and take part: tasks, turns, members, leaving. Members only; there is no staff path. */
  'circle.view': { signedIn: 'own' },
  /** Stop tasks, invite, revoke, remove members, close the circle: its owner only. */
  'circle.manage': { signedIn: 'own' },
  /** Accept an invitation: the invited account (the service checks the address). */
  'circle.invitation.accept': { signedIn: 'own' },
  /** One's own reciprocity ledger and answer. */
  'ledger.view': { signedIn: 'own' },
};

/** May the principal do this (to this resource)? */
export function can(principal: Principal, action: Action, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
