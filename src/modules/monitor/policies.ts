/**
 * Who may do what with the monitor (ADR 0007): one table of rules, one `can()`. Services call
 * `authorize(can(principal, action))` before they reveal or change data. The same table is in
 * docs/authorization.md (authz-monitor): change both together.
 *
 * Published figures (the neighbourhood page, suppressed below their threshold) are public. The
 * coordinator keeps indicators, targets, imports and the wijkperspectief; professionals of partner
 * organisations read the monitor and contribute to the wijkperspectief (SWOT, knelpunten).
 */
import { decide, type PolicyRules, type Principal, type ResourceFacts } from '../../platform/principal.ts';

export type MonitorAction =
  | 'monitor.figures.view'
  | 'monitor.indicators.list'
  | 'monitor.indicators.manage'
  | 'monitor.targets.manage'
  | 'monitor.import'
  | 'monitor.recompute'
  | 'monitor.perspective.view'
  | 'monitor.perspective.viewDraft'
  | 'monitor.perspective.edit'
  | 'monitor.perspective.contribute';

export const RULES: PolicyRules<MonitorAction> = {
  'monitor.figures.view': { anyone: 'all' },
  'monitor.indicators.list': { professional: 'all', coordinator: 'all', admin: 'all' },
  'monitor.indicators.manage': { coordinator: 'all' },
  'monitor.targets.manage': { coordinator: 'all' },
  'monitor.import': { coordinator: 'all' },
  'monitor.recompute': { coordinator: 'all' },
  'monitor.perspective.view': { anyone: 'all' },
  'monitor.perspective.viewDraft': { professional: 'all', coordinator: 'all' },
  'monitor.perspective.edit': { coordinator: 'all' },
  'monitor.perspective.contribute': { professional: 'all', coordinator: 'all' },
};

export function can(principal: Principal, action: MonitorAction, resource?: ResourceFacts): boolean {
  return decide(RULES, principal, action, resource);
}
