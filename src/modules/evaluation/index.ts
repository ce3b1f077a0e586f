import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import './evaluation.messages.ts';

/**
 * Evaluation: what works (issue 16). Deliberate experiments on project cards with intervention and
 * comparison areas, difference-in-differences with a seeded bootstrap, placebo and pre-trend
 * checks (and a synthetic control with enough comparison areas), results in plain language on the
 * project card and the neighbourhood page, social return per project, the intervention library
 * exchanged between installations as JSON, and "learning together" per municipality and across
 * the installation. Feature folders: estimate/ (pure numerical code), register/, results/,
 * socialreturn/, library/, learning/, demo/.
 */
async function evaluationRoutes(app: FastifyInstance): Promise<void> {
  // One line per registrar.
  void app;
}

export const evaluationModule: ModuleDefinition = {
  name: 'evaluation',
  routes: evaluationRoutes,
  nav: [],
  jobs: {},
  recurringJobs: [],
  summarySections: [],
};
