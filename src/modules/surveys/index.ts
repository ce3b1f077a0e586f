import './surveys.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';

/**
 * Surveys, the "kennen" function (issue 13): standard item sets with their version (the cohesion
 * scale of the Veiligheidsmonitor, the DSP study's four functions, the three kinds of help,
 * Heerhugowaard's Wijkmonitor questions), distribution by open link, personal invitation and paper
 * code, anonymous responses, and results per buurt and wijk as monitor indicators (suppressed below
 * the threshold). Feature folders: itemsets/, results/, builder/, respond/, paper/.
 */
async function surveysRoutes(app: FastifyInstance): Promise<void> {
  // One line per registrar.
  void app;
}

export const surveysModule: ModuleDefinition = {
  name: 'surveys',
  routes: surveysRoutes,
  nav: [],
  jobs: {},
  recurringJobs: [],
  indicators: [],
  cohesionFunctions: [],
};
