import './helpmatch.messages.ts';
import './circle/circle.messages.ts';
import './requests/requests.messages.ts';
import './requests/request-form.messages.ts';
import './matches/matches.messages.ts';
import './matches/arrangement.messages.ts';
import './vacancies/vacancies.messages.ts';
import './coordinator/coordinator.messages.ts';
import { circleRoutes } from './circle/circle.routes.tsx';
import { ledgerRoutes } from './circle/ledger.routes.tsx';
import type { ModuleDefinition } from '../../platform/module.ts';
import { overviewRoutes } from './overview/overview.routes.tsx';
import { requestRoutes } from './requests/requests.routes.tsx';
import { offerRoutes } from './offers/offers.routes.tsx';
import { matchRoutes } from './matches/matches.routes.tsx';
import { vacancyRoutes } from './vacancies/vacancies.routes.tsx';
import { coordinatorRoutes } from './coordinator/coordinator.routes.tsx';
import { circleMemberRoutes } from './circle/circle.members.routes.tsx';
import { EXPIRE_JOB, expireJob, NOBODY_JOB, nobodyYetJob } from './jobs.ts';
import { exportCoreUserData, forgetCoreUserData } from './userdata.ts';
import { circleUserData } from './circle/circle.userdata.ts';
import { helpmatchDemoSeed } from './demo.ts';
import './engine/engine.messages.ts';
import './engine/engine.misfit.messages.ts';
import { engineRoutes } from './engine/engine.routes.tsx';
import { WAVE_JOB, WAVE_SCAN_JOB, waveJob, waveScanJob } from './engine/waves.ts';
import { BATCH_JOB, batchJob } from './engine/batch.ts';
import { helpenSection } from './section/section.tsx';
import { helpmatchAttention } from './attention/attention.ts';
import { helpIndicators } from './indicators/indicators.ts';
import { engineDemoSeed } from './engine/engine.service.ts';

export const helpmatchModule: ModuleDefinition = {
  name: 'helpmatch',
  routes: async (app) => {
    await overviewRoutes(app);
    await requestRoutes(app);
    await offerRoutes(app);
    await matchRoutes(app);
    await vacancyRoutes(app);
    await coordinatorRoutes(app);
    await circleRoutes(app);
    await circleMemberRoutes(app);
    await ledgerRoutes(app);
    await engineRoutes(app);
  },
  jobs: {
    [EXPIRE_JOB]: expireJob,
    [NOBODY_JOB]: nobodyYetJob,
    [WAVE_JOB]: waveJob,
    [WAVE_SCAN_JOB]: waveScanJob,
    [BATCH_JOB]: batchJob,
  },
  recurringJobs: [EXPIRE_JOB, NOBODY_JOB, WAVE_SCAN_JOB, BATCH_JOB],
  cohesionFunctions: [{ fn: 'help', path: (slug) => `/${slug}/hulp` }],
  nav: [
    { path: (slug) => `/${slug}/hulp`, labelKey: 'helpmatch.nav', group: 'help', tenantOnly: true },
    {
      path: (slug) => `/${slug}/hulp/kring`,
      labelKey: 'helpmatch.circle.nav',
      group: 'help',
      roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/hulp/uren`,
      labelKey: 'helpmatch.ledger.nav',
      group: 'help',
      roles: ['resident', 'volunteer', 'professional', 'coordinator', 'admin'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/hulp/voor-u`,
      labelKey: 'helpmatch.engine.nav.forYou',
      group: 'help',
      roles: ['volunteer'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/hulp/dashboard`,
      labelKey: 'helpmatch.engine.nav.dashboard',
      group: 'help',
      roles: ['coordinator'],
      tenantOnly: true,
    },
  ],
  summarySections: [helpenSection],
  attention: [helpmatchAttention],
  indicators: [helpIndicators],
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
