/** The Open311 part of the signals module: API routes, the key administration page and demo data. */
import './open311.messages.ts';
import type { FastifyInstance } from 'fastify';
import { open311AdminRoutes } from './admin.routes.tsx';
import { open311Routes as apiRoutes } from './open311.routes.ts';

export { seedOpen311Demo } from './demo.ts';

/** Both registrars: the API has its own error handler (specification format), so it gets its own context. */
export async function open311Routes(app: FastifyInstance): Promise<void> {
  await app.register(apiRoutes);
  await open311AdminRoutes(app);
}
