import type { FastifyInstance } from 'fastify';

/** Routes of the signals mine part (placeholder until built). */
export async function mineRoutes(_app: FastifyInstance): Promise<void> {}
