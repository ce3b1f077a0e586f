/**
 * Who may do what on the social map (ADR 0007): one table of rules, one `can()`. Services call it
 * before they reveal or change data; the routes' policies are derived from the same table. The same
 * table is in the authorization notes (authz-socialmap): change both together.
 *
 * Reach on the social map: `organisation` means the entry's organisation is linked to one of the
 * principal's people organisations (members maintain their own organisation's entries); `all` is
 * every entry of the municipality. The social map is public: finding and suggesting a correction
 * is for anyone. The coordinator maintains everything (the entries, the suggestions with the
 * suggesters' addresses, the coverage, the imports). The admin keeps only what is a setting: the
 * categories (taxonomy terms); being admin gives no rights on the entries (docs/authorization.md).
 */
import { NotFound } from '../../platform/errors.ts';
import {
  decide,
  organisationsReaching,
  reachOf,
  SUBJECTS,
  type PolicyRules,
  type Principal,
  type ResourceFacts,
} from '../../platform/principal.ts';
import type { Role } from '../../platform/roles.ts';

export type SocialmapAction =
  // Anyone
  | 'socialmap.find'
  | 'socialmap.suggest'
  // Providers (their own organisation's entries) and coordinators (all)
  | 'socialmap.keep.list'
  | 'socialmap.service.create'
  | 'socialmap.service.edit'
  | 'socialmap.location.edit'
  | 'socialmap.suggestion.handle'
  // Coordinators
  | 'socialmap.coverage.view'
  | 'socialmap.categories'
  | 'socialmap.import';

const MAINTAIN = {
  resident: 'organisation',
  volunteer: 'organisation',
  professional: 'organisation',
  coordinator: 'all',
} as const;
const COORDINATE = { coordinator: 'all' } as const;

export const RULES: PolicyRules<SocialmapAction> = {
  'socialmap.find': { anyone: 'all' },
  'socialmap.suggest': { anyone: 'all' },

  'socialmap.keep.list': MAINTAIN,
  'socialmap.service.create': MAINTAIN,
  'socialmap.service.edit': MAINTAIN,
  'socialmap.location.edit': MAINTAIN,
  'socialmap.suggestion.handle': MAINTAIN,

  'socialmap.coverage.view': COORDINATE,
  /** The categories are a setting of the municipality: the admin keeps them. */
  'socialmap.categories': { coordinator: 'all', admin: 'all' },
  'socialmap.import': COORDINATE,
};

/** What can() knows about a social map entry: its municipality and the people organisation linked to it. */
export interface SocialmapFacts extends ResourceFacts {
  /** A place of another organisation than the entry's (shared): only `all` reaches it. */
  sharedWithOtherOrganisation?: boolean;
}

/** May the principal do this (on this entry)? */
export function can(principal: Principal, action: SocialmapAction, resource?: SocialmapFacts): boolean {
  if (!decide(RULES, principal, action, resource)) return false;
  // A shared place is maintained by its own organisation (or a coordinator), not by every organisation using it.
  if (action === 'socialmap.location.edit' && resource?.sharedWithOtherOrganisation && !principal.system) {
    return reachOf(RULES, principal, action) === 'all';
  }
  return true;
}

/** The people organisations whose entries the principal reaches for this action; null: every one of the municipality. */
export function reachedOrganisations(principal: Principal, action: SocialmapAction): readonly string[] | null {
  return principal.system || reachOf(RULES, principal, action) === 'all' ? null : organisationsReaching(RULES, principal, action);
}

/** The roles a rule names (for the route policy, which only lets them in; can() decides the rest). */
export function rolesFor(action: SocialmapAction): readonly Role[] {
  const rule = RULES[action];
  return SUBJECTS.filter((s): s is Role => s !== 'anyone' && s !== 'signedIn' && rule[s] !== undefined);
}

/** The municipality the principal acts in (pages under `/:tenant/` always have one). */
export function tenantOf(principal: Principal): string {
  if (!principal.tenantId) throw NotFound();
  return principal.tenantId;
}
