import './monitor.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { IndicatorSource, ModuleDefinition } from '../../platform/module.ts';

/**
 * The neighbourhood monitor (issue 13): indicators with baselines and targets, measurements per
 * area and period (imported, survey results, CBS figures, and live figures from the platform's own data),
 * classification, and the wijkperspectief. Feature folders: core/ (indicators, measurements,
 * periods), import/, targets/, crosswalk/, classify/, live/ (recompute job), page/ (the
 * neighbourhood page's monitor parts), perspective/.
 *
 * `sources` are the other modules' live indicators (src/modules/index.ts passes them), so the
 * monitor imports no other module.
 */
export function monitorModule(sources: readonly IndicatorSource[]): ModuleDefinition {
  async function monitorRoutes(app: FastifyInstance): Promise<void> {
    // One line per registrar.
    void app;
  }
  void sources;
  return {
    name: 'monitor',
    routes: monitorRoutes,
    nav: [],
    jobs: {},
    recurringJobs: [],
    summarySections: [],
  };
}
