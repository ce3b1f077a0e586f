/** The actions part of the signal page (built for the handling page, and again when an action form is refused). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { listMembers, listOrganisations } from '../../people/people.service.ts';
import { can, signalFacts } from '../policies.ts';
import type { SignalRow } from '../signals.store.ts';
import { isClosed } from '../workflow.ts';
import { actionItem } from './actions.presenter.ts';
import { isOverdue, listSignalActions, mayAddAction, mayUpdateAction } from './actions.service.ts';
import type { ActionsPanel } from './views/actions.tsx';

/** The actions part of the signal page for this principal: actions, what they may do, owners to choose from, a reopen request. */
export async function loadActionsPanel(
  db: DbOrTrx,
  tenantId: string,
  principal: Principal,
  signal: SignalRow,
  now: Date,
): Promise<ActionsPanel> {
  const [actions, organisations, members] = await Promise.all([
    listSignalActions(db, principal, signal),
    listOrganisations(db, tenantId),
    listMembers(db, tenantId),
  ]);
  const seen = new Set<string>();
  const owners: ActionsPanel['members'][number][] = [];
  for (const m of members) {
    if (!m.organisationId || m.role === 'resident' || seen.has(`${m.userId}/${m.organisationId}`)) continue;
    seen.add(`${m.userId}/${m.organisationId}`);
    owners.push({ userId: m.userId, name: m.name, organisationId: m.organisationId, organisationName: m.organisationName ?? '' });
  }
  owners.sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'nl') || a.name.localeCompare(b.name, 'nl'));
  return {
    actions: actions.map(actionItem),
    updatable: actions.filter((a) => mayUpdateAction(principal, signal, a)).map((a) => a.id),
    canAdd: mayAddAction(principal, signal) && !isClosed(signal.state),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    members: owners,
    openCount: actions.filter((a) => a.status === 'open').length,
    overdue: actions.filter((a) => isOverdue(a, now)).map((a) => a.id),
    today: localDate(now),
    reopenRequest:
      signal.reopen_requested_at && isClosed(signal.state)
        ? { at: signal.reopen_requested_at, reason: signal.reopen_request_reason }
        : null,
    canDecideReopen: can(principal, 'signal.reopen.decide', signalFacts(signal)),
    failed: null,
  };
}
