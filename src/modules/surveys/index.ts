import './surveys.messages.ts';
import { CLOSE_SURVEYS_JOB, closeSurveysJob } from './builder/close.job.ts';
import './builder/builder.messages.ts';
import './respond/respond.messages.ts';
import './paper/paper.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import { builderRoutes } from './builder/builder.routes.tsx';
import { respondRoutes } from './respond/respond.routes.tsx';
import { paperRoutes } from './paper/paper.routes.tsx';
import { surveysDemoSeed } from './demo/demo.ts';
import { surveysIndicatorSource } from './results/results.source.ts';

/**
 * Surveys, the "kennen" function (issue 13): standard item sets with their version (the cohesion
 * scale of the Veiligheidsmonitor, the DSP study's four functions, the three kinds of help,
 * Heerhugowaard's Wijkmonitor questions), distribution by open link, personal invitation and paper
 * code, anonymous responses, and results per buurt and wijk as monitor indicators (suppressed below
 * the threshold). Feature folders: itemsets/, results/, builder/, respond/, paper/.
 */
async function surveysRoutes(app: FastifyInstance): Promise<void> {
  // One line per registrar.
  await builderRoutes(app);
  await respondRoutes(app);
  await paperRoutes(app);
}

export const surveysModule: ModuleDefinition = {
  name: 'surveys',
  routes: surveysRoutes,
  nav: [
    { path: (slug) => `/${slug}/beheer/enquetes`, labelKey: 'surveys.nav', group: 'areas', tenantOnly: true, roles: ['coordinator'] },
    {
      path: (slug) => `/${slug}/enquete/papier`,
      labelKey: 'surveys.paper.nav',
      group: 'areas',
      tenantOnly: true,
      roles: ['volunteer', 'professional', 'coordinator'],
    },
  ],
  jobs: { [CLOSE_SURVEYS_JOB]: closeSurveysJob },
  recurringJobs: [CLOSE_SURVEYS_JOB],
  indicators: [surveysIndicatorSource],
  cohesionFunctions: [],
  demoSeed: surveysDemoSeed,
};
