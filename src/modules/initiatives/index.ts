import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';

/**
 * "Samen doen" (issue 15): funds and neighbourhood budgets, rounds and calls for initiatives,
 * applications with co-signers, review, decision with a letter, deadlines, payout and
 * accountability with spot checks, voting (approval or knapsack, paper codes) and the youth
 * channel (ideas and polls per wijk). Funded initiatives feed the neighbourhood page and the
 * monitor's live indicators. Feature folders: funds/, apply/, review/, voting/, youth/, joined/, demo/.
 */
async function initiativesRoutes(_app: FastifyInstance): Promise<void> {
  // One line per registrar.
}

export const initiativesModule: ModuleDefinition = {
  name: 'initiatives',
  routes: initiativesRoutes,
  nav: [],
  jobs: {},
  recurringJobs: [],
  cohesionFunctions: [],
};
