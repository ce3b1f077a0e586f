import type { FastifyInstance } from 'fastify';

/** Routes of the signals config part (placeholder until built). */
export async function configRoutes(_app: FastifyInstance): Promise<void> {}
