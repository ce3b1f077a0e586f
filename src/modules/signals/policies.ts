/**
 * Who may do what with signals (ADR 0007): one table of rules, one `can()`. Services call
 * `authorize(can(principal, action, facts))` before they reveal or change data. The same table is
 * in docs (authz-signals): change both together.
 *
 * Reach for signals: `organisation` means the signal is routed to one of the principal's
 * organisations (for `signal.view` and `signal.action.update` also: one of them has an action on
 * it); `own` means the principal reported it, follows it, saved the filter, or organises / takes
 * part in the wijkschouw. The coordinator sees and handles everything; the admin keeps the
 * settings, categories and API keys and has no rights on the signals themselves.
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';
import type { SignalRow } from './signals.store.ts';

export type SignalAction =
  // Residents and the public
  | 'signal.report'
  | 'signal.reportOnBehalf'
  | 'signal.follow'
  | 'signal.track'
  | 'signal.feedback'
  | 'signal.photo.viaLink'
  | 'signal.mine'
  | 'signal.section.view'
  // Handling (professionals and coordinators)
  | 'signal.list'
  | 'signal.export'
  | 'signal.filter.save'
  | 'signal.view'
  | 'signal.viewPersonal'
  | 'signal.handle'
  | 'signal.assign'
  | 'signal.action.add'
  | 'signal.action.update'
  | 'signal.reopen.decide'
  | 'signal.merge'
  | 'signal.split'
  // Wijkschouw (neighbourhood walks)
  | 'signal.wijkschouw.create'
  | 'signal.wijkschouw.view'
  | 'signal.wijkschouw.record'
  | 'signal.wijkschouw.close'
  // Settings
  | 'signal.config'
  | 'signal.settings'
  | 'signal.apiKeys';

export const RULES: PolicyRules<SignalAction> = {
  'signal.report': { anyone: 'all' },
  'signal.reportOnBehalf': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  'signal.follow': { anyone: 'all' },
  'signal.track': { anyone: 'all' },
  'signal.feedback': { anyone: 'all' },
  'signal.photo.viaLink': { anyone: 'all' },
  'signal.mine': { signedIn: 'own' },
  'signal.section.view': { anyone: 'all' },

  'signal.list': { professional: 'organisation', coordinator: 'all' },
  'signal.export': { professional: 'organisation', coordinator: 'all' },
  'signal.filter.save': { professional: 'own', coordinator: 'own' },
  'signal.view': { professional: 'organisation', coordinator: 'all' },
  'signal.viewPersonal': { professional: 'organisation', coordinator: 'all' },
  'signal.handle': { professional: 'organisation', coordinator: 'all' },
  'signal.assign': { coordinator: 'all' },
  'signal.action.add': { professional: 'organisation', coordinator: 'all' },
  'signal.action.update': { professional: 'organisation', coordinator: 'all' },
  'signal.reopen.decide': { coordinator: 'all' },
  'signal.merge': { coordinator: 'all' },
  'signal.split': { professional: 'organisation', coordinator: 'all' },

  'signal.wijkschouw.create': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  'signal.wijkschouw.view': { volunteer: 'own', professional: 'own', coordinator: 'all' },
  'signal.wijkschouw.record': { volunteer: 'own', professional: 'own', coordinator: 'all' },
  'signal.wijkschouw.close': { volunteer: 'own', professional: 'own', coordinator: 'all' },

  'signal.config': { coordinator: 'all', admin: 'all' },
  'signal.settings': { coordinator: 'all', admin: 'all' },
  'signal.apiKeys': { admin: 'all' },
};

/** What can() needs to know about a signal (or a session, a filter…) beyond the shared facts. */
export interface SignalFacts extends ResourceFacts {
  /** The organisation the signal is routed to: the `organisation` reach of handling, personal details and new actions. */
  routedTo?: string | null;
  /** A sensitive category: never followed by others, never shown in public. */
  sensitive?: boolean;
  /** Reached through a tracking link: the reporter's own link, a follower's link, or none. */
  link?: 'reporter' | 'follower' | null;
}

/** Actions whose `organisation` reach is the routed organisation only (not organisations with an action). */
const ROUTED_ONLY: ReadonlySet<SignalAction> = new Set(['signal.viewPersonal', 'signal.handle', 'signal.action.add', 'signal.split']);

/** May the principal do this (to this resource)? `decide` with the signals' own conditions. */
export function can(principal: Principal, action: SignalAction, resource?: SignalFacts): boolean {
  if (resource) {
    // A tracking link is the key: without one nothing is revealed; photos and the satisfaction answer only for the reporter's own.
    if (action === 'signal.track' && !resource.link) return false;
    if ((action === 'signal.photo.viaLink' || action === 'signal.feedback') && resource.link !== 'reporter') return false;
    // Sensitive signals cannot be followed by others and do not reveal that they exist.
    if (action === 'signal.follow' && resource.sensitive) return false;
    if (ROUTED_ONLY.has(action)) resource = { ...resource, organisationIds: [resource.routedTo ?? null] };
  }
  return decide(RULES, principal, action, resource);
}

/**
 * The facts of a signal for staff actions: its municipality, the routed organisation and those with
 * an action on it. No people: having reported a signal gives no right to handle it (`signal.mine`
 * passes the reporter and followers itself).
 */
export function signalFacts(
  signal: Pick<SignalRow, 'tenant_id' | 'organisation_id'>,
  opts: { actionOrganisations?: readonly string[]; sensitive?: boolean; link?: 'reporter' | 'follower' | null } = {},
): SignalFacts {
  return {
    tenantId: signal.tenant_id,
    routedTo: signal.organisation_id,
    organisationIds: [signal.organisation_id, ...(opts.actionOrganisations ?? [])],
    ...(opts.sensitive !== undefined ? { sensitive: opts.sensitive } : {}),
    ...(opts.link !== undefined ? { link: opts.link } : {}),
  };
}
