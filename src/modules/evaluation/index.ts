import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import './evaluation.messages.ts';
import './results/results.messages.ts';
import { resultRoutes } from './results/results.routes.tsx';
import { RESULTS_JOB, RESULTS_ONE_JOB, resultsJob, resultsOneJob } from './results/compute.ts';
import { evaluationCardPart } from './results/card-part.tsx';
import { evaluationsSection } from './results/section.tsx';
import './register/register.messages.ts';
import { registerRoutes } from './register/register.routes.tsx';
import './library/library.messages.ts';
import { libraryRoutes } from './library/library.routes.tsx';
import { libraryDemoSeed } from './library/library.demo.ts';
import './learning/learning.messages.ts';
import { learningRoutes } from './learning/learning.routes.tsx';
import { evaluationDemoSeed } from './demo/demo.ts';
import './socialreturn/socialreturn.messages.ts';
import { socialReturnRoutes } from './socialreturn/socialreturn.routes.tsx';
import { socialReturnCardPart } from './socialreturn/card-part.tsx';
import { socialReturnDemoSeed } from './socialreturn/demo.ts';

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
  await resultRoutes(app);
  await registerRoutes(app);
  await learningRoutes(app);
  await socialReturnRoutes(app);
  await libraryRoutes(app);
}

export const evaluationModule: ModuleDefinition = {
  name: 'evaluation',
  routes: evaluationRoutes,
  nav: [
    {
      path: (slug) => `/${slug}/evaluaties`,
      labelKey: 'evaluation.admin.nav',
      group: 'admin',
      roles: ['professional', 'coordinator'],
      tenantOnly: true,
    },
    { path: (slug) => `/${slug}/wat-werkt`, labelKey: 'evaluation.nav', group: 'areas', tenantOnly: true },
    { path: (slug) => `/${slug}/samen-leren`, labelKey: 'evaluation.learning.nav', group: 'areas', tenantOnly: true },
  ],
  jobs: { [RESULTS_JOB]: resultsJob, [RESULTS_ONE_JOB]: resultsOneJob },
  recurringJobs: [RESULTS_JOB],
  summarySections: [evaluationsSection],
  projectCardParts: [evaluationCardPart, socialReturnCardPart],
  demoSeed: async (trx, args) => {
    await evaluationDemoSeed(trx, args);
    await socialReturnDemoSeed(trx, args);
    await libraryDemoSeed(trx, args);
  },
};
