import './monitor.messages.ts';
import './perspective/perspective.messages.ts';
import './import/import.messages.ts';
import './indicators/indicators.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { IndicatorSource, ModuleDefinition } from '../../platform/module.ts';
import { perspectiveRoutes } from './perspective/perspective.routes.tsx';
import { seedPerspectiveDemo } from './perspective/perspective.demo.ts';
import { monitorImportRoutes } from './import/import.routes.tsx';
import { RECOMPUTE_JOB, recomputeJob } from './live/recompute.ts';
import { monitorDemoSeed } from './demo/demo.ts';
import { indicatorRoutes } from './indicators/indicators.routes.tsx';
import { monitorPageSections } from './page/page.sections.tsx';

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
    await app.register(perspectiveRoutes);
    await app.register(monitorImportRoutes);
    await app.register(indicatorRoutes);
    void app;
  }
  return {
    name: 'monitor',
    routes: monitorRoutes,
    nav: [
      {
        path: (slug) => `/${slug}/beheer/monitor`,
        labelKey: 'monitor.nav',
        group: 'areas',
        roles: ['coordinator', 'professional'],
        tenantOnly: true,
      },
      {
        path: (slug) => `/${slug}/beheer/monitor/import`,
        labelKey: 'monitor.import.nav',
        group: 'areas',
        roles: ['coordinator'],
        tenantOnly: true,
      },
      {
        path: (slug) => `/${slug}/beheer/monitor/wijkperspectieven`,
        labelKey: 'monitor.perspective.nav',
        group: 'areas',
        roles: ['coordinator', 'professional'],
        tenantOnly: true,
      },
    ],
    jobs: { [RECOMPUTE_JOB]: recomputeJob(sources) },
    recurringJobs: [RECOMPUTE_JOB],
    demoSeed: async (trx, args) => {
      await monitorDemoSeed(trx, args);
      await seedPerspectiveDemo(trx, args);
    },
    summarySections: monitorPageSections,
  };
}
