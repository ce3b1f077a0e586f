/**
 * Who may do what with the initiatives fund, voting and the youth channel (ADR 0007): one table
 * of rules, one `can()`. The same table is in docs/authorization.md (## initiatives): change both
 * together.
 *
 * Funds, rounds, funded initiatives, results and what became of youth ideas are public. A signed-in
 * resident applies and follows their own applications (`own`); a volunteer, professional or
 * coordinator can apply on someone's behalf. Co-signers confirm by link; paper voting codes and
 * youth ideas need no account. The coordinator keeps funds, reviews, decides, pays and checks.
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type InitiativeAction =
  | 'initiative.view'
  | 'initiative.apply'
  | 'initiative.applyOnBehalf'
  | 'initiative.findAccount'
  | 'initiative.track'
  | 'initiative.cosign'
  | 'initiative.account'
  | 'initiative.review'
  | 'initiative.decide'
  | 'initiative.pay'
  | 'initiative.spotCheck'
  | 'initiative.funds.manage'
  | 'initiative.calls.manage'
  | 'initiative.vote'
  | 'initiative.voteCodes'
  | 'youth.post'
  | 'youth.moderate';

export const RULES: PolicyRules<InitiativeAction> = {
  'initiative.view': { anyone: 'all' },
  'initiative.apply': { signedIn: 'own' },
  'initiative.applyOnBehalf': { volunteer: 'all', professional: 'all', coordinator: 'all' },
  /** Name a resident's account by e-mail when applying for them: this tells whether an address has an account here, so staff only. */
  'initiative.findAccount': { professional: 'all', coordinator: 'all' },
  'initiative.track': { signedIn: 'own', coordinator: 'all' },
  'initiative.cosign': { anyone: 'all' },
  'initiative.account': { signedIn: 'own', coordinator: 'all' },
  'initiative.review': { coordinator: 'all' },
  'initiative.decide': { coordinator: 'all' },
  'initiative.pay': { coordinator: 'all' },
  'initiative.spotCheck': { coordinator: 'all' },
  'initiative.funds.manage': { coordinator: 'all' },
  'initiative.calls.manage': { professional: 'all', coordinator: 'all' },
  'initiative.vote': { anyone: 'all' },
  'initiative.voteCodes': { coordinator: 'all' },
  'youth.post': { anyone: 'all' },
  'youth.moderate': { professional: 'all', coordinator: 'all' },
};

export function can(principal: Principal, action: InitiativeAction, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
