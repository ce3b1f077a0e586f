/** What the settings routes share (config.routes.tsx, config.routing.routes.tsx): the policy, form values, the page frame. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { auditFrom } from '../../../platform/audit/audit.service.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { listOrganisations } from '../../people/people.service.ts';
import type * as config from './config.service.ts';
import type { FormValues } from './views/config-categories.tsx';

export const POLICY = { roles: ['coordinator', 'admin'] } as const;
/** A form shown again after bad input or a refused change is a 422, whatever refused it (409 for a taken code included). */
export const FAILED = 422;

export type Errors = Record<string, string>;
export type TenantRequest = FastifyRequest & { tenant: RequestTenant };

/** The one-line values of a submitted form (the settings forms have no checkbox groups). */
export const single = (values: Record<string, string | string[]>): FormValues =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === 'string'));
export const actor = (req: FastifyRequest): config.Actor => ({ principal: req.principal, ip: auditFrom(req).ip });

/** The settings hub's path. */
export const configBase = (tenant: RequestTenant) => `/${tenant.slug}/beheer/meldingen`;

/** A settings page under the hub's breadcrumb. */
export const configPage = (
  req: TenantRequest,
  reply: FastifyReply,
  body: VNode,
  title: string,
  status = 200,
  crumbs: { href: string; label: string }[] = [],
) => reply.page(body, { title, status, breadcrumbs: [{ href: configBase(req.tenant), label: req.t('signals.config.title') }, ...crumbs] });

/** The tenant's organisations as choices. */
export const orgChoices = async (req: TenantRequest) =>
  (await listOrganisations(req.db, req.tenant.id)).map((o) => ({ id: o.id, name: o.name }));
