/**
 * Who may see which signal, on the rules of policies.ts. Coordinators see every signal of the
 * tenant; a professional sees the signals routed to one of their organisations or in which one of
 * them has an action. Reporter details: only coordinators and the organisation the signal is routed to.
 */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import { authorize, organisationsReaching, reachOf, type Principal } from '../../platform/principal.ts';
import { can, RULES, signalFacts } from './policies.ts';
import type { SignalFilter, SignalRow } from './signals.store.ts';

/** Organisations with an action on the signal. */
export async function actionOrganisations(db: DbOrTrx, tenantId: string, signalId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('signals_actions')
    .select('organisation_id')
    .where('tenant_id', '=', tenantId)
    .where('signal_id', '=', signalId)
    .execute();
  return rows.map((r) => r.organisation_id);
}

/** What the principal may do with a signal they may see. */
export interface SignalAccess {
  personalDetails: boolean;
  canHandle: boolean;
  canReassign: boolean;
}

/** What a signal's page shows and offers to the principal (policies.ts); NotFound (not Forbidden: do not reveal it exists) when they may not see it. */
export async function signalAccess(db: DbOrTrx, principal: Principal, signal: SignalRow): Promise<SignalAccess> {
  let facts = signalFacts(signal);
  // Organisations with an action on the signal see it too: only looked up when the routed organisation is not enough.
  if (!can(principal, 'signal.view', facts)) {
    facts = signalFacts(signal, { actionOrganisations: await actionOrganisations(db, signal.tenant_id, signal.id) });
    if (!can(principal, 'signal.view', facts)) throw NotFound('signals.error.notFound');
  }
  return {
    personalDetails: can(principal, 'signal.viewPersonal', facts),
    canHandle: can(principal, 'signal.handle', facts),
    canReassign: can(principal, 'signal.assign', facts),
  };
}

/**
 * The organisations whose signals the principal may list or export (`signal.list`, `signal.export`):
 * `all` for the coordinator (and the system), else the organisations of the memberships with that reach.
 */
export function organisationsInSight(principal: Principal, action: 'signal.list' | 'signal.export'): 'all' | readonly string[] {
  if (principal.system || reachOf(RULES, principal, action) === 'all') return 'all';
  return organisationsReaching(RULES, principal, action);
}

/**
 * The filter narrowed to what the principal may list or export in the tenant (`signal.list`,
 * `signal.export`): Forbidden without that right; a coordinator sees the whole municipality, a
 * professional the signals routed to (or with an action of) their organisations.
 */
export function visibleFilter(
  principal: Principal,
  action: 'signal.list' | 'signal.export',
  tenantId: string,
  filter: SignalFilter,
): SignalFilter {
  // A list has no single resource: the right itself, within the principal's own municipality.
  authorize(can(principal, action) && (principal.tenantId === null || principal.tenantId === tenantId));
  const mine = organisationsInSight(principal, action);
  if (mine === 'all') return filter;
  const visible = filter.visibleToOrganisations ? filter.visibleToOrganisations.filter((o) => mine.includes(o)) : mine;
  return { ...filter, visibleToOrganisations: visible };
}
