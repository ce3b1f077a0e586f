/** Request helpers shared by the care-circle routes. */
import type { FastifyRequest } from 'fastify';
import { truncateIp } from '../../../platform/audit/audit.service.ts';
import type { RequestTenant } from '../../../platform/http/types.ts';
import { actorFrom, type Actor } from '../actor.ts';

export const actorOf = (req: FastifyRequest): Actor => actorFrom(req.principal, truncateIp(req.ip));
export const listPath = (tenant: RequestTenant) => `/${tenant.slug}/hulp/kring`;
export const circlePath = (tenant: RequestTenant, id: string) => `${listPath(tenant)}/${id}`;
export const crumbs = (req: FastifyRequest, tenant: RequestTenant, circle?: { id: string; person_name: string }) => [
  { href: `/${tenant.slug}/hulp`, label: req.t('helpmatch.circle.crumbHelp') },
  { href: listPath(tenant), label: req.t('helpmatch.circle.title') },
  ...(circle ? [{ href: circlePath(tenant, circle.id), label: req.t('helpmatch.circle.page.title', { name: circle.person_name }) }] : []),
];
