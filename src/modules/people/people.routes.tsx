import type { FastifyInstance } from 'fastify';
import { adminRoutes } from './admin.routes.tsx';
import { accountRoutes } from './account.routes.tsx';
import { invitationRoutes } from './invitation.routes.tsx';

/** All routes of the people module except authentication (see auth/). */
export async function peopleRoutes(app: FastifyInstance): Promise<void> {
  await adminRoutes(app);
  await accountRoutes(app);
  await invitationRoutes(app);
}
