/** The HSDS 3.0 API under `/{tenant}/hsds/`: public, JSON, in the OpenAPI document (tag hsds). */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../platform/db/database.ts';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/http/api-docs.ts';
import { routes } from '../../../platform/http/route.ts';
import { idParam, listQueryDoc, parseListParams, type ListQueryDoc } from './params.ts';
import * as api from './api.ts';
import { CSV_FILES, datapackage, exportCsv, exportJson } from './export.ts';

const loose = z.looseObject({});
const pageSchema = z.looseObject({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(loose),
});
/** Any file name: an unknown one is a 404 (not a 400), as documented. */
const fileParam = z.string().describe(`One of ${CSV_FILES.join(', ')}`);
/**
 * Every status these routes answer (the official HSDS OpenAPI lists only 200): 400 bad parameter
 * or path, 404 unknown municipality or record, 414 too long a path segment, 429 too many requests
 * (exports, or many not-found answers to one client).
 */
const errors = errorResponses(400, 404, 414, 429);
const policy = 'public' as const;
// A full export reads the whole social map of the municipality: limited per client (a tabular download is 24 requests).
const EXPORT_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };
const tags = ['hsds'];

/** Register the HSDS API routes. */
export async function hsdsRoutes(app: FastifyInstance): Promise<void> {
  const route = routes(app);
  const found = <T>(v: T | null): T => {
    if (v === null) throw NotFound('socialmap.hsds.notFound');
    return v;
  };

  route.get(
    '/:tenant/hsds/',
    { policy, docs: { tags, summary: 'HSDS API information (version, profile, OpenAPI)', response: { 200: loose, ...errors } } },
    async (req) => api.apiInfo(app.config.baseUrl, req.tenant.slug),
  );

  const list = (
    path: `/:tenant/hsds/${string}`,
    summary: string,
    fn: (db: Db, tenantId: string, p: ReturnType<typeof parseListParams>, now: Date) => Promise<Record<string, unknown>>,
  ) =>
    route.get(
      path,
      { policy, query: listQueryDoc, docs: { tags, summary, response: { 200: pageSchema, ...errors } } },
      async (req) => fn(req.db, req.tenant.id, parseListParams(req.query), app.clock.now()) as Promise<z.infer<typeof pageSchema>>,
    );
  const one = (
    path: `/:tenant/hsds/${string}/:id`,
    summary: string,
    fn: (db: Db, tenantId: string, id: string, query: ListQueryDoc, now: Date) => Promise<Record<string, unknown> | null>,
  ) =>
    route.get(
      path,
      { policy, params: { id: idParam }, query: listQueryDoc, docs: { tags, summary, response: { 200: loose, ...errors } } },
      async (req) => found(await fn(req.db, req.tenant.id, req.params.id, req.query, app.clock.now())),
    );

  list(
    '/:tenant/hsds/services',
    'Active services (Page); filters search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, postcode, proximity',
    (db, t, p, now) => api.servicesPage(db, t, p, now),
  );
  one('/:tenant/hsds/services/:id', 'One active service, fully nested (lang=en: its terms in English)', (db, t, id, q, now) =>
    api.serviceById(db, t, id, now, parseListParams(q).lang),
  );
  list('/:tenant/hsds/organizations', 'Organizations (Page)', (db, t, p, now) => api.organizationsPage(db, t, p, now));
  one('/:tenant/hsds/organizations/:id', 'One organization with its locations and services', (db, t, id, q, now) =>
    api.organizationById(db, t, id, parseListParams(q).full_service === true, now, parseListParams(q).lang),
  );
  list('/:tenant/hsds/taxonomies', 'Taxonomies (Page)', (db, t, p) => api.taxonomiesPage(db, t, p));
  one('/:tenant/hsds/taxonomies/:id', 'One taxonomy (lang=en: in English)', (db, t, id, q) =>
    api.taxonomyById(db, t, id, parseListParams(q).lang),
  );
  list('/:tenant/hsds/taxonomy_terms', 'Taxonomy terms (Page); filters taxonomy_id, parent_id, top_only', (db, t, p) =>
    api.termsPage(db, t, p),
  );
  one('/:tenant/hsds/taxonomy_terms/:id', 'One taxonomy term (lang=en: in English)', (db, t, id, q) =>
    api.termById(db, t, id, parseListParams(q).lang),
  );
  list('/:tenant/hsds/service_at_locations', 'Services at locations (Page); same filters as services', (db, t, p, now) =>
    api.serviceAtLocationsPage(db, t, p, now),
  );
  one('/:tenant/hsds/service_at_locations/:id', 'One service at a location, fully nested', (db, t, id, q, now) =>
    api.serviceAtLocationById(db, t, id, now, parseListParams(q).lang),
  );

  route.get(
    '/:tenant/hsds/export.json',
    {
      policy,
      rateLimit: EXPORT_RATE_LIMIT,
      docs: {
        tags,
        summary: 'Full export as HSDS JSON (organizations, locations, services, taxonomies, terms)',
        response: { 200: loose, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('content-disposition', `attachment; filename="hsds-${req.tenant.slug}.json"`);
      return exportJson(req.db, req.tenant.id, app.clock.now());
    },
  );

  route.get(
    '/:tenant/hsds/export/datapackage.json',
    {
      policy,
      rateLimit: EXPORT_RATE_LIMIT,
      docs: { tags, summary: 'Full export as an HSDS tabular data package (descriptor)', response: { 200: loose, ...errors } },
    },
    async (req) => datapackage(`${app.config.baseUrl}/${req.tenant.slug}/hsds/export`, app.clock.now()),
  );

  route.get(
    '/:tenant/hsds/export/:file',
    {
      policy,
      rateLimit: EXPORT_RATE_LIMIT,
      params: { file: fileParam },
      docs: {
        tags,
        summary: `One CSV of the data package: ${CSV_FILES.join(', ')}`,
        response: { 200: z.string().describe('The table as CSV (text/csv)'), ...errors },
      },
    },
    async (req, reply) => {
      const csv = await exportCsv(req.db, req.tenant.id, req.params.file, app.clock.now());
      if (csv === null) throw NotFound('socialmap.hsds.notFound');
      reply.type('text/csv; charset=utf-8');
      return csv;
    },
  );
}
