import './actions.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import { routes, type FormFailure } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { addAction, updateSignalAction, type ActionChange } from './actions.service.ts';
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
import { FeedbackSettingsPage } from './views/actions-settings.tsx';
import { renderSignalPage } from '../handling/signal-page.tsx';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const SETTINGS = { roles: ['coordinator', 'admin'] } as const;
/** `?opgeslagen=1` after a save; anything else is ignored. */
const savedQuery = z.object({ opgeslagen: z.string().optional().catch(undefined) });

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
   * Bad input on an action form: the signal page again (404 when the viewer may not see the signal, as
   * for good input), with that form open, its messages beside the fields and what was typed kept (422).
   */
  const refuseAs =
    (form: (req: { params: Record<string, string> }) => string) =>
    (
      req: FastifyRequest & { tenant: RequestTenant; params: { publicId: string } },
      reply: FastifyReply,
      errors: Record<string, string>,
      values: Record<string, string | string[]>,
      status: number,
    ) =>
      renderSignalPage(req, reply, req.params.publicId, app.clock.now(), {
        failed: {
          form: form(req),
          errors,
          values: Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string')),
        },
        status,
      });
  /** The reopen decision sits outside the actions section: its error page says what was wrong. */
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
    { policy: STAFF, params: publicIdParam, form: addActionForm, invalid: refuseAs(() => 'nieuw') },
    async (req, reply) => {
      const { signal } = await load(req, req.params.publicId);
      await addAction(req.db, { ...common(req), signalId: signal.id, ...req.body });
      return reply.redirect(page(req.tenant, signal), 303);
    },
  );

  const actionPath = '/:tenant/meldingen/behandelen/:publicId/acties/:actionId' as const;
  const actionSpec = { policy: STAFF, params: { ...publicIdParam, ...actionIdParam } };
  const actionForm = (kind: string) => refuseAs((req) => `${req.params.actionId ?? ''}/${kind}`);
  const update = async (
    req: FastifyRequest & { tenant: RequestTenant; params: { publicId: string; actionId: string } },
    reply: FastifyReply,
    change: ActionChange,
  ) => {
    const { signal } = await load(req, req.params.publicId);
    await updateSignalAction(req.db, { ...common(req), signalId: signal.id, actionId: req.params.actionId, change });
    return reply.redirect(page(req.tenant, signal), 303);
  };
  route.post(`${actionPath}/klaar`, { ...actionSpec, form: doneActionForm, invalid: actionForm('klaar') }, (req, reply) =>
    update(req, reply, { kind: 'done', result: req.body.result }),
  );
  route.post(`${actionPath}/vervallen`, { ...actionSpec, form: dropActionForm, invalid: actionForm('vervallen') }, (req, reply) =>
    update(req, reply, { kind: 'drop', reason: req.body.reason }),
  );
  route.post(`${actionPath}/wijzigen`, { ...actionSpec, form: editActionForm, invalid: actionForm('wijzigen') }, (req, reply) =>
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
