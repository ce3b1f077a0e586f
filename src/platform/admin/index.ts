import type { ModuleDefinition } from '../module.ts';
import './admin.messages.ts';
import { adminRoutes } from './admin.routes.tsx';

/** Administrators' pages of a tenant: outgoing mail and the audit log. */
export const adminModule: ModuleDefinition = {
  name: 'admin',
  migrations: {},
  routes: adminRoutes,
  nav: [
    { path: (slug) => `/${slug}/beheer/mail`, labelKey: 'admin.nav.mail', roles: ['admin'], tenantOnly: true },
    { path: (slug) => `/${slug}/beheer/audit`, labelKey: 'admin.nav.audit', roles: ['admin'], tenantOnly: true },
  ],
};
