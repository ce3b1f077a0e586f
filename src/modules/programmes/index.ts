import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';

/**
 * Programmes and project cards (issue 14): programmes with tactical and operational goals tied to
 * monitor indicators (through monitor targets with programme_goal_id), line activities, project
 * cards with areas, leads per area, parties, budget lines and the computed missing coverage, the
 * action table (Krimpen), overviews (planning, financing, print, CSV), standardised project
 * monitoring (expectations before, effects after), consultation rhythm and subsidy conditions.
 * Feature folders: core/, cards/, actions/, overview/, monitoring/, consult/, subsidy/, demo/.
 */
async function programmesRoutes(_app: FastifyInstance): Promise<void> {
  // One line per registrar.
}

export const programmesModule: ModuleDefinition = {
  name: 'programmes',
  routes: programmesRoutes,
  nav: [],
  jobs: {},
  recurringJobs: [],
  cohesionFunctions: [],
};
