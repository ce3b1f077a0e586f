import type { FastifyInstance } from 'fastify';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { sql } from 'kysely';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { LANG_COOKIE } from './views.ts';
import type { Migration } from 'kysely';
import { safeReturn } from './return-address.ts';
import type { DbOrTrx } from '../db/database.ts';
import { migrationsPending } from '../db/migrate.ts';
import { NotFound } from '../errors.ts';
import { routes } from './route.ts';
import { PROJECT_ROOT as root } from '../paths.ts';

const require = createRequire(import.meta.url);

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Leaflet's browser build, served as `/static/vendor/leaflet/…` from the npm package (ADR 0008). */
const LEAFLET_FILES = [
  'leaflet.js',
  'leaflet.css',
  'images/marker-icon.png',
  'images/marker-icon-2x.png',
  'images/marker-shadow.png',
  'images/layers.png',
  'images/layers-2x.png',
];

/** Static files: our public/ folder, the NL Design System CSS and Leaflet, read once at start. */
function loadStatic(): Map<string, { body: Buffer; type: string }> {
  const files = new Map<string, { body: Buffer; type: string }>();
  const pub = join(root, 'public');
  for (const name of readdirSync(pub)) {
    const type = TYPES[extname(name)];
    if (type) files.set(name, { body: readFileSync(join(pub, name)), type });
  }
  files.set('utrecht/design-tokens.css', {
    body: readFileSync(require.resolve('@utrecht/design-tokens/dist/index.css')),
    type: TYPES['.css']!,
  });
  files.set('utrecht/components.css', {
    body: readFileSync(require.resolve('@utrecht/component-library-css/dist/index.css')),
    type: TYPES['.css']!,
  });
  const leaflet = dirname(require.resolve('leaflet/package.json'));
  for (const name of LEAFLET_FILES) {
    files.set(`vendor/leaflet/${name}`, { body: readFileSync(join(leaflet, 'dist', name)), type: TYPES[extname(name)]! });
  }
  // BSD-2-Clause: the licence travels with the redistributed files.
  files.set('vendor/leaflet/LICENSE.txt', { body: readFileSync(join(leaflet, 'LICENSE')), type: TYPES['.txt']! });
  return files;
}

/** A static file name (`/static/…`): the edge has no schema for the wildcard, so it is checked here. */
const staticName = z.string().max(200);
/** `?terug=`: any text (safeReturn decides); a repeated or odd value is ignored. */
const returnQuery = z.object({ terug: z.string().optional().catch(undefined) });

const healthResponse = z.object({ status: z.literal('ok') });
const readyResponse = z.object({ status: z.enum(['ready', 'not_ready']), database: z.string(), pendingMigrations: z.number() });

/** What the core routes need from the app's modules; the app hands it over (the platform imports no module). */
export interface CoreRoutesOptions {
  /** The municipalities, for the home page. */
  listTenants(db: DbOrTrx): Promise<readonly { slug: string; name: string }[]>;
  /** Every migration of the app, for readiness. */
  migrations(): Record<string, Migration>;
}

/** Routes of the platform itself: home, health, readiness, OpenAPI, language, static pages and files. */
export async function coreRoutes(app: FastifyInstance, { listTenants, migrations }: CoreRoutesOptions): Promise<void> {
  const statics = loadStatic();
  const route = routes(app);

  route.get('/static/*', { policy: 'public' }, async (req, reply) => {
    const name = staticName.safeParse(req.params['*']);
    const file = name.success ? statics.get(name.data) : undefined;
    if (!file) throw NotFound();
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });

  route.get(
    '/health',
    { policy: 'public', docs: { tags: ['platform'], summary: 'Liveness', response: { 200: healthResponse } } },
    async () => ({ status: 'ok' as const }),
  );

  route.get(
    '/ready',
    {
      policy: 'public',
      docs: {
        tags: ['platform'],
        summary: 'Readiness: database reachable and migrations done',
        response: { 200: readyResponse, 503: readyResponse },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(app.db);
        const pending = await migrationsPending(app.db, migrations());
        return reply
          .code(pending === 0 ? 200 : 503)
          .send({ status: pending === 0 ? 'ready' : 'not_ready', database: app.engine, pendingMigrations: pending });
      } catch {
        return reply.code(503).send({ status: 'not_ready' as const, database: app.engine, pendingMigrations: -1 });
      }
    },
  );

  route.get('/api/openapi.json', { policy: 'public' }, async () => app.swagger());

  route.get('/', { policy: 'public' }, async (req, reply) => {
    const tenants = await listTenants(app.db);
    if (tenants.length === 1) return reply.redirect(`/${tenants[0]!.slug}/`, 303);
    const { t } = req;
    return reply.page(
      <>
        <h1 class="utrecht-heading-1">{t('home.title')}</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">{t('home.lead')}</p>
        <h2 class="utrecht-heading-2">{t('home.chooseMunicipality')}</h2>
        {tenants.length === 0 ? (
          <p class="utrecht-paragraph">{t('home.noMunicipalities')}</p>
        ) : (
          <ul class="card-list">
            {tenants.map((tn) => (
              <li class="card">
                <a class="utrecht-link card__link" href={`/${tn.slug}/`}>
                  {tn.name}
                </a>
              </li>
            ))}
          </ul>
        )}
      </>,
      { title: t('home.title') },
    );
  });

  // An unknown language is not a page (404, by the params schema).
  const lang = z.enum(LOCALES as [Locale, ...Locale[]]);
  route.get('/taal/:lang', { policy: 'public', params: { lang }, query: returnQuery }, async (req, reply) => {
    const { lang } = req.params;
    // Only local paths: no open redirect (also not by `/\` or control characters), nothing a header cannot hold.
    const target = safeReturn(req.query.terug);
    reply.setCookie(LANG_COOKIE, lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 24 * 3600,
      secure: app.config.env === 'production',
    });
    return reply.redirect(target, 303);
  });

  route.get('/toegankelijkheid', { policy: 'public' }, async (req, reply) => {
    const { t } = req;
    return reply.page(
      <>
        <h1 class="utrecht-heading-1">{t('a11y.title')}</h1>
        <p class="utrecht-paragraph">{t('a11y.p1')}</p>
        <p class="utrecht-paragraph">{t('a11y.p2')}</p>
        <h2 class="utrecht-heading-2">{t('a11y.knownIssuesTitle')}</h2>
        <p class="utrecht-paragraph">{t('a11y.knownIssues')}</p>
        <h2 class="utrecht-heading-2">{t('a11y.contactTitle')}</h2>
        <p class="utrecht-paragraph">{t('a11y.contact')}</p>
      </>,
      { title: t('a11y.title') },
    );
  });

  route.get('/privacy', { policy: 'public' }, async (req, reply) => {
    const { t } = req;
    return reply.page(
      <>
        <h1 class="utrecht-heading-1">{t('privacy.title')}</h1>
        <p class="utrecht-paragraph">{t('privacy.p1')}</p>
        <p class="utrecht-paragraph">{t('privacy.p2', { months: app.config.auditRetentionMonths })}</p>
        <p class="utrecht-paragraph">{t('privacy.p3')}</p>
      </>,
      { title: t('privacy.title') },
    );
  });
}
