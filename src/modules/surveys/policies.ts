/**
 * Who may do what with surveys (ADR 0007): one table of rules, one `can()`. The same table is in
 * docs/authorization.md (authz-surveys): change both together.
 *
 * Anyone with the open link or a code may answer (once per code). Volunteers, professionals and
 * coordinators enter a paper response on a respondent's behalf. The coordinator builds surveys,
 * makes codes and opens and closes them. Nobody, not even the coordinator, sees a single response:
 * results exist only per area and above the threshold (see results/).
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type SurveyAction =
  'survey.respond' | 'survey.enterPaper' | 'survey.list' | 'survey.manage' | 'survey.codes' | 'survey.results.view';

export const RULES: PolicyRules<SurveyAction> = {
  'survey.respond': { anyone: 'all' },
  'survey.enterPaper': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  'survey.list': { professional: 'all', coordinator: 'all' },
  'survey.manage': { coordinator: 'all' },
  'survey.codes': { coordinator: 'all' },
  'survey.results.view': { anyone: 'all' },
};

export function can(principal: Principal, action: SurveyAction, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
