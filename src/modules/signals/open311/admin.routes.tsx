/** Administration of Open311 API keys under `/{tenant}/beheer/open311` (tenant administrators, with second factor). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { issueApiKey, listApiKeys, revokeApiKey, setRateLimit } from './apikeys.service.ts';
import { DEFAULT_KEY_LIMIT, MAX_KEY_LIMIT } from './ratelimit.ts';
import { CLIENT_NAME_MAX, LIMIT_DIGITS } from './schemas.ts';
import { KeyCreatedPage, KeysPage, type KeyFormValues } from './admin.views.tsx';
import { apiKeyLine } from './apikeys.presenter.ts';
import { isUuid, UUID_RE } from '../../../platform/ids.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

const POLICY = { roles: ['admin'] as const, personalData: true };

/** Writes a minute of a key: a whole number 1…10000 (ratelimit.ts). */
const limitField = z
  .string()
  .trim()
  .regex(new RegExp(`^\\d{1,${LIMIT_DIGITS}}$`), 'open311.admin.error.limit')
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_KEY_LIMIT, 'open311.admin.error.limit');

const keyForm = z.object({
  client: z.string().trim().min(1, 'open311.admin.error.client').max(CLIENT_NAME_MAX, 'open311.admin.error.client'),
  rights: z.enum(['report', 'handle', 'both'], { message: 'open311.admin.error.rights' }),
  organisation: z.string().trim().optional().default(''),
  limit: z.string().optional().default(String(DEFAULT_KEY_LIMIT)).pipe(limitField),
});

const limitForm = z.object({ limit: limitField });
/** A key's id; anything else is no key (404). */
const keyParams = { id: z.string().regex(UUID_RE) };
/** Notices after a redirect: `?ingetrokken=1`, `?limiet=1` (anything else is ignored). */
const keysQuery = z.object({
  ingetrokken: z.string().optional().catch(undefined),
  limiet: z.string().optional().catch(undefined),
});

type TenantRequest = FastifyRequest & { tenant: RequestTenant };

function crumbs(tenant: RequestTenant) {
  return [{ href: `/${tenant.slug}/`, label: tenant.name }];
}

/** The keys page, its create form and revoke buttons. */
export async function open311AdminRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);

  const render = async (
    req: TenantRequest,
    extra: { errors?: Record<string, string>; values?: KeyFormValues; revoked?: boolean; limitSaved?: boolean; status?: number } = {},
  ) => {
    const [keys, organisations] = await Promise.all([listApiKeys(req.db, req.tenant.id), listOrganisations(req.db, req.tenant.id)]);
    return { keys: keys.map(apiKeyLine), organisations: organisations.map((o) => ({ id: o.id, name: o.name })), ...extra };
  };

  /** The keys page with a form's messages (status 422 or the error's own). */
  const keysAgain = async (
    req: TenantRequest,
    reply: FastifyReply,
    extra: { errors: Record<string, string>; values?: KeyFormValues },
    status: number,
  ) => {
    const data = await render(req, extra);
    return reply.page(<KeysPage ctx={req.viewContext()} slug={req.tenant.slug} {...data} />, {
      title: req.t('open311.admin.title'),
      status,
      breadcrumbs: crumbs(req.tenant),
    });
  };

  /** An organisation, when chosen, must be one of this municipality. */
  const organisationProblem = async (req: TenantRequest, orgId: string): Promise<MessageKey | null> => {
    if (!orgId) return null;
    const organisations = await listOrganisations(req.db, req.tenant.id);
    return isUuid(orgId) && organisations.some((o) => o.id === orgId) ? null : 'open311.admin.error.organisation';
  };

  route.get('/:tenant/beheer/open311', { policy: POLICY, query: keysQuery }, async (req, reply) => {
    const data = await render(req, { revoked: req.query.ingetrokken === '1', limitSaved: req.query.limiet === '1' });
    return reply.page(<KeysPage ctx={req.viewContext()} slug={req.tenant.slug} {...data} />, {
      title: req.t('open311.admin.title'),
      breadcrumbs: crumbs(req.tenant),
    });
  });

  route.post(
    '/:tenant/beheer/open311',
    {
      policy: POLICY,
      form: keyForm,
      invalid: (req, reply, errors, raw, status) => {
        const text = (v: string | string[] | undefined, fallback: string) => (typeof v === 'string' ? v : fallback);
        const values = {
          client: text(raw.client, ''),
          rights: text(raw.rights, 'report'),
          organisation: text(raw.organisation, ''),
          limit: text(raw.limit, String(DEFAULT_KEY_LIMIT)),
        };
        return keysAgain(req, reply, { errors, values }, status);
      },
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const { client, rights, limit, organisation: orgId } = req.body;
      const orgProblem = await organisationProblem(req, orgId);
      if (orgProblem) throw Invalid({ organisation: orgProblem });
      const { key } = await issueApiKey(
        req.db,
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
        breadcrumbs: [...crumbs(tenant), { href: `/${tenant.slug}/beheer/open311`, label: req.t('open311.admin.title') }],
      });
    },
  );

  // The administrator changes a client's limit (writes a minute); it counts from the next request.
  route.post(
    '/:tenant/beheer/open311/:id/limiet',
    {
      policy: POLICY,
      params: keyParams,
      form: limitForm,
      // The message belongs beside the limit field of this key's row.
      invalid: (req, reply, errors, _values, status) =>
        keysAgain(req, reply, { errors: { [`limit-${req.params.id}`]: errors.limit ?? req.t('open311.admin.error.limit') } }, status),
    },
    async (req, reply) => {
      const tenant = req.tenant;
      const { id } = req.params;
      if (!(await setRateLimit(req.db, tenant.id, id, req.body.limit, auditFrom(req)))) throw NotFound('open311.admin.error.notFound');
      return reply.redirect(`/${tenant.slug}/beheer/open311?limiet=1`, 303);
    },
  );

  route.post('/:tenant/beheer/open311/:id/intrekken', { policy: POLICY, params: keyParams, form: z.object({}) }, async (req, reply) => {
    const tenant = req.tenant;
    const done = await revokeApiKey(req.db, tenant.id, req.params.id, app.clock.now(), auditFrom(req));
    if (!done) throw NotFound('open311.admin.error.notFound');
    return reply.redirect(`/${tenant.slug}/beheer/open311?ingetrokken=1`, 303);
  });
}
