import type { FastifyRequest } from 'fastify';
import type { Role } from '../roles.ts';
import { AppError, Forbidden, Unauthorized } from '../errors.ts';

/**
 * Who may use a route. Every route declares one in `config.policy`:
 * - `public`: anyone;
 * - `signedIn`: any signed-in user;
 * - `{ roles, personalData? }`: a user with one of the roles in the request's tenant;
 *   `personalData: true` marks routes that show other people's personal data: staff roles must
 *   then have passed the second factor in this session.
 */
export type Policy = 'public' | 'signedIn' | { roles: readonly Role[]; personalData?: boolean };

/** Roles that must use a second factor before seeing other people's personal data. */
export const STAFF_ROLES: readonly Role[] = ['professional', 'coordinator', 'admin'];

export class MfaRequiredError extends AppError {
  constructor() {
    super(403, 'mfa_required', 'error.mfaRequired');
  }
}

/** Throws Unauthorized/Forbidden when the request does not satisfy the policy. */
export function enforcePolicy(policy: Policy | undefined, req: FastifyRequest): void {
  if (policy === undefined) throw Forbidden('error.noPolicy');
  if (policy === 'public') return;
  if (!req.user) throw Unauthorized();
  if (policy === 'signedIn') return;
  if (!req.tenant) throw Forbidden();
  const has = req.roles.some((r) => policy.roles.includes(r));
  if (!has) throw Forbidden();
  if (policy.personalData && req.roles.some((r) => STAFF_ROLES.includes(r)) && !req.user.mfaVerified) {
    throw new MfaRequiredError();
  }
}

/** True when the user has one of the roles in the given tenant. */
export function hasRole(req: FastifyRequest, ...roles: Role[]): boolean {
  return req.roles.some((r) => roles.includes(r));
}
