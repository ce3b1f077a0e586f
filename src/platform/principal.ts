import { Forbidden } from './errors.ts';
import type { Role } from './roles.ts';

/**
 * Who is acting, built once per request (app.ts) and handed to every service that reveals or
 * changes data: the user (or nobody), the municipality of the request, the user's roles and
 * organisations there, whether the second factor was passed in this session, and the moment.
 * Jobs and the command line build one with `systemPrincipal`.
 */
export interface Principal {
  userId: string | null;
  /** The municipality the request is about (null on pages outside a municipality). */
  tenantId: string | null;
  /** Roles of the user in that municipality. */
  roles: readonly Role[];
  /** Organisations the user belongs to in that municipality. */
  organisationIds: readonly string[];
  /**
   * The user's memberships in that municipality (role per organisation). When present, an
   * `organisation` reach counts only the organisations where the person holds a role that has
   * that reach: a professional at one organisation and a volunteer at another reaches only the first.
   */
  memberships?: readonly { role: Role; organisationId: string | null }[];
  /** The second factor was verified in this session (staff must have it for personal data). */
  mfaVerified: boolean;
  /** The request's moment, from the app's clock. */
  now: Date;
  /** True for jobs and the command line: not a person, may do what the job needs. */
  system?: true;
}

export interface Membership {
  tenantId: string;
  organisationId: string | null;
  role: Role;
}

/** The principal of a request: the user's memberships narrowed to the request's municipality. */
export function principalOf(
  user: { id: string; mfaVerified: boolean; memberships: readonly Membership[] } | null,
  tenantId: string | null,
  now: Date,
): Principal {
  const here = user && tenantId ? user.memberships.filter((m) => m.tenantId === tenantId) : [];
  return {
    userId: user?.id ?? null,
    tenantId,
    roles: [...new Set(here.map((m) => m.role))],
    organisationIds: [...new Set(here.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))],
    memberships: here.map((m) => ({ role: m.role, organisationId: m.organisationId })),
    mfaVerified: user?.mfaVerified ?? false,
    now,
  };
}

/** The principal of a job or command: acts for the platform itself in one municipality. */
export function systemPrincipal(tenantId: string | null, now: Date): Principal {
  return { userId: null, tenantId, roles: [], organisationIds: [], memberships: [], mfaVerified: true, now, system: true };
}

/**
 * How far a role reaches for one action:
 * - `all`: everything of the kind in the municipality;
 * - `organisation`: what belongs to (or is routed to) one of the principal's organisations;
 * - `own`: what the principal made or takes part in.
 */
export type Reach = 'all' | 'organisation' | 'own';

/** Who a rule is for: a role in the municipality, any signed-in person, or anyone at all. */
export type Subject = 'anyone' | 'signedIn' | Role;
export const SUBJECTS: readonly Subject[] = ['anyone', 'signedIn', 'resident', 'volunteer', 'professional', 'coordinator', 'admin'];

/** A module's rules: per action, the reach of each subject (absent: not allowed). `docs/authorization.md` shows the same table. */
export type PolicyRules<A extends string> = Readonly<Record<A, Readonly<Partial<Record<Subject, Reach>>>>>;

/** What can() needs to know about the thing acted on. */
export interface ResourceFacts {
  /** The municipality it belongs to: never reachable from another one. */
  tenantId: string;
  /** Organisations it belongs to or is routed to. */
  organisationIds?: readonly (string | null)[];
  /** People who made it or take part in it. */
  userIds?: readonly (string | null)[];
}

const ORDER: Record<Reach, number> = { own: 1, organisation: 2, all: 3 };

/** The widest reach the principal has for an action, or null. */
export function reachOf<A extends string>(rules: PolicyRules<A>, principal: Principal, action: A): Reach | null {
  const rule = rules[action];
  let best: Reach | null = null;
  const consider = (r: Reach | undefined) => {
    if (r && (!best || ORDER[r] > ORDER[best])) best = r;
  };
  consider(rule.anyone);
  if (principal.userId) consider(rule.signedIn);
  for (const role of principal.roles) consider(rule[role]);
  return best;
}

/**
 * The shared decision: the resource is in the principal's municipality and the principal's reach
 * covers it. System principals (jobs) may do anything within the municipality they run for.
 */
export function decide<A extends string>(rules: PolicyRules<A>, principal: Principal, action: A, resource?: ResourceFacts): boolean {
  if (resource && principal.tenantId !== null && resource.tenantId !== principal.tenantId) return false;
  if (principal.system) return true;
  const reach = reachOf(rules, principal, action);
  if (!reach) return false;
  // Without a resource (a list, a new thing): allowed at any reach; the service narrows the list by reachOf().
  if (reach === 'all' || !resource) return true;
  if (reach === 'organisation') {
    const mine = organisationsReaching(rules, principal, action);
    return (resource.organisationIds ?? []).some((o) => o !== null && mine.includes(o)) || isOwn(principal, resource);
  }
  return isOwn(principal, resource);
}

/**
 * The organisations through which the principal has an `organisation` reach for the action: those
 * of memberships whose role has that reach (all of them when the reach comes from `anyone` or
 * `signedIn`, or when the principal carries no memberships).
 */
export function organisationsReaching<A extends string>(rules: PolicyRules<A>, principal: Principal, action: A): readonly string[] {
  const rule = rules[action];
  if (!principal.memberships || rule.anyone === 'organisation' || (principal.userId && rule.signedIn === 'organisation')) {
    return principal.organisationIds;
  }
  return principal.memberships.flatMap((m) => (m.organisationId && rule[m.role] === 'organisation' ? [m.organisationId] : []));
}

function isOwn(principal: Principal, resource: ResourceFacts): boolean {
  return principal.userId !== null && (resource.userIds ?? []).includes(principal.userId);
}

/** Throws Forbidden unless allowed: what a service calls first. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw Forbidden();
}
