/**
 * What keeping the social map fresh adds to the socialmap module definition (index.ts spreads it;
 * its routes are listed there too): the ontmoeten section of the neighbourhood page,
 * navigation, the daily freshness job, and the suggesters' e-mail addresses as a person's data.
 */
import './keep.messages.ts';
import './keep.review.messages.ts';
import type { ModuleDefinition, ModuleNavItem } from '../../../platform/module.ts';
import { ontmoetenSection } from '../section/section.tsx';
import { exportKeepUserData, forgetKeepUserData, freshnessJob, FRESHNESS_JOB } from './keep.service.ts';
import { COORDINATOR_ROLES } from './keep.access.ts';

const nav: ModuleNavItem[] = [
  {
    path: (slug) => `/${slug}/sociale-kaart/beheer`,
    labelKey: 'socialmap.keep.nav',
    // Residents reach their organisation's entries too, but rarely belong to one: no link for them.
    roles: ['volunteer', 'professional', 'coordinator'],
    tenantOnly: true,
  },
  {
    path: (slug) => `/${slug}/sociale-kaart/dekking`,
    labelKey: 'socialmap.keep.coverageNav',
    roles: COORDINATOR_ROLES,
    tenantOnly: true,
  },
];

export const keepParts = {
  areaSections: [ontmoetenSection],
  nav,
  jobs: { [FRESHNESS_JOB]: freshnessJob },
  recurringJobs: [FRESHNESS_JOB],
  userData: {
    export: exportKeepUserData,
    forget: (trx, userId) => forgetKeepUserData(trx, userId),
  },
} satisfies Required<Pick<ModuleDefinition, 'areaSections' | 'nav' | 'jobs' | 'recurringJobs' | 'userData'>>;
