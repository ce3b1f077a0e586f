import './helpmatch.messages.ts';
import './circle.messages.ts';
import { circleRoutes } from './circle.routes.tsx';
import { ledgerRoutes } from './ledger.routes.tsx';
import type { ModuleDefinition } from '../../platform/module.ts';
import { helpmatchMigrations } from './migrations/index.ts';
import { coreRoutes } from './helpmatch.routes.tsx';
import { EXPIRE_JOB, expireJob } from './jobs.ts';
import { exportCoreUserData, forgetCoreUserData } from './userdata.ts';
import { circleUserData } from './circle.userdata.ts';
import { helpmatchDemoSeed } from './demo.ts';
import './engine.messages.ts';
import { engineRoutes } from './engine.routes.tsx';
import { WAVE_JOB, WAVE_SCAN_JOB, waveJob, waveScanJob } from './waves.ts';
import { BATCH_JOB, batchJob } from './batch.ts';
import { helpenSection } from './area-section.tsx';
import { engineDemoSeed } from './engine.service.ts';

export const helpmatchModule: ModuleDefinition = {
  name: 'helpmatch',
  migrations: helpmatchMigrations,
  routes: async (app) => {
    await coreRoutes(app);
    await circleRoutes(app);
    await ledgerRoutes(app);
    await engineRoutes(app);
  },
  jobs: {
    [EXPIRE_JOB]: expireJob,
    [WAVE_JOB]: waveJob,
    [WAVE_SCAN_JOB]: waveScanJob,
    [BATCH_JOB]: batchJob,
  },
  recurringJobs: [EXPIRE_JOB, WAVE_SCAN_JOB, BATCH_JOB],
  nav: [
    { path: (slug) => `/${slug}/hulp`, labelKey: 'helpmatch.nav', tenantOnly: true },
    {
      path: (slug) => `/${slug}/hulp/kring`,
      labelKey: 'helpmatch.circle.nav',
      roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/hulp/uren`,
      labelKey: 'helpmatch.ledger.nav',
      roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'],
      tenantOnly: true,
    },
    { path: (slug) => `/${slug}/hulp/voor-u`, labelKey: 'helpmatch.engine.nav.forYou', roles: ['volunteer'], tenantOnly: true },
    {
      path: (slug) => `/${slug}/hulp/dashboard`,
      labelKey: 'helpmatch.engine.nav.dashboard',
      roles: ['coordinator', 'admin'],
      tenantOnly: true,
    },
  ],
  areaSections: [helpenSection],
  userData: {
    export: async (db, userId) => ({
      ...(await exportCoreUserData(db, userId)),
      ...(await circleUserData.export(db, userId)),
    }),
    forget: async (trx, userId, now) => {
      await forgetCoreUserData(trx, userId, now);
      await circleUserData.forget(trx, userId, now);
    },
  },
  demoSeed: async (trx, args) => {
    await helpmatchDemoSeed(trx, args);
    await engineDemoSeed(trx, args);
  },
};
