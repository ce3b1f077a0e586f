import './platform/i18n/platform.messages.ts';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { databaseRateLimitStore } from './platform/http/rate-limit-store.ts';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { tileOrigin, type Config } from './platform/config.ts';
import type { DbHandle } from './platform/db/database.ts';
import { enforcePolicy } from './platform/http/policy.ts';
import { verifyCsrf } from './platform/http/csrf.ts';
import { registerViews } from './platform/http/views.ts';
import { frameworkErrors, registerErrorHandlers } from './platform/http/error-handler.tsx';
import { endUnusedConnectionsOnClose } from './platform/http/unused-connections.ts';
import { coreRoutes } from './platform/http/core-routes.tsx';
import { MODULES } from './modules/index.ts';
import { allMigrations } from './modules/migrations.ts';
import { findTenantBySlug } from './modules/areas/areas.service.ts';
import { listTenants } from './platform/tenants/tenants.service.ts';
import { loadSessionUser } from './modules/people/auth/session.service.ts';
import type { Clock } from './platform/clock.ts';
import type { AttentionSource, CohesionFunctionEntry, ModuleDefinition, SummarySection } from './platform/module.ts';
import { systemClock } from './platform/clock.ts';
import { principalOf } from './platform/principal.ts';
import { stringField } from './platform/http/untyped.ts';
import { loadTenantTables, scoped } from './platform/db/tenant-scope.ts';

export interface BuildOptions {
  config: Config;
  database: DbHandle;
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock;
    /** Methods that have a route for this concrete path (for 405 answers with an Allow header). */
    allowedMethods(path: string): string[];
    /** Sections of the neighbourhood page contributed by modules (computed by the area-summaries job), sorted by order. */
    summarySections: readonly SummarySection[];
    /** What modules count for the staff start page (`/{tenant}/beheer`), sorted by order. */
    attentionSources: readonly AttentionSource[];
    /** The start of each function of cohesion that a module serves (the municipality home links them). */
    cohesionFunctions: readonly CohesionFunctionEntry[];
    /** Modules holding a person's data: used by the account export and account deletion. */
    userDataHolders: readonly { module: string; data: NonNullable<ModuleDefinition['userData']> }[];
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Trust the nearest `hops` proxies (as proxy-addr counts them: hop 0 is the socket peer). */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

/** Build the Fastify app: platform first, then each module, explicitly and in order. */
export async function buildApp({ config, database, clock = systemClock }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // No personal data in logs: no query strings (tokens, e-mail), no bodies, no cookies.
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unknown' }),
            },
          },
    bodyLimit: 256 * 1024,
    // Only configured proxies may say who the client is (TRUST_PROXY); default: none.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    routerOptions: { ignoreTrailingSlash: false },
    // Bad percent-encoding (400) and overlong path segments (414) in our error format, not Fastify's.
    frameworkErrors,
  });
  endUnusedConnectionsOnClose(app);

  app.decorate('config', config);
  app.decorate('db', database.db);
  app.decorate('engine', database.engine);
  app.decorate('clock', clock);
  app.decorate('routesWithoutPolicy', [] as string[]);
  app.decorate('fixedTopSegments', new Set<string>());
  app.decorate(
    'summarySections',
    MODULES.flatMap((m) => m.summarySections ?? []).sort((a, b) => a.order - b.order),
  );
  app.decorate(
    'attentionSources',
    MODULES.flatMap((m) => m.attention ?? []).sort((a, b) => a.order - b.order),
  );
  app.decorate(
    'cohesionFunctions',
    MODULES.flatMap((m) => m.cohesionFunctions ?? []),
  );
  app.decorate(
    'userDataHolders',
    MODULES.flatMap((m) => (m.userData ? [{ module: m.name, data: m.userData }] : [])),
  );
  app.decorateRequest('user', null);
  app.decorateRequest('tenant', null);
  app.decorateRequest('roles', null as never);
  app.decorateRequest('principal', null as never);
  app.decorateRequest('upload', null);
  app.decorateRequest('db', null as never);
  // Which tables are tenant-scoped, read from the catalogue: `req.db` under /:tenant/ is scoped to the tenant.
  await loadTenantTables(app.db);
  app.addHook('onRequest', async (req) => {
    req.roles = [];
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A second router that only knows which methods exist per path: Fastify matches a URL against
  // one method at a time, so a wrong method would otherwise look like an unknown path (404).
  const methodIndex = FindMyWay();
  app.decorate('allowedMethods', (path: string) =>
    (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((m) => methodIndex.find(m, path) !== null),
  );
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD' || methodIndex.find(method as HTTPMethod, route.url)) continue;
      methodIndex.on(method as HTTPMethod, route.url, () => undefined);
    }
    const top = route.url.split('/')[1] ?? '';
    if (top && !top.startsWith(':') && top !== '*') app.fixedTopSegments.add(top);
    if (route.config?.policy === undefined) {
      const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
      if (methods !== 'HEAD') app.routesWithoutPolicy.push(`${methods} ${route.url}`);
    }
  });

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Map tiles come from the configured tile server (src/ui/map.tsx).
        imgSrc: ["'self'", 'data:', ...(config.mapTiles.url ? [tileOrigin(config.mapTiles.url)] : [])],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
    hsts: config.env === 'production' ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5, fields: 50 } });
  // Counted in the database, so that every app process shares the limits (rate-limit-store.ts).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samenhang API',
        version: '0.1.0',
        description: 'JSON APIs of Samenhang: areas, health, and (per tenant) Open311 and HSDS.',
      },
    },
    transform: (args) => {
      const transformed = jsonSchemaTransform(args);
      const tags = (args.schema as { tags?: string[] } | undefined)?.tags;
      if (!tags || tags.length === 0) return { ...transformed, schema: { ...transformed.schema, hide: true } };
      return transformed;
    },
  });

  registerViews(
    app,
    MODULES.flatMap((m) => m.nav ?? []),
  );
  registerErrorHandlers(app);

  // Who is asking, for which tenant, and may they? Runs before the body is read.
  app.addHook('onRequest', async (req, reply) => {
    // Before validation: the route's schema has not run yet, so read the one field by hand.
    const slug = stringField(req.params, 'tenant');
    const tenant = slug === undefined ? undefined : await findTenantBySlug(app.db, slug);
    // The user's memberships in this request's municipality only (session.service.ts).
    req.user = await loadSessionUser(app, req, reply, tenant?.id ?? null);
    if (slug !== undefined && !tenant) return reply.callNotFound();
    if (tenant) {
      req.tenant = tenant;
      req.roles = req.user ? req.user.memberships.filter((m) => m.tenantId === tenant.id).map((m) => m.role) : [];
    }
    req.principal = principalOf(req.user, req.tenant?.id ?? null, app.clock.now());
    req.db = req.tenant ? scoped(app.db, req.tenant.id) : app.db;
    // The not-found handler has no policy of its own: it only ever shows a 404 or 405.
    if (!req.is404) enforcePolicy(req.routeOptions.config.policy, req);
  });

  app.addHook('preHandler', async (req) => {
    if (UNSAFE.has(req.method) && !req.is404 && req.routeOptions.config.csrf !== false) verifyCsrf(req, config.sessionSecret);
  });

  await app.register(coreRoutes, { listTenants, migrations: allMigrations });
  for (const mod of MODULES) {
    if (mod.routes) await app.register(mod.routes);
  }

  return app;
}
