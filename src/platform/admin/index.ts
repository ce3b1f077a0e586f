import type { ModuleDefinition } from '../module.ts';
import './admin.messages.ts';
import { adminRoutes, type AdminDeps } from './admin.routes.tsx';
import { PLATFORM_CLEANUP_JOB, platformCleanupJob } from '../jobs/cleanup.ts';

/** Administrators' pages of a tenant (outgoing mail, audit log) and the platform's daily clean-up. */
export const adminModule = (deps: AdminDeps): ModuleDefinition => ({
  name: 'admin',
  routes: (app) => adminRoutes(app, deps),
  jobs: { [PLATFORM_CLEANUP_JOB]: platformCleanupJob },
  recurringJobs: [PLATFORM_CLEANUP_JOB],
  nav: [
    { path: (slug) => `/${slug}/beheer/mail`, labelKey: 'admin.nav.mail', group: 'admin', roles: ['admin'], tenantOnly: true },
    { path: (slug) => `/${slug}/beheer/audit`, labelKey: 'admin.nav.audit', group: 'admin', roles: ['admin'], tenantOnly: true },
  ],
});
