/**
 * Who may do what with evaluations, social return and the intervention library (issue 16, ADR
 * 0007): one table of rules, one `can()`. The same table is in docs/authorization.md
 * (## evaluation): change both together.
 *
 * Published evaluations, their results and published intervention cards are public (the
 * neighbourhood page, the project card, the library, "learning together"). Drafts and running
 * evaluations the municipality has not published are for its staff. A coordinator registers,
 * edits and publishes evaluations and cards and imports cards; a professional edits the social
 * return of their own organisation's project cards, as they edit the card itself.
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type EvaluationAction =
  | 'evaluation.view'
  | 'evaluation.viewDraft'
  | 'evaluation.manage'
  | 'evaluation.publish'
  | 'socialReturn.view'
  | 'socialReturn.edit'
  | 'intervention.view'
  | 'intervention.manage'
  | 'intervention.import';

export const RULES: PolicyRules<EvaluationAction> = {
  'evaluation.view': { anyone: 'all' },
  'evaluation.viewDraft': { professional: 'all', coordinator: 'all' },
  'evaluation.manage': { coordinator: 'all' },
  'evaluation.publish': { coordinator: 'all' },
  'socialReturn.view': { anyone: 'all' },
  'socialReturn.edit': { professional: 'organisation', coordinator: 'all' },
  'intervention.view': { anyone: 'all' },
  'intervention.manage': { coordinator: 'all' },
  'intervention.import': { coordinator: 'all' },
};

export function can(principal: Principal, action: EvaluationAction, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
