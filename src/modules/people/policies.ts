import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

/**
 * Who may do what in the people module (ADR 0007). Coordinators see organisations and their
 * people and invite into them (a coordinator of one organisation only that one); administrators
 * also add organisations and give or take roles (accounts). Everyone manages their own account;
 * an invitation is accepted by whoever holds its token.
 *
 * The services call `authorize(can(principal, …))` first: admin/admin.service.ts (organisations,
 * roles), invitation/invitation.service.ts and the account functions in people.service.ts.
 */
export type Action =
  | 'organisation.list'
  | 'organisation.create'
  | 'organisation.view'
  | 'organisation.invite'
  | 'membership.list'
  | 'membership.add'
  | 'membership.remove'
  | 'account.view'
  | 'account.update'
  | 'account.export'
  | 'account.delete'
  | 'invitation.accept';

export const RULES: PolicyRules<Action> = {
  'organisation.list': { coordinator: 'all', admin: 'all' },
  'organisation.create': { admin: 'all' },
  'organisation.view': { coordinator: 'organisation', admin: 'all' },
  'organisation.invite': { coordinator: 'organisation', admin: 'all' },
  'membership.list': { admin: 'all' },
  'membership.add': { admin: 'all' },
  'membership.remove': { admin: 'all' },
  'account.view': { signedIn: 'own' },
  'account.update': { signedIn: 'own' },
  'account.export': { signedIn: 'own' },
  'account.delete': { signedIn: 'own' },
  'invitation.accept': { anyone: 'all' },
};

/** What the people module knows beyond the principal. */
export interface PeopleFacts {
  /** The organisations the person coordinates (null: the whole municipality); by default from the principal's memberships. */
  coordinatorOf?: readonly (string | null)[];
  /** A shared demo account cannot be deleted. */
  isDemo?: boolean;
}

/** May the principal do this? The shared decision, narrowed to coordinator memberships for organisations. */
export function can(principal: Principal, action: Action, resource?: ResourceFacts, facts: PeopleFacts = {}): boolean {
  if ((action === 'organisation.view' || action === 'organisation.invite') && !principal.system && !principal.roles.includes('admin')) {
    // A coordinator of the whole municipality manages every organisation; one of an organisation only that one.
    if (resource && resource.tenantId !== principal.tenantId) return false;
    if (!decide(RULES, principal, action)) return false;
    const of = facts.coordinatorOf ?? (principal.memberships ?? []).flatMap((m) => (m.role === 'coordinator' ? [m.organisationId] : []));
    return of.includes(null) || (resource?.organisationIds ?? []).some((o) => o !== null && of.includes(o));
  }
  if (!decide(RULES, principal, action, resource)) return false;
  if (action === 'account.delete' && facts.isDemo) return false;
  return true;
}
