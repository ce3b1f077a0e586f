import type { FastifyInstance } from 'fastify';

/** Routes of the signals actions part (placeholder until built). */
export async function actionRoutes(_app: FastifyInstance): Promise<void> {}
