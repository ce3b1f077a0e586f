import './programmes.messages.ts';
import './cards/cards.messages.ts';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition, ProjectCardPart } from '../../platform/module.ts';
import { monitoringRoutes } from './monitoring/monitoring.routes.tsx';
import { subsidyRoutes } from './subsidy/subsidy.routes.tsx';
import { consultRoutes } from './consult/consult.routes.tsx';
import { CONSULT_REMINDER_JOB, consultReminderJob } from './consult/consult.jobs.ts';
import { actionRoutes } from './actions/actions.routes.tsx';
import { overviewRoutes } from './overview/overview.routes.tsx';
import { projectsSection } from './section/section.tsx';
import { programmesDemoSeed } from './demo/demo.ts';
import { coreRoutes } from './core/core.routes.tsx';
import { cardRoutes } from './cards/cards.routes.tsx';

/**
 * Programmes and project cards (issue 14): programmes with tactical and operational goals tied to
 * monitor indicators (through monitor targets with programme_goal_id), line activities, project
 * cards with areas, leads per area, parties, budget lines and the computed missing coverage, the
 * action table (Krimpen), overviews (planning, financing, print, CSV), standardised project
 * monitoring (expectations before, effects after), consultation rhythm and subsidy conditions.
 * Feature folders: core/, cards/, actions/, overview/, monitoring/, consult/, subsidy/, demo/.
 */
async function programmesRoutes(app: FastifyInstance, cardParts: () => readonly ProjectCardPart[]): Promise<void> {
  // One line per registrar.
  await coreRoutes(app);
  await cardRoutes(app, cardParts);
  await monitoringRoutes(app);
  await subsidyRoutes(app);
  await consultRoutes(app);
  await actionRoutes(app);
  await overviewRoutes(app);
}

/** `cardParts`: what other modules show on a project card (e.g. evaluation's results), without programmes importing them. */
export const programmesModule = (cardParts: () => readonly ProjectCardPart[]): ModuleDefinition => ({
  name: 'programmes',
  routes: (app) => programmesRoutes(app, cardParts),
  nav: [
    { path: (slug) => `/${slug}/programmas`, labelKey: 'programmes.nav', group: 'areas', tenantOnly: true },
    {
      path: (slug) => `/${slug}/beheer/programmas/nieuw`,
      labelKey: 'programmes.navStaff',
      group: 'areas',
      roles: ['coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/beheer/overleggen`,
      labelKey: 'programmes.consult.nav',
      group: 'areas',
      roles: ['professional', 'coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/beheer/subsidies`,
      labelKey: 'programmes.subsidy.nav',
      group: 'areas',
      roles: ['professional', 'coordinator'],
      tenantOnly: true,
    },
    {
      path: (slug) => `/${slug}/beheer/projectmonitor/papier`,
      labelKey: 'programmes.monitoring.paperNav',
      group: 'areas',
      roles: ['volunteer', 'professional', 'coordinator'],
      tenantOnly: true,
    },
  ],
  jobs: { [CONSULT_REMINDER_JOB]: consultReminderJob },
  recurringJobs: [CONSULT_REMINDER_JOB],
  cohesionFunctions: [],
  summarySections: [projectsSection],
  demoSeed: programmesDemoSeed,
});
