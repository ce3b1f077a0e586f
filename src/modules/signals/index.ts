import './signals.messages.ts';
import './signals.pages.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import { signalsMigrations } from './migrations/index.ts';
import { signalRoutes } from './signals.routes.tsx';
import { seedSignalsDemo } from './demo.ts';
import { exportSignalsData, forgetSignalsData } from './userdata.ts';
import { open311Routes, seedOpen311Demo } from './open311/index.ts';

/** Routes of the signals module; one line per registrar (resident pages, handling pages, Open311 API…). */
async function signalsRoutes(app: FastifyInstance): Promise<void> {
  await signalRoutes(app);
  await app.register(open311Routes);
}

export const signalsModule: ModuleDefinition = {
  name: 'signals',
  migrations: signalsMigrations,
  routes: signalsRoutes,
  areaSections: [],
  nav: [
    { path: (slug) => `/${slug}/meldingen`, labelKey: 'signals.nav', tenantOnly: true },
    { path: (slug) => `/${slug}/meldingen/behandelen`, labelKey: 'signals.nav.handle', tenantOnly: true, roles: ['professional', 'coordinator'] },
    { path: (slug) => `/${slug}/beheer/open311`, labelKey: 'open311.admin.nav', tenantOnly: true, roles: ['admin'] },
  ],
  jobs: {},
  recurringJobs: [],
  userData: { export: exportSignalsData, forget: forgetSignalsData },
  demoSeed: async (trx, args) => {
    await seedSignalsDemo(trx, args);
    await seedOpen311Demo(trx, args);
  },
};
