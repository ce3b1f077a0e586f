import type { Locale, Translate } from '../platform/i18n/index.ts';
import type { Role } from '../platform/roles.ts';

/** What every view knows about the request; built once per request by the views plugin. */
export interface ViewContext {
  t: Translate;
  locale: Locale;
  /** Path and query of the current page (for the language switch and sign-in return). */
  path: string;
  csrfToken: string;
  user: { id: string; name: string; isDemo: boolean } | null;
  tenant: { id: string; slug: string; name: string } | null;
  /** Roles of the user in the current tenant. */
  roles: readonly Role[];
  nav: readonly NavItem[];
}

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

/**
 * A path under the current tenant (`/{slug}{path}`) for a view of a tenant page. Such views are only
 * rendered under `/:tenant/…`; without a tenant this is a programming error, not a missing page.
 */
export function tenantPath(ctx: ViewContext, path: string): string {
  if (!ctx.tenant) throw new Error(`tenantPath(${path}) outside a tenant page`);
  return `/${ctx.tenant.slug}${path}`;
}
