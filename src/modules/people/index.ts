import type { ModuleDefinition } from '../../platform/module.ts';
import './people.messages.ts';
import './auth/auth.messages.ts';
import { signinRoutes } from './auth/signin.routes.tsx';
import { linkRoutes } from './auth/links.routes.tsx';
import { twoStepRoutes } from './auth/twostep.routes.tsx';
import { adminRoutes } from './admin/admin.routes.tsx';
import { accountRoutes } from './account/account.routes.tsx';
import { invitationRoutes } from './invitation/invitation.routes.tsx';
import { PEOPLE_CLEANUP_JOB, peopleCleanupJob } from './maintenance.ts';

export const peopleModule: ModuleDefinition = {
  name: 'people',
  routes: async (app) => {
    await signinRoutes(app);
    await linkRoutes(app);
    await twoStepRoutes(app);
    await adminRoutes(app);
    await accountRoutes(app);
    await invitationRoutes(app);
  },
  jobs: { [PEOPLE_CLEANUP_JOB]: peopleCleanupJob },
  recurringJobs: [PEOPLE_CLEANUP_JOB],
  nav: [
    { path: (slug) => `/${slug}/beheer/gebruikers`, labelKey: 'people.nav.admin', roles: ['admin'], tenantOnly: true },
    {
      path: (slug) => `/${slug}/beheer/organisaties`,
      labelKey: 'people.nav.organisations',
      roles: ['admin', 'coordinator'],
      tenantOnly: true,
    },
  ],
};
