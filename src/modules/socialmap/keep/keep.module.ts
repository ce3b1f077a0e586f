/**
 * What keeping the social map fresh adds to the socialmap module definition (index.ts spreads it;
 * its routes are listed there too): the ontmoeten section of the neighbourhood page,
 * navigation, the daily freshness job, and the suggesters' e-mail addresses as a person's data.
 */
import './keep.messages.ts';
import type { ModuleDefinition, ModuleNavItem } from '../../../platform/module.ts';
import { ontmoetenSection } from '../section/section.tsx';
import { exportKeepUserData, forgetKeepUserData, freshnessJob, FRESHNESS_JOB } from './keep.service.ts';

const nav: ModuleNavItem[] = [
  {
    path: (slug) => `/${slug}/sociale-kaart/beheer`,
    labelKey: 'socialmap.keep.nav',
    roles: ['volunteer', 'professional', 'coordinator', 'admin'],
    tenantOnly: true,
  },
  {
    path: (slug) => `/${slug}/sociale-kaart/dekking`,
    labelKey: 'socialmap.keep.coverageNav',
    roles: ['coordinator', 'admin'],
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
