import './socialmap.messages.ts';
import './find/find.messages.ts';
import './find/find.synonyms.messages.ts';
import { findRoutes } from './find/find.routes.tsx';
import { findSynonymsRoutes } from './find/find.synonyms.routes.tsx';
import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../../platform/module.ts';
import { hsdsRoutes } from './hsds/routes.ts';
import { hsdsImportRoutes } from './hsds/import.routes.tsx';
import { taxonomyRoutes } from './taxonomy/taxonomy.routes.tsx';
import { socialmapDemoSeed } from './demo.ts';
import { keepParts } from './keep/keep.module.ts';
import { keepRoutes } from './keep/keep.routes.tsx';
import { keepPlacesRoutes } from './keep/keep.places.routes.tsx';
import { keepSuggestRoutes } from './keep/keep.suggest.routes.tsx';
import { keepCoverageRoutes } from './keep/keep.coverage.routes.tsx';
import { socialmapAttention } from './attention/attention.ts';
import { socialmapIndicators } from './indicators/indicators.ts';
import { OCCURRENCES_JOB, occurrencesJob } from './occurrences/occurrences.job.ts';

/** Routes of the social map; one line per registrar (HSDS API, resident pages, provider pages…). */
async function socialmapRoutes(app: FastifyInstance): Promise<void> {
  await hsdsRoutes(app);
  await hsdsImportRoutes(app);
  await taxonomyRoutes(app);
  await app.register(findRoutes);
  await app.register(findSynonymsRoutes);
  await app.register(keepRoutes);
  await app.register(keepPlacesRoutes);
  await app.register(keepSuggestRoutes);
  await app.register(keepCoverageRoutes);
}

export const socialmapModule: ModuleDefinition = {
  name: 'socialmap',
  routes: socialmapRoutes,
  summarySections: [...keepParts.summarySections],
  attention: [socialmapAttention],
  indicators: [socialmapIndicators],
  cohesionFunctions: [{ fn: 'meet', path: (slug) => `/${slug}/sociale-kaart` }],
  nav: [
    { path: (slug) => `/${slug}/sociale-kaart`, labelKey: 'socialmap.find.nav', group: 'socialmap', tenantOnly: true },
    ...keepParts.nav,
    {
      path: (slug) => `/${slug}/sociale-kaart/beheer/categorieen`,
      labelKey: 'socialmap.terms.nav',
      group: 'admin',
      roles: ['coordinator', 'admin'],
      tenantOnly: true,
    },
  ],
  jobs: { ...keepParts.jobs, [OCCURRENCES_JOB]: occurrencesJob },
  demoSeed: socialmapDemoSeed,
  recurringJobs: [...keepParts.recurringJobs, OCCURRENCES_JOB],
  userData: keepParts.userData,
};
