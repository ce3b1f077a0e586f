/** Request helpers shared by the care-circle routes. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { truncateIp } from '../../platform/audit/audit.service.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import type { Actor } from './circle.service.ts';

/** Field errors of a service error that belongs on the form; rethrows others. */
export function formErrors(err: unknown, t: Translate): { status: number; errors: Record<string, string> } {
  if (err instanceof AppError && err.fields && err.status < 500) {
    return { status: err.status, errors: Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k, t(v)])) };
  }
  throw err;
}

export function stringFields(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

export const actorOf = (req: FastifyRequest): Actor => ({ userId: req.user!.id, ip: truncateIp(req.ip) });
export const listPath = (req: FastifyRequest) => `/${req.tenant!.slug}/hulp/kring`;
export const circlePath = (req: FastifyRequest, id: string) => `${listPath(req)}/${id}`;
export const crumbs = (req: FastifyRequest, circle?: { id: string; person_name: string }) => [
  { href: `/${req.tenant!.slug}/hulp`, label: req.t('helpmatch.circle.crumbHelp') },
  { href: listPath(req), label: req.t('helpmatch.circle.title') },
  ...(circle ? [{ href: circlePath(req, circle.id), label: req.t('helpmatch.circle.page.title', { name: circle.person_name }) }] : []),
];
