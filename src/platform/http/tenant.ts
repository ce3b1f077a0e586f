import type { FastifyRequest } from 'fastify';
import { NotFound } from '../errors.ts';
import type { RequestTenant } from './types.ts';

/**
 * The tenant of a request under `/:tenant/…`. The request hook resolves it (an unknown slug is a
 * 404 before the route runs), so this only turns the nullable type into a checked one, without `!`.
 */
export function requireTenant(req: FastifyRequest): RequestTenant {
  if (!req.tenant) throw NotFound();
  return req.tenant;
}
