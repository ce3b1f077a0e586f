import './signals.messages.ts';
import './signals.pages.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import { signalRoutes } from './intake/intake.routes.tsx';
import { seedSignalsDemo } from './demo.ts';
import { exportSignalsData, forgetSignalsData } from './userdata.ts';
import './open311/open311.messages.ts';
import { open311Routes } from './open311/open311.routes.ts';
import { open311AdminRoutes } from './open311/admin.routes.tsx';
import { seedOpen311Demo } from './open311/demo.ts';
import { trackRoutes } from './tracking/tracking.routes.tsx';
import { handleRoutes } from './handling/handling.routes.tsx';
import { actionRoutes } from './actions/actions.routes.tsx';
import { mergeRoutes } from './merge/merge.routes.tsx';
import { listRoutes } from './list/list.routes.tsx';
import { photoRoutes } from './photos/photos.routes.tsx';
import { wijkschouwRoutes } from './wijkschouw/wijkschouw.routes.tsx';
import { configRoutes } from './config/config.routes.tsx';
import { configRoutingRoutes } from './config/config.routing.routes.tsx';
import { mineRoutes } from './mine/mine.routes.tsx';
import { jobsSettingsRoutes } from './jobs/jobs.routes.tsx';
import { signalsJobs, signalsRecurringJobs } from './jobs/jobs.ts';
import { signalsAreaSection } from './section/section.tsx';
import { signalsAttention } from './attention/attention.ts';
import { signalsIndicators } from './indicators/indicators.ts';

/** Routes of the signals module; one line per registrar (resident pages, handling pages, Open311 API…). */
async function signalsRoutes(app: FastifyInstance): Promise<void> {
  await signalRoutes(app);
  await app.register(trackRoutes);
  await app.register(handleRoutes);
  await listRoutes(app);
  await actionRoutes(app);
  await mergeRoutes(app);
  await photoRoutes(app);
  await wijkschouwRoutes(app);
  await configRoutes(app);
  await configRoutingRoutes(app);
  await mineRoutes(app);
  await jobsSettingsRoutes(app);
  await app.register(open311Routes);
  await open311AdminRoutes(app);
}

export const signalsModule: ModuleDefinition = {
  name: 'signals',
  routes: signalsRoutes,
  summarySections: [signalsAreaSection],
  attention: [signalsAttention],
  indicators: [signalsIndicators],
  nav: [
    { path: (slug) => `/${slug}/meldingen`, labelKey: 'signals.nav', group: 'signals', tenantOnly: true },
    {
      path: (slug) => `/${slug}/meldingen/mijn`,
      labelKey: 'signals.mine.nav',
      group: 'signals',
      tenantOnly: true,
      roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'],
    },
    {
      path: (slug) => `/${slug}/meldingen/behandelen`,
      labelKey: 'signals.nav.handle',
      group: 'signals',
      tenantOnly: true,
      roles: ['professional', 'coordinator'],
    },
    {
      path: (slug) => `/${slug}/meldingen/wijkschouw`,
      labelKey: 'signals.nav.wijkschouw',
      group: 'signals',
      tenantOnly: true,
      roles: ['volunteer', 'professional', 'coordinator'],
    },
    {
      path: (slug) => `/${slug}/beheer/meldingen`,
      labelKey: 'signals.nav.config',
      group: 'admin',
      tenantOnly: true,
      roles: ['coordinator', 'admin'],
    },
    { path: (slug) => `/${slug}/beheer/open311`, labelKey: 'open311.admin.nav', group: 'admin', tenantOnly: true, roles: ['admin'] },
  ],
  jobs: signalsJobs,
  recurringJobs: signalsRecurringJobs,
  userData: { export: exportSignalsData, forget: forgetSignalsData },
  demoSeed: async (trx, args) => {
    await seedSignalsDemo(trx, args);
    await seedOpen311Demo(trx, args);
  },
};
