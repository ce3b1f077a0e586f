import './socialmap.messages.ts';
import './find.messages.ts';
import { findRoutes } from './find.routes.tsx';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import { socialmapMigrations } from './migrations/index.ts';
import { hsdsRoutes } from './hsds/routes.ts';
import { hsdsImportRoutes } from './hsds/import.routes.tsx';
import { taxonomyRoutes } from './taxonomy.routes.tsx';
import { socialmapDemoSeed } from './demo.ts';
import { keepParts } from './keep.module.ts';

/** Routes of the social map; one line per registrar (HSDS API, resident pages, provider pages…). */
async function socialmapRoutes(app: FastifyInstance): Promise<void> {
  await hsdsRoutes(app);
  await hsdsImportRoutes(app);
  await taxonomyRoutes(app);
  await app.register(findRoutes);
  await app.register(keepParts.routes);
}

export const socialmapModule: ModuleDefinition = {
  name: 'socialmap',
  migrations: socialmapMigrations,
  routes: socialmapRoutes,
  areaSections: [...keepParts.areaSections],
  nav: [
    { path: (slug) => `/${slug}/sociale-kaart`, labelKey: 'socialmap.find.nav', tenantOnly: true },
    ...keepParts.nav,
    {
      path: (slug) => `/${slug}/sociale-kaart/beheer/categorieen`,
      labelKey: 'socialmap.terms.nav',
      roles: ['coordinator', 'admin'],
      tenantOnly: true,
    },
  ],
  jobs: { ...keepParts.jobs },
  demoSeed: socialmapDemoSeed,
  recurringJobs: [...keepParts.recurringJobs],
  userData: keepParts.userData,
};
