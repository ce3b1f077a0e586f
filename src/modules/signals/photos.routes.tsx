import type { FastifyInstance } from 'fastify';

/** Routes of the signals photos part (placeholder until built). */
export async function photoRoutes(_app: FastifyInstance): Promise<void> {}
