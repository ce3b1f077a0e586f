/**
 * Who may see which signal. Coordinators see every signal of the tenant; a professional sees the
 * signals routed to one of their organisations or in which one of them has an action. Reporter
 * details: only coordinators and the organisation the signal is routed to.
 */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { NotFound, Unauthorized } from '../../platform/errors.ts';
import type { RequestTenant, RequestUser } from '../../platform/http/types.ts';
import type { Principal } from '../../platform/principal.ts';
import { can, signalFacts } from './policies.ts';
import type { SignalRow } from './signals.store.ts';

export interface Viewer {
  userId: string;
  /** Coordinator of the tenant: sees all. */
  all: boolean;
  organisations: readonly string[];
}

/** The viewer of a handling page, from the request's memberships in its tenant (staff pages only: signed in, under a tenant). */
export function viewerOf(req: { tenant: RequestTenant | null; user: RequestUser | null }): Viewer {
  if (!req.tenant) throw NotFound();
  if (!req.user) throw Unauthorized();
  const tenantId = req.tenant.id;
  const mine = req.user.memberships.filter((m) => m.tenantId === tenantId);
  return {
    userId: req.user.id,
    all: mine.some((m) => m.role === 'coordinator'),
    organisations: [...new Set(mine.filter((m) => m.role === 'professional' && m.organisationId).map((m) => m.organisationId!))],
  };
}

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

/** What the viewer may do with a signal; NotFound (not Forbidden: do not reveal it exists) when they may not see it. */
export async function accessTo(
  db: DbOrTrx,
  viewer: Viewer,
  signal: SignalRow,
): Promise<{ personalDetails: boolean; canHandle: boolean; canReassign: boolean }> {
  if (viewer.all) return { personalDetails: true, canHandle: true, canReassign: true };
  const routed = !!signal.organisation_id && viewer.organisations.includes(signal.organisation_id);
  if (routed) return { personalDetails: true, canHandle: true, canReassign: false };
  const actions = await actionOrganisations(db, signal.tenant_id, signal.id);
  if (actions.some((o) => viewer.organisations.includes(o))) return { personalDetails: false, canHandle: false, canReassign: false };
  throw NotFound('signals.error.notFound');
}

/** What a signal's page shows and offers to the principal (policies.ts); NotFound (not Forbidden: do not reveal it exists) when they may not see it. */
export async function signalAccess(
  db: DbOrTrx,
  principal: Principal,
  signal: SignalRow,
): Promise<{ personalDetails: boolean; canHandle: boolean; canReassign: boolean }> {
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
