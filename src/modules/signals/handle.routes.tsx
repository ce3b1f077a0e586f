import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { parseForm } from '../../platform/http/forms.ts';
import { recordAudit, auditFrom } from '../../platform/audit/audit.service.ts';
import { getOrganisation, listOrganisations } from '../people/people.service.ts';
import { accessTo, viewerOf } from './access.ts';
import { loadActionsPanel } from './actions.routes.tsx';
import { listCategories, standardText } from './categories.service.ts';
import { getSignal, reassignSignal, signalHistory, transitionSignal } from './signals.service.ts';
import { isSignalState, nextStates, SIGNAL_STATES } from './workflow.ts';
import { SignalPage } from './views/handle.tsx';
import { UUID_RE } from '../../platform/ids.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;
const opt = (max: number) => z.string().max(max, 'signals.error.tooLong').optional().default('');

/** Professional and coordinator pages: the list with filters, a signal with its history, state changes and reassigning. */
export async function handleRoutes(app: FastifyInstance): Promise<void> {
  const links = (req: FastifyRequest) => ({ baseUrl: app.config.baseUrl, tenantSlug: req.tenant!.slug });

  const load = async (req: FastifyRequest) => {
    const { publicId } = req.params as { publicId: string };
    if (!/^SIG-\d{4}-\d{6}$/.test(publicId)) throw NotFound('signals.error.notFound');
    const signal = await getSignal(app.db, req.tenant!.id, publicId);
    const viewer = viewerOf(req);
    const access = await accessTo(app.db, viewer, signal);
    return { signal, viewer, access };
  };

  app.get('/:tenant/meldingen/behandelen/:publicId', { config: { policy: STAFF } }, async (req, reply) => {
    const { signal, access, viewer } = await load(req);
    const tenantId = req.tenant!.id;
    const actionsPanel = await loadActionsPanel(app.db, tenantId, viewer, signal, app.clock.now());
    const { naar } = (req.query ?? {}) as { naar?: unknown };
    const target = isSignalState(naar) && nextStates(signal.state).includes(naar) ? naar : null;
    const [history, categories, organisations] = await Promise.all([
      signalHistory(app.db, tenantId, signal.id),
      listCategories(app.db, tenantId),
      listOrganisations(app.db, tenantId),
    ]);
    const category = categories.find((c) => c.id === signal.category_id)!;
    const prefill = target ? ((await standardText(app.db, tenantId, category.id, target)) ?? '') : '';
    if (access.personalDetails && (signal.reporter_name || signal.reporter_email || signal.reporter_phone)) {
      await recordAudit(app.db, {
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
        slug={req.tenant!.slug}
        signal={signal}
        category={category}
        history={history}
        access={access}
        target={target}
        prefill={prefill}
        organisations={organisations}
        actionsPanel={actionsPanel}
      />,
      {
        title: signal.public_id,
        breadcrumbs: [{ href: `/${req.tenant!.slug}/meldingen/behandelen`, label: req.t('signals.handle.title') }],
      },
    );
  });

  const transitionSchema = z.object({
    to: z.enum(SIGNAL_STATES, 'form.invalidValue'),
    internalNote: opt(5000),
    publicMessage: opt(5000),
  });
  app.post('/:tenant/meldingen/behandelen/:publicId/status', { config: { policy: STAFF } }, async (req, reply) => {
    const { signal, access } = await load(req);
    if (!access.canHandle) throw Forbidden();
    const parsed = parseForm(transitionSchema, req.body, req.t);
    if (!parsed.ok) throw Invalid(parsed.errors);
    await transitionSignal(app.db, {
      tenantId: req.tenant!.id,
      signalId: signal.id,
      to: parsed.data.to,
      internalNote: parsed.data.internalNote,
      publicMessage: parsed.data.publicMessage,
      actorUserId: req.user!.id,
      ip: auditFrom(req).ip,
      locale: req.locale,
      links: links(req),
      now: app.clock.now(),
    });
    return reply.redirect(`/${req.tenant!.slug}/meldingen/behandelen/${signal.public_id}`, 303);
  });

  app.post(
    '/:tenant/meldingen/behandelen/:publicId/toewijzen',
    { config: { policy: { roles: ['coordinator'], personalData: true } } },
    async (req, reply) => {
      const { signal, access } = await load(req);
      if (!access.canReassign) throw Forbidden();
      const parsed = parseForm(
        z.object({ organisationId: z.string().regex(UUID_RE, 'form.invalidValue'), note: opt(2000) }),
        req.body,
        req.t,
      );
      if (!parsed.ok) throw Invalid(parsed.errors);
      const org = await getOrganisation(app.db, req.tenant!.id, parsed.data.organisationId);
      await reassignSignal(app.db, {
        tenantId: req.tenant!.id,
        signalId: signal.id,
        organisationId: org.id,
        organisationName: org.name,
        note: parsed.data.note,
        actorUserId: req.user!.id,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
      });
      return reply.redirect(`/${req.tenant!.slug}/meldingen/behandelen/${signal.public_id}`, 303);
    },
  );
}
