import type { ModuleDefinition } from '../../platform/module.ts';
import './people.messages.ts';
import './auth/auth.messages.ts';
import { signinRoutes } from './auth/signin.routes.tsx';
import { linkRoutes } from './auth/links.routes.tsx';
import { twoStepRoutes } from './auth/twostep.routes.tsx';
import { adminRoutes } from './admin/admin.routes.tsx';
import './admin/admin.messages.ts';
import { roleRemovalRoutes } from './admin/admin.roles.routes.tsx';
import { accountRoutes } from './account/account.routes.tsx';
import { invitationRoutes } from './invitation/invitation.routes.tsx';
import './start/start.messages.ts';
import { START_ROLES, startRoutes } from './start/start.routes.tsx';
import { peopleAttention } from './start/start.service.ts';
import { PEOPLE_CLEANUP_JOB, peopleCleanupJob } from './maintenance.ts';

export const peopleModule: ModuleDefinition = {
  name: 'people',
  routes: async (app) => {
    await signinRoutes(app);
    await linkRoutes(app);
    await twoStepRoutes(app);
    await adminRoutes(app);
    await roleRemovalRoutes(app);
    await accountRoutes(app);
    await invitationRoutes(app);
    await startRoutes(app);
  },
  jobs: { [PEOPLE_CLEANUP_JOB]: peopleCleanupJob },
  recurringJobs: [PEOPLE_CLEANUP_JOB],
  attention: [peopleAttention],
  nav: [
    { path: (slug) => `/${slug}/beheer`, labelKey: 'people.nav.start', group: 'start', roles: START_ROLES, tenantOnly: true },
    { path: (slug) => `/${slug}/beheer/gebruikers`, labelKey: 'people.nav.admin', group: 'admin', roles: ['admin'], tenantOnly: true },
    {
      path: (slug) => `/${slug}/beheer/organisaties`,
      labelKey: 'people.nav.organisations',
      group: 'admin',
      roles: ['admin', 'coordinator'],
      tenantOnly: true,
    },
  ],
};
