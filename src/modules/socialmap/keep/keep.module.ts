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
import { reachedOrganisations } from '../policies.ts';

const nav: ModuleNavItem[] = [
  {
    path: (slug) => `/${slug}/sociale-kaart/beheer`,
    labelKey: 'socialmap.keep.nav',
    group: 'socialmap',
    // Residents reach their organisation's entries too, but rarely belong to one: no link for them.
    roles: ['volunteer', 'professional', 'coordinator'],
    // A volunteer or professional without an organisation would only find "not a member yet": no link.
    visible: (principal) => reachedOrganisations(principal, 'socialmap.keep.list')?.length !== 0,
    tenantOnly: true,
  },
  {
    path: (slug) => `/${slug}/sociale-kaart/dekking`,
    labelKey: 'socialmap.keep.coverageNav',
    group: 'socialmap',
    roles: COORDINATOR_ROLES,
    tenantOnly: true,
  },
];

export const keepParts = {
  summarySections: [ontmoetenSection],
  nav,
  jobs: { [FRESHNESS_JOB]: freshnessJob },
  recurringJobs: [FRESHNESS_JOB],
  userData: {
    export: exportKeepUserData,
    forget: (trx, userId) => forgetKeepUserData(trx, userId),
  },
} satisfies Required<Pick<ModuleDefinition, 'summarySections' | 'nav' | 'jobs' | 'recurringJobs' | 'userData'>>;
