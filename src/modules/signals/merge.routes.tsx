import type { FastifyInstance } from 'fastify';

/** Routes of the signals merge part (placeholder until built). */
export async function mergeRoutes(_app: FastifyInstance): Promise<void> {}
