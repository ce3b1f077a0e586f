import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestUser } from '../../platform/http/types.ts';

/** Load the signed-in user from the session cookie (placeholder until sessions land). */
export async function loadSessionUser(_app: FastifyInstance, _req: FastifyRequest, _reply: FastifyReply): Promise<RequestUser | null> {
  return null;
}
