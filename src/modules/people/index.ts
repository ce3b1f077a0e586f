import type { ModuleDefinition } from '../../platform/module.ts';
import { peopleMigrations } from './migrations/index.ts';
import { peopleRoutes } from './people.routes.tsx';
import { authRoutes } from './auth/auth.routes.tsx';
import './people.messages.ts';
import { PEOPLE_CLEANUP_JOB, peopleCleanupJob } from './maintenance.ts';

export const peopleModule: ModuleDefinition = {
  name: 'people',
  migrations: peopleMigrations,
  routes: async (app) => {
    await authRoutes(app);
    await peopleRoutes(app);
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
