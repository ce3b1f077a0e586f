import './areas.messages.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasRoutes } from './areas.routes.tsx';
import { areasAdminRoutes } from './admin/admin.routes.tsx';
import { areasApiRoutes } from './api/api.routes.ts';

export const areasModule: ModuleDefinition = {
  name: 'areas',
  routes: async (app) => {
    await areasRoutes(app);
    await app.register(areasAdminRoutes);
    await app.register(areasApiRoutes);
  },
  nav: [{ path: (slug) => `/${slug}/`, labelKey: 'areas.nav', tenantOnly: true }],
};
