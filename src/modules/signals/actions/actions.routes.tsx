import './actions.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { routes, type FormFailure } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import type { Principal } from '../../../platform/principal.ts';
import { can, signalFacts } from '../policies.ts';
import { listMembers, listOrganisations } from '../../people/people.service.ts';
import {
  addAction,
  isOverdue,
  listSignalActions,
  mayAddAction,
  mayUpdateAction,
  updateSignalAction,
  type ActionChange,
} from './actions.service.ts';
import { decideReopen, getDissatisfiedPolicy, setDissatisfiedPolicy } from './actions.reopen.ts';
import {
  actionIdParam,
  addActionForm,
  doneActionForm,
  dropActionForm,
  editActionForm,
  feedbackSettingsForm,
  reopenForm,
} from './actions.schemas.ts';
import { publicIdParam } from '../signals.schemas.ts';
import { openSignal } from '../signals.service.ts';
import type { SignalRow } from '../signals.store.ts';
import { isClosed } from '../workflow.ts';
import type { ActionsPanel } from './views/actions.tsx';
import { actionItem } from './actions.presenter.ts';
import { FeedbackSettingsPage } from './views/actions-settings.tsx';
import { localDate } from '../../../platform/time.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const SETTINGS = { roles: ['coordinator', 'admin'] } as const;
/** `?opgeslagen=1` after a save; anything else is ignored. */
const savedQuery = z.object({ opgeslagen: z.string().optional().catch(undefined) });

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
  };
}

/** Network actions on a signal (add, finish, drop, change), the coordinator's decision on a reopen request and the "niet tevreden" setting. */
export async function actionRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const common = (req: FastifyRequest & { tenant: RequestTenant }) => ({
    tenantId: req.tenant.id,
    principal: req.principal,
    ip: auditFrom(req).ip,
    locale: req.locale,
    links: { baseUrl: app.config.baseUrl, tenantSlug: req.tenant.slug },
    now: app.clock.now(),
  });
  const page = (tenant: RequestTenant, signal: SignalRow, anchor = '#acties') =>
    `/${tenant.slug}/meldingen/behandelen/${signal.public_id}${anchor}`;
  /** The signal as the principal may see it: 404 when unknown or not visible (access.ts). */
  const load = (req: FastifyRequest & { tenant: RequestTenant }, publicId: string) =>
    openSignal(req.db, req.principal, req.tenant.id, publicId);
  /**
   * Bad input on an action form: 404 when the viewer may not see the signal (as for good input), else a
   * 422 whose page message is the first field's message (the forms sit on the signal page, so the error
   * page tells what was wrong and the browser's back button keeps the input).
   */
  const refuse = async (
    req: FastifyRequest & { tenant: RequestTenant; params: { publicId: string } },
    _reply: unknown,
    errors: Record<string, string>,
    _values: unknown,
    _status: unknown,
    failure: FormFailure,
  ) => {
    await load(req, req.params.publicId);
    const message = Object.values(errors)[0] ?? req.t('error.invalid');
    throw new AppError(422, 'invalid', 'error.text', failure.fields, { ...failure.vars, message });
  };

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/acties',
    { policy: STAFF, params: publicIdParam, form: addActionForm, invalid: refuse },
    async (req, reply) => {
      const { signal } = await load(req, req.params.publicId);
      await addAction(req.db, { ...common(req), signalId: signal.id, ...req.body });
      return reply.redirect(page(req.tenant, signal), 303);
    },
  );

  const actionPath = '/:tenant/meldingen/behandelen/:publicId/acties/:actionId' as const;
  const actionSpec = { policy: STAFF, params: { ...publicIdParam, ...actionIdParam }, invalid: refuse };
  const update = async (
    req: FastifyRequest & { tenant: RequestTenant; params: { publicId: string; actionId: string } },
    reply: FastifyReply,
    change: ActionChange,
  ) => {
    const { signal } = await load(req, req.params.publicId);
    await updateSignalAction(req.db, { ...common(req), signalId: signal.id, actionId: req.params.actionId, change });
    return reply.redirect(page(req.tenant, signal), 303);
  };
  route.post(`${actionPath}/klaar`, { ...actionSpec, form: doneActionForm }, (req, reply) =>
    update(req, reply, { kind: 'done', result: req.body.result }),
  );
  route.post(`${actionPath}/vervallen`, { ...actionSpec, form: dropActionForm }, (req, reply) =>
    update(req, reply, { kind: 'drop', reason: req.body.reason }),
  );
  route.post(`${actionPath}/wijzigen`, { ...actionSpec, form: editActionForm }, (req, reply) =>
    update(req, reply, { kind: 'edit', ownerUserId: req.body.ownerUserId || null, dueDate: req.body.dueDate || null }),
  );

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/heropenen',
    { policy: { roles: ['coordinator'], personalData: true }, params: publicIdParam, form: reopenForm, invalid: refuse },
    async (req, reply) => {
      const { signal } = await load(req, req.params.publicId);
      await decideReopen(req.db, {
        ...common(req),
        signalId: signal.id,
        reopen: req.body.decision === 'heropenen',
        message: req.body.message,
      });
      return reply.redirect(page(req.tenant, signal, ''), 303);
    },
  );

  const settingsPath = '/:tenant/beheer/meldingen/terugkoppeling';
  route.get(settingsPath, { policy: SETTINGS, query: savedQuery }, async (req, reply) => {
    const policy = await getDissatisfiedPolicy(req.db, req.tenant.id);
    return reply.page(
      <FeedbackSettingsPage ctx={req.viewContext()} slug={req.tenant.slug} policy={policy} saved={req.query.opgeslagen === '1'} />,
      {
        title: req.t('signals.feedbackSettings.title'),
        breadcrumbs: [{ href: `/${req.tenant.slug}/beheer/meldingen`, label: req.t('signals.nav.config') }],
      },
    );
  });
  route.post(
    settingsPath,
    {
      policy: SETTINGS,
      form: feedbackSettingsForm,
      invalid: async (req, reply, errors, _values, status) => {
        const policy = await getDissatisfiedPolicy(req.db, req.tenant.id);
        return reply.page(<FeedbackSettingsPage ctx={req.viewContext()} slug={req.tenant.slug} policy={policy} errors={errors} />, {
          title: req.t('signals.feedbackSettings.title'),
          status,
        });
      },
    },
    async (req, reply) => {
      await setDissatisfiedPolicy(req.db, {
        tenantId: req.tenant.id,
        policy: req.body.policy,
        principal: req.principal,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`/${req.tenant.slug}/beheer/meldingen/terugkoppeling?opgeslagen=1`, 303);
    },
  );
}
