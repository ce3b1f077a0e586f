import { authorize, type Principal } from '../../../platform/principal.ts';
import { can, type EvaluationAction } from '../policies.ts';

/** The principal acts in this municipality (jobs anywhere) and has the action. */
export function allow(principal: Principal, tenantId: string, action: EvaluationAction): void {
  authorize((principal.system === true || principal.tenantId === tenantId) && can(principal, action, { tenantId }));
}

/** Staff see drafts and unpublished evaluations of their own municipality. */
export function seesDrafts(principal: Principal, tenantId: string): boolean {
  return (principal.system === true || principal.tenantId === tenantId) && can(principal, 'evaluation.viewDraft', { tenantId });
}
