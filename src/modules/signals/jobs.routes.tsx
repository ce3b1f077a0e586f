import type { FastifyInstance } from 'fastify';

/** Routes of the signals jobs part: deadline and retention settings (placeholder until built). */
export async function jobsSettingsRoutes(_app: FastifyInstance): Promise<void> {}
