/**
 * Who may do what with programmes and project cards (ADR 0007): one table of rules, one `can()`.
 * The same table is in docs/authorization.md (## programmes): change both together.
 *
 * A municipality's programmes, project cards, action table and financing are public documents
 * once active (drafts only for staff). The coordinator keeps programmes; partner professionals
 * keep the cards their organisation owns (reach `organisation`). Anyone with a code fills in the
 * project monitoring form; the answers are shown only together (per card and programme).
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type ProgrammeAction =
  | 'programme.view'
  | 'programme.viewDraft'
  | 'programme.manage'
  | 'project.create'
  | 'project.edit'
  | 'project.monitor.invite'
  | 'project.monitor.respond'
  | 'project.monitor.enterPaper'
  | 'project.monitor.results'
  | 'forum.view'
  | 'forum.manage'
  | 'subsidy.submit'
  | 'subsidy.view'
  | 'subsidy.decide';

export const RULES: PolicyRules<ProgrammeAction> = {
  'programme.view': { anyone: 'all' },
  'programme.viewDraft': { professional: 'all', coordinator: 'all' },
  'programme.manage': { coordinator: 'all' },
  'project.create': { professional: 'organisation', coordinator: 'all' },
  'project.edit': { professional: 'organisation', coordinator: 'all' },
  'project.monitor.invite': { professional: 'organisation', coordinator: 'all' },
  'project.monitor.respond': { anyone: 'all' },
  'project.monitor.enterPaper': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  'project.monitor.results': { professional: 'all', coordinator: 'all' },
  'forum.view': { professional: 'all', coordinator: 'all' },
  'forum.manage': { coordinator: 'all' },
  'subsidy.submit': { professional: 'organisation', coordinator: 'all' },
  'subsidy.view': { professional: 'organisation', coordinator: 'all' },
  'subsidy.decide': { coordinator: 'all' },
};

export function can(principal: Principal, action: ProgrammeAction, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
