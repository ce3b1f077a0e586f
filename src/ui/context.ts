import type { Locale, Translate } from '../platform/i18n/index.ts';
import type { Role } from '../platform/roles.ts';
import type { MapTiles } from '../platform/config.ts';
import { createContext } from 'preact';

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
  /** Map tiles (configured); absent in views rendered outside a request (maps then draw without tiles). */
  mapTiles?: MapTiles;
}

/**
 * The view context for components deep in a page that take no `ctx` prop (the maps of src/ui/map.tsx);
 * provided around every page by renderDocument.
 */
export const PageContext = createContext<ViewContext | null>(null);

export interface NavItem {
  href: string;
  label: string;
  /** This page, or (for a group) one of its items is this page. */
  current: boolean;
  /** A group of the main menu with more than one item: shown as a menu that opens (`<details>`); `href` is its first item. */
  children?: readonly NavItem[];
}

/**
 * A path under the current tenant (`/{slug}{path}`) for a view of a tenant page. Such views are only
 * rendered under `/:tenant/…`; without a tenant this is a programming error, not a missing page.
 */
export function tenantPath(ctx: ViewContext, path: string): string {
  if (!ctx.tenant) throw new Error(`tenantPath(${path}) outside a tenant page`);
  return `/${ctx.tenant.slug}${path}`;
}
