import './perspective.messages.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { routes } from '../../../platform/http/route.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { FieldErrors } from '../../../ui/form.tsx';
import { agreeVersion, contribute, perspectiveOverview, perspectivePage, saveVersion } from './perspective.service.ts';
import { areaParam, contributionForm, pageQuery, versionForm, versionParams } from './perspective.schemas.ts';
import { PerspectivePage, type PerspectivePageProps } from './views/perspective-page.tsx';
import { PerspectiveOverview } from './views/perspective-overview.tsx';

/** Staff who may contribute (the service checks the finer rules with can()). */
const STAFF = { roles: ['professional', 'coordinator'] } as const;
const COORDINATOR = { roles: ['coordinator'] } as const;
const noFields = z.object({});

type TenantRequest = FastifyRequest & { tenant: RequestTenant };
type Values = Record<string, unknown>;
const str = (v: Values, k: string, max: number) => (typeof v[k] === 'string' ? v[k].slice(0, max) : '');
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

const NOTICES: Record<string, MessageKey> = {
  bijdrage: 'monitor.perspective.contributed',
  bewaard: 'monitor.perspective.saved',
  vastgesteld: 'monitor.perspective.agreed',
};

/** The wijkperspectief of a wijk or buurt: `/{tenant}/wijken/{code}/wijkperspectief` (public read; staff work on it). */
export async function perspectiveRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const path = (req: TenantRequest, code: string) => `/${req.tenant.slug}/wijken/${code}/wijkperspectief`;

  const render = async (
    req: TenantRequest,
    reply: FastifyReply,
    code: string,
    version: number | null,
    extra: Omit<PerspectivePageProps, 'ctx' | 'slug' | 'model'> = {},
    status = 200,
  ) => {
    const model = await perspectivePage(req.db, req.principal, req.tenant.id, code, version);
    const area = model.area;
    return reply.page(<PerspectivePage ctx={req.viewContext()} slug={req.tenant.slug} model={model} {...extra} />, {
      title: req.t('monitor.perspective.heading', { name: area.name }),
      status,
      breadcrumbs: [
        { href: `/${req.tenant.slug}/`, label: req.tenant.name },
        { href: `/${req.tenant.slug}/wijken/${area.code}`, label: area.name },
      ],
    });
  };

  // Staff's list of wijken (in the menu beside the monitor's pages).
  route.get('/:tenant/beheer/monitor/wijkperspectieven', { policy: STAFF }, async (req, reply) => {
    const rows = await perspectiveOverview(req.db, req.principal, req.tenant.id);
    return reply.page(<PerspectiveOverview ctx={req.viewContext()} slug={req.tenant.slug} rows={rows} />, {
      title: req.t('monitor.perspective.overview.title'),
    });
  });

  route.get('/:tenant/wijken/:code/wijkperspectief', { policy: 'public', params: areaParam, query: pageQuery }, async (req, reply) => {
    const { code } = req.params;
    if (code !== code.toUpperCase()) return reply.redirect(path(req, code.toUpperCase()), 301);
    const done = req.query.klaar;
    const version = req.query.versie ?? null;
    const notice = done ? { key: NOTICES[done]!, ...(version !== null ? { vars: { version } } : {}) } : null;
    // After saving or agreeing, the working view is shown with the number of the version in the notice.
    return render(req, reply, code, done ? null : version, { notice });
  });

  route.post(
    '/:tenant/wijken/:code/wijkperspectief/bijdrage',
    {
      policy: STAFF,
      params: areaParam,
      form: contributionForm,
      invalid: (req, reply, errors, submitted) =>
        render(
          req,
          reply,
          req.params.code,
          null,
          {
            contribution: {
              values: {
                kind: str(submitted, 'kind', 20),
                question: str(submitted, 'question', 2),
                text: str(submitted, 'text', 2000),
                organisation: str(submitted, 'organisation', 40),
              },
              errors: errors as FieldErrors,
            },
          },
          422,
        ),
    },
    async (req, reply) => {
      const { kind, question, text, organisation } = req.body;
      await contribute(req.db, req.principal, {
        tenantId: req.tenant.id,
        areaCode: req.params.code,
        kind,
        question,
        text,
        organisationId: organisation,
      });
      return reply.redirect(`${path(req, req.params.code)}?klaar=bijdrage#wp-knelpunten`, 303);
    },
  );

  route.post(
    '/:tenant/wijken/:code/wijkperspectief/versie',
    {
      policy: COORDINATOR,
      params: areaParam,
      form: versionForm,
      invalid: (req, reply, errors, submitted) =>
        render(
          req,
          reply,
          req.params.code,
          null,
          {
            version: {
              values: {
                priorities: str(submitted, 'priorities', 10_000),
                agreedWith: list(submitted['agreedWith']),
                changeNote: str(submitted, 'changeNote', 200),
              },
              errors: errors as FieldErrors,
            },
          },
          422,
        ),
    },
    async (req, reply) => {
      const version = await saveVersion(req.db, req.principal, {
        tenantId: req.tenant.id,
        areaCode: req.params.code,
        priorities: req.body.priorities,
        agreedWith: req.body.agreedWith,
        changeNote: req.body.changeNote,
      });
      return reply.redirect(`${path(req, req.params.code)}?klaar=bewaard&versie=${version}`, 303);
    },
  );

  route.post(
    '/:tenant/wijken/:code/wijkperspectief/versie/:version/vaststellen',
    { policy: COORDINATOR, params: versionParams, form: noFields },
    async (req, reply) => {
      const { code, version } = req.params;
      await agreeVersion(req.db, req.principal, req.tenant.id, code, version);
      return reply.redirect(`${path(req, code)}?klaar=vastgesteld&versie=${version}`, 303);
    },
  );
}
