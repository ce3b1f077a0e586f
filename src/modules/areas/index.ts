import './areas.messages.ts';
import type { ModuleDefinition } from '../../platform/module.ts';
import { areasRoutes } from './areas.routes.tsx';
import { areasAdminRoutes } from './admin/admin.routes.tsx';
import { areasApiRoutes } from './api/api.routes.ts';
import { geocodeRoutes } from './geocode/geocode.routes.ts';
import { configurePdok } from './geocode/geocode.pdok.ts';

export const areasModule: ModuleDefinition = {
  name: 'areas',
  routes: async (app) => {
    // The geocoder's PDOK step follows the app's config (docs/geocoding.md).
    configurePdok({ enabled: app.config.geocoder.pdok, url: app.config.geocoder.pdokUrl, timeoutMs: app.config.geocoder.timeoutMs });
    await areasRoutes(app);
    await app.register(areasAdminRoutes);
    await app.register(areasApiRoutes);
    await app.register(geocodeRoutes);
  },
  nav: [{ path: (slug) => `/${slug}/`, labelKey: 'areas.nav', group: 'areas', tenantOnly: true }],
};
