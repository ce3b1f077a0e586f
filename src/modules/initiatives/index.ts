import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import './initiatives.messages.ts';
import { fundsRoutes } from './funds/funds.routes.tsx';
import { applyRoutes } from './apply/apply.routes.tsx';
import { youthRoutes } from './youth/youth.routes.tsx';
import { joinedRoutes } from './joined/joined.routes.tsx';
import { togetherSection } from './joined/joined.section.tsx';
import { initiativesIndicators } from './joined/joined.indicators.ts';
import { votingRoutes } from './voting/voting.routes.tsx';
import { initiativesDemoSeed } from './demo/demo.ts';
import { reviewRoutes } from './review/review.routes.tsx';
import { accountRoutes } from './account/account.routes.tsx';
import { reviewDemoSeed } from './review/review.demo.ts';
import { youthDemoSeed } from './youth/youth.demo.ts';
import { REVIEW_DEADLINES_JOB, reviewDeadlinesJob } from './review/deadlines.job.ts';

/**
 * "Samen doen" (issue 15): funds and neighbourhood budgets, rounds and calls for initiatives,
 * applications with co-signers, review, decision with a letter, deadlines, payout and
 * accountability with spot checks, voting (approval or knapsack, paper codes) and the youth
 * channel (ideas and polls per wijk). Funded initiatives feed the neighbourhood page and the
 * monitor's live indicators. Feature folders: funds/, apply/, review/, voting/, youth/, joined/, demo/.
 */
async function initiativesRoutes(app: FastifyInstance): Promise<void> {
  // One line per registrar.
  await fundsRoutes(app);
  await applyRoutes(app);
  await youthRoutes(app);
  await joinedRoutes(app);
  await votingRoutes(app);
  await reviewRoutes(app);
  await accountRoutes(app);
}

export const initiativesModule: ModuleDefinition = {
  name: 'initiatives',
  routes: initiativesRoutes,
  nav: [
    { path: (slug) => `/${slug}/samen-doen`, labelKey: 'initiatives.nav', group: 'help', tenantOnly: true },
    {
      path: (slug) => `/${slug}/beheer/samen-doen`,
      labelKey: 'initiatives.admin.nav',
      group: 'admin',
      roles: ['coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/initiatieven/stemmen`,
      labelKey: 'initiatives.voting.nav',
      group: 'admin',
      roles: ['coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/beheer/jongeren`,
      labelKey: 'initiatives.youth.moderate.nav',
      group: 'admin',
      roles: ['professional', 'coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/beheer/initiatieven/oproepen`,
      labelKey: 'initiatives.joined.nav',
      group: 'admin',
      roles: ['professional', 'coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/samen-doen/beoordelen`,
      labelKey: 'initiatives.review.nav',
      group: 'start',
      roles: ['coordinator'],
      tenantOnly: true,
    },
  ],
  jobs: { [REVIEW_DEADLINES_JOB]: reviewDeadlinesJob },
  recurringJobs: [REVIEW_DEADLINES_JOB],
  cohesionFunctions: [],
  summarySections: [togetherSection],
  indicators: [initiativesIndicators],
  demoSeed: async (trx, args) => {
    await initiativesDemoSeed(trx, args);
    await reviewDemoSeed(trx, args);
    await youthDemoSeed(trx, args);
  },
};
