import './areas.messages.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasMigrations } from './migrations/index.ts';
import { areasRoutes } from './areas.routes.tsx';

export const areasModule: ModuleDefinition = {
  name: 'areas',
  migrations: areasMigrations,
  routes: areasRoutes,
  nav: [{ path: (slug) => `/${slug}/`, labelKey: 'areas.nav', tenantOnly: true }],
};
