import type { FastifyInstance } from 'fastify';

/** Routes of the signals wijkschouw part (placeholder until built). */
export async function wijkschouwRoutes(_app: FastifyInstance): Promise<void> {}
