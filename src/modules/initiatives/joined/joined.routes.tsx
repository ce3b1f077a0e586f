import './joined.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { callSources, callsPage, createCall } from './joined.service.ts';
import { callForm, callsQuery } from './joined.schemas.ts';
import { CallsPageView, type CallsPageProps } from './views/calls.tsx';

const STAFF = { roles: ['professional', 'coordinator'] } as const;
type TenantRequest = FastifyRequest & { tenant: RequestTenant };

/** Calls for initiatives (staff): `/{tenant}/beheer/initiatieven/oproepen`. */
export async function joinedRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const path = (req: TenantRequest) => `/${req.tenant.slug}/beheer/initiatieven/oproepen`;

  const render = async (
    req: TenantRequest,
    reply: FastifyReply,
    wijkCode: string | undefined,
    extra: Omit<CallsPageProps, 'ctx' | 'slug' | 'model' | 'wijk'> = {},
    status = 200,
  ) => {
    const model = await callsPage(req.db, req.principal, req.tenant.id, req.locale);
    const chosen = wijkCode ? model.wijken.find((w) => w.code === wijkCode) : undefined;
    const wijk = chosen ? { ...chosen, sources: await callSources(req.db, req.principal, req.tenant.id, chosen.code) } : null;
    return reply.page(<CallsPageView ctx={req.viewContext()} slug={req.tenant.slug} model={model} wijk={wijk} {...extra} />, {
      title: req.t('initiatives.joined.calls.title'),
      status,
    });
  };

  route.get('/:tenant/beheer/initiatieven/oproepen', { policy: STAFF, query: callsQuery }, async (req, reply) => {
    const q = req.query;
    const values = { origin: q.origin ?? '', originRef: q.ref ?? '', area: q.area ?? '', title: q.title ?? '' };
    return render(req, reply, q.wijk, { values, notice: q.klaar ? 'initiatives.joined.calls.created' : null });
  });

  route.post(
    '/:tenant/beheer/initiatieven/oproepen',
    {
      policy: STAFF,
      form: callForm,
      invalid: (req, reply, errors, values, status) => render(req, reply, undefined, { errors: errors as FieldErrors, values }, status),
    },
    async (req, reply) => {
      const b = req.body;
      await createCall(req.db, req.principal, {
        tenantId: req.tenant.id,
        fundId: b.fund,
        origin: b.origin,
        originRef: b.originRef,
        areaCode: b.area,
        title: b.title,
        text: b.text,
      });
      return reply.redirect(`${path(req)}?klaar=oproep`, 303);
    },
  );
}
