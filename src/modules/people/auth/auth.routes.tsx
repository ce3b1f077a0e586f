import type { FastifyInstance } from 'fastify';
import '../auth.messages.ts';
import { signinRoutes } from './signin.routes.tsx';
import { linkRoutes } from './links.routes.tsx';
import { twoStepRoutes } from './twostep.routes.tsx';

/** All sign-in routes: password and second step, links by e-mail, reset, registration, two-step settings. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  await signinRoutes(app);
  await linkRoutes(app);
  await twoStepRoutes(app);
}
