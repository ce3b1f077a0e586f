/**
 * Where a person lands after signing in when they came from no particular page: staff on their
 * municipality's start page (`/{tenant}/beheer`), anyone else on the home page of their
 * municipality (a new resident on the one they chose when registering), someone without a
 * municipality on the chooser (`/`).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { membershipsOfUser } from '../../../platform/auth/memberships.service.ts';
import { findTenantById } from '../../../platform/tenants/tenants.service.ts';
import type { Role } from '../../../platform/roles.ts';

const STAFF: readonly Role[] = ['professional', 'coordinator', 'admin'];
/** A municipality's home page: `/{slug}/`. */
const TENANT_HOME = /^\/([a-z0-9-]+)\/$/;

export async function landingFor(db: DbOrTrx, userId: string, terug: string): Promise<string> {
  const home = TENANT_HOME.exec(terug);
  if (terug !== '/' && !home) return terug;
  const memberships = await membershipsOfUser(db, userId);
  const slugOf = async (tenantId: string) => (await findTenantById(db, tenantId))?.slug ?? null;
  if (home) {
    // From a municipality's home page: its start page for staff there, else back to that page.
    for (const m of memberships) {
      if (STAFF.includes(m.role) && (await slugOf(m.tenantId)) === home[1]) return `/${home[1]}/beheer`;
    }
    return terug;
  }
  const staff = memberships.find((m) => STAFF.includes(m.role));
  const first = staff ?? memberships[0];
  const slug = first ? await slugOf(first.tenantId) : null;
  if (!slug) return '/';
  return staff ? `/${slug}/beheer` : `/${slug}/`;
}
