/**
 * The signal page for professionals and coordinators, rendered for the page itself and again when a
 * form on it is refused (an action form keeps what was typed and shows the messages beside its fields).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { recordAudit, auditFrom } from '../../../platform/audit/audit.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { loadActionsPanel } from '../actions/actions.panel.ts';
import type { ActionsPanel } from '../actions/views/actions.tsx';
import { listCategories, standardText } from '../config/categories.service.ts';
import { categoryModel } from '../config/categories.presenter.ts';
import { openSignal, signalHistory } from '../signals.service.ts';
import { nextStates, type SignalState } from '../workflow.ts';
import { SignalPage } from './views/handle.tsx';
import { historyStep, signalDetail } from '../signals.presenter.ts';

export interface SignalPageOptions {
  /** The state change to prepare (`?naar=`). */
  naar?: SignalState | undefined;
  /** A refused action form: shown open, with its messages and values. */
  failed?: ActionsPanel['failed'];
  status?: number;
}

/** Render the signal page (404 when the principal may not see the signal); audits a view of the reporter's details. */
export async function renderSignalPage(
  req: FastifyRequest & { tenant: RequestTenant },
  reply: FastifyReply,
  publicId: string,
  now: Date,
  opts: SignalPageOptions = {},
) {
  const { signal, access } = await openSignal(req.db, req.principal, req.tenant.id, publicId);
  const tenantId = req.tenant.id;
  const actionsPanel = { ...(await loadActionsPanel(req.db, tenantId, req.principal, signal, now)), failed: opts.failed ?? null };
  const { naar } = opts;
  const target = naar && nextStates(signal.state).includes(naar) ? naar : null;
  const [history, categories, organisations] = await Promise.all([
    signalHistory(req.db, req.principal, tenantId, signal.id),
    listCategories(req.db, tenantId),
    listOrganisations(req.db, tenantId),
  ]);
  const category = categories.find((c) => c.id === signal.category_id)!;
  // The standard text in the reporter's language (issue 12): what they will read.
  const prefill = target ? ((await standardText(req.db, tenantId, category.id, target, signal.reporter_locale)) ?? '') : '';
  if (access.personalDetails && (signal.reporter_name || signal.reporter_email || signal.reporter_phone)) {
    await recordAudit(req.db, {
      ...auditFrom(req),
      action: 'view',
      entity: 'signal',
      entityId: signal.id,
      detail: { reporterDetails: true, sensitive: category.sensitive },
    });
  }
  return reply.page(
    <SignalPage
      ctx={req.viewContext()}
      slug={req.tenant.slug}
      signal={signalDetail(signal)}
      category={categoryModel(category)}
      history={history.map(historyStep)}
      access={access}
      target={target}
      prefill={prefill}
      organisations={organisations}
      actionsPanel={actionsPanel}
    />,
    {
      title: signal.public_id,
      status: opts.status ?? 200,
      breadcrumbs: [{ href: `/${req.tenant.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') }],
    },
  );
}
