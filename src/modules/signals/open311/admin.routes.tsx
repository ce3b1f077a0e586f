/** Administration of Open311 API keys under `/{tenant}/beheer/open311` (tenant administrators, with second factor). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { NotFound } from '../../../platform/errors.ts';
import { parseForm } from '../../../platform/http/forms.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { issueApiKey, listApiKeys, revokeApiKey, setRateLimit } from './apikeys.service.ts';
import { DEFAULT_KEY_LIMIT, MAX_KEY_LIMIT } from './ratelimit.ts';
import { KeyCreatedPage, KeysPage, type KeyFormValues } from './admin.views.tsx';
import { isUuid } from '../../../platform/ids.ts';
import { requireTenant } from '../../../platform/http/tenant.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

const POLICY = { roles: ['admin'] as const, personalData: true };

/** Writes a minute of a key: a whole number 1…10000 (ratelimit.ts). */
const limitField = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'open311.admin.error.limit')
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_KEY_LIMIT, 'open311.admin.error.limit');

const keyForm = z.object({
  client: z.string().trim().min(1, 'open311.admin.error.client').max(200, 'open311.admin.error.client'),
  rights: z.enum(['report', 'handle', 'both'], { message: 'open311.admin.error.rights' }),
  organisation: z.string().trim().optional().default(''),
  limit: z.string().optional().default(String(DEFAULT_KEY_LIMIT)).pipe(limitField),
});

const limitForm = z.object({ limit: limitField });
const keyParams = z.object({ tenant: z.string(), id: z.string().max(100) });

function crumbs(req: FastifyRequest) {
  const tenant = req.tenant!;
  return [{ href: `/${tenant.slug}/`, label: tenant.name }];
}

/** The keys page, its create form and revoke buttons. */
export async function open311AdminRoutes(app: FastifyInstance): Promise<void> {
  const render = async (
    req: FastifyRequest,
    extra: { errors?: Record<string, string>; values?: KeyFormValues; revoked?: boolean; limitSaved?: boolean; status?: number } = {},
  ) => {
    const tenant = req.tenant!;
    const [keys, organisations] = await Promise.all([listApiKeys(app.db, tenant.id), listOrganisations(app.db, tenant.id)]);
    return { keys, organisations: organisations.map((o) => ({ id: o.id, name: o.name })), ...extra };
  };

  app.get('/:tenant/beheer/open311', { config: { policy: POLICY } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const data = await render(req, { revoked: query.ingetrokken === '1', limitSaved: query.limiet === '1' });
    return reply.page(<KeysPage ctx={req.viewContext()} slug={req.tenant!.slug} {...data} />, {
      title: req.t('open311.admin.title'),
      breadcrumbs: crumbs(req),
    });
  });

  app.post('/:tenant/beheer/open311', { config: { policy: POLICY } }, async (req, reply) => {
    const tenant = req.tenant!;
    const parsed = parseForm(keyForm, req.body, req.t);
    const organisations = await listOrganisations(app.db, tenant.id);
    const raw = (req.body ?? {}) as Record<string, string>;
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const orgId = parsed.ok ? parsed.data.organisation : '';
    if (orgId && (!isUuid(orgId) || !organisations.some((o) => o.id === orgId))) {
      errors.organisation = req.t('open311.admin.error.organisation');
    }
    if (!parsed.ok || Object.keys(errors).length > 0) {
      const values = {
        client: String(raw.client ?? ''),
        rights: String(raw.rights ?? 'report'),
        organisation: String(raw.organisation ?? ''),
        limit: String(raw.limit ?? DEFAULT_KEY_LIMIT),
      };
      const data = await render(req, { errors, values });
      return reply.page(<KeysPage ctx={req.viewContext()} slug={tenant.slug} {...data} />, {
        title: req.t('open311.admin.title'),
        status: 422,
        breadcrumbs: crumbs(req),
      });
    }
    const { client, rights, limit } = parsed.data;
    const { key } = await issueApiKey(
      app.db,
      {
        tenantId: tenant.id,
        clientName: client,
        canReport: rights !== 'handle',
        canHandle: rights !== 'report',
        organisationId: orgId || null,
        rateLimit: limit,
        now: app.clock.now(),
      },
      auditFrom(req),
    );
    // Shown once: never cached, never stored in plain text.
    reply.header('cache-control', 'no-store');
    return reply.page(<KeyCreatedPage ctx={req.viewContext()} slug={tenant.slug} client={client} apiKey={key} />, {
      title: req.t('open311.admin.created.title'),
      status: 201,
      breadcrumbs: [...crumbs(req), { href: `/${tenant.slug}/beheer/open311`, label: req.t('open311.admin.title') }],
    });
  });

  // The administrator changes a client's limit (writes a minute); it counts from the next request.
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.post('/:tenant/beheer/open311/:id/limiet', { schema: { params: keyParams }, config: { policy: POLICY } }, async (req, reply) => {
    const tenant = requireTenant(req);
    const { id } = req.params;
    if (!isUuid(id)) throw NotFound('open311.admin.error.notFound');
    const parsed = parseForm(limitForm, req.body, req.t);
    if (!parsed.ok) {
      const data = await render(req, { errors: { [`limit-${id}`]: parsed.errors.limit ?? req.t('open311.admin.error.limit') } });
      return reply.page(<KeysPage ctx={req.viewContext()} slug={tenant.slug} {...data} />, {
        title: req.t('open311.admin.title'),
        status: 422,
        breadcrumbs: crumbs(req),
      });
    }
    if (!(await setRateLimit(app.db, tenant.id, id, parsed.data.limit, auditFrom(req)))) throw NotFound('open311.admin.error.notFound');
    return reply.redirect(`/${tenant.slug}/beheer/open311?limiet=1`, 303);
  });

  app.post('/:tenant/beheer/open311/:id/intrekken', { config: { policy: POLICY } }, async (req, reply) => {
    const tenant = req.tenant!;
    const { id } = req.params as { id: string };
    if (!isUuid(id)) throw NotFound('open311.admin.error.notFound');
    const done = await revokeApiKey(app.db, tenant.id, id, app.clock.now(), auditFrom(req));
    if (!done) throw NotFound('open311.admin.error.notFound');
    return reply.redirect(`/${tenant.slug}/beheer/open311?ingetrokken=1`, 303);
  });
}
