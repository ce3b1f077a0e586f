import type { FastifyInstance } from 'fastify';

/** Routes of the signals list part (placeholder until built). */
export async function listRoutes(_app: FastifyInstance): Promise<void> {}
