import type { Config } from '../config.ts';
import type { Db, Engine } from '../db/database.ts';
import type { Locale, Translate } from '../i18n/index.ts';
import type { Role } from '../roles.ts';
import type { Policy } from './policy.ts';
import type { Principal } from '../principal.ts';
import type { ViewContext } from '../../ui/context.ts';
import type { VNode } from 'preact';

/** The signed-in user as every route sees it. */
export interface RequestUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  isDemo: boolean;
  /** TOTP is set up for this account. */
  mfaEnabled: boolean;
  /** The second factor was verified in this session. */
  mfaVerified: boolean;
  sessionId: string;
  /**
   * The user's memberships in the request's municipality only (none on a request without one);
   * pages that need every municipality ask `membershipsOfUser` / `isStaffAnywhere`.
   */
  memberships: readonly { tenantId: string; organisationId: string | null; role: Role }[];
}

export interface RequestTenant {
  id: string;
  slug: string;
  name: string;
}

export interface PageOptions {
  title: string;
  status?: number;
  breadcrumbs?: { href: string; label: string }[];
  /**
   * For anonymous visitors only: keep the rendered document while every one of these objects lives
   * (e.g. the frozen summaries of an area and the cached area itself), per URL and language, and
   * send it again without rendering. Signed-in visitors always get a fresh render. A document
   * holding the visitor's CSRF token is never kept. See docs/performance.md.
   */
  anonymousCacheDeps?: readonly object[];
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    engine: Engine;
    /** Routes registered without a policy; must stay empty (checked by a test). */
    routesWithoutPolicy: string[];
    /** First path segments of routes that do not start with a parameter (`aanmelden`, `api`…): a tenant slug must not be one of them. */
    fixedTopSegments: Set<string>;
  }
  interface FastifyRequest {
    user: RequestUser | null;
    tenant: RequestTenant | null;
    locale: Locale;
    t: Translate;
    /** Roles of the user in request.tenant. */
    roles: readonly Role[];
    /**
     * The database for this request: under /:tenant/ scoped to the tenant (src/platform/db/tenant-scope.ts),
     * so a query that forgets `where tenant_id` cannot reach another municipality; elsewhere the plain handle.
     */
    db: Db;
    /** Who is acting: built once per request after the tenant is known (src/platform/principal.ts). */
    principal: Principal;
    viewContext(): ViewContext;
  }
  interface FastifyReply {
    /** Render a page in the layout and send it. */
    page(body: VNode, opts: PageOptions): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Who may use this route; every route must declare one. */
    policy?: Policy;
    /** Skip CSRF checks (JSON APIs with their own authentication). */
    csrf?: false;
  }
}
