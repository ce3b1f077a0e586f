import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Forbidden } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { getOrganisation } from '../../people/people.service.ts';
import { openSignal, reassignSignal, transitionSignal } from '../signals.service.ts';
import { SIGNAL_STATES } from '../workflow.ts';
import { renderSignalPage } from './signal-page.tsx';
import { UUID_RE } from '../../../platform/ids.ts';
import { MAX_NOTE, MAX_REASSIGN_NOTE, optionalText, publicIdParam } from '../signals.schemas.ts';

const STAFF = { roles: ['professional', 'coordinator'], personalData: true } as const;

/** The handling page's `?naar=<state>`: the state change to prepare (anything else: none). */
const handleQuery = z.object({ naar: z.enum(SIGNAL_STATES).optional().catch(undefined) });
const transitionForm = z.object({
  to: z.enum(SIGNAL_STATES, 'form.invalidValue'),
  internalNote: optionalText(MAX_NOTE),
  publicMessage: optionalText(MAX_NOTE),
});
const reassignForm = z.object({ organisationId: z.string().regex(UUID_RE, 'form.invalidValue'), note: optionalText(MAX_REASSIGN_NOTE) });

/** Professional and coordinator pages: the list with filters, a signal with its history, state changes and reassigning. */
export async function handleRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const links = (tenant: RequestTenant) => ({ baseUrl: app.config.baseUrl, tenantSlug: tenant.slug });

  const load = (req: FastifyRequest & { tenant: RequestTenant }, publicId: string) =>
    openSignal(req.db, req.principal, req.tenant.id, publicId);

  route.get('/:tenant/meldingen/behandelen/:publicId', { policy: STAFF, params: publicIdParam, query: handleQuery }, (req, reply) =>
    renderSignalPage(req, reply, req.params.publicId, app.clock.now(), { naar: req.query.naar }),
  );

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/status',
    { policy: STAFF, params: publicIdParam, form: transitionForm },
    async (req, reply) => {
      const { signal, access } = await load(req, req.params.publicId);
      if (!access.canHandle) throw Forbidden();
      await transitionSignal(req.db, {
        tenantId: req.tenant.id,
        signalId: signal.id,
        to: req.body.to,
        internalNote: req.body.internalNote,
        publicMessage: req.body.publicMessage,
        actorUserId: req.user!.id,
        ip: auditFrom(req).ip,
        locale: req.locale,
        links: links(req.tenant),
        now: app.clock.now(),
        principal: req.principal,
      });
      return reply.redirect(`/${req.tenant.slug}/meldingen/behandelen/${signal.public_id}`, 303);
    },
  );

  route.post(
    '/:tenant/meldingen/behandelen/:publicId/toewijzen',
    { policy: { roles: ['coordinator'], personalData: true }, params: publicIdParam, form: reassignForm },
    async (req, reply) => {
      const { signal, access } = await load(req, req.params.publicId);
      if (!access.canReassign) throw Forbidden();
      const org = await getOrganisation(req.db, req.tenant.id, req.body.organisationId);
      await reassignSignal(req.db, {
        tenantId: req.tenant.id,
        signalId: signal.id,
        organisationId: org.id,
        organisationName: org.name,
        note: req.body.note,
        actorUserId: req.user!.id,
        ip: auditFrom(req).ip,
        now: app.clock.now(),
        principal: req.principal,
      });
      return reply.redirect(`/${req.tenant.slug}/meldingen/behandelen/${signal.public_id}`, 303);
    },
  );
}
