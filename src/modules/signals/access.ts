/**
 * Who may see which signal. Coordinators see every signal of the tenant; a professional sees the
 * signals routed to one of their organisations or in which one of them has an action. Reporter
 * details: only coordinators and the organisation the signal is routed to.
 */
import type { FastifyRequest } from 'fastify';
import type { DbOrTrx } from '../../platform/db/database.ts';
import { NotFound } from '../../platform/errors.ts';
import type { SignalRow } from './signals.store.ts';

export interface Viewer {
  userId: string;
  /** Coordinator of the tenant: sees all. */
  all: boolean;
  organisations: readonly string[];
}

/** The viewer of a handling page, from the request's memberships in its tenant. */
export function viewerOf(req: FastifyRequest): Viewer {
  const tenantId = req.tenant!.id;
  const mine = (req.user?.memberships ?? []).filter((m) => m.tenantId === tenantId);
  return {
    userId: req.user!.id,
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
