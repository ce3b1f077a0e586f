/** The HSDS 3.0 API under `/{tenant}/hsds/`: public, JSON, in the OpenAPI document (tag hsds). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../../platform/errors.ts';
import { errorResponses } from '../../../platform/http/api-docs.ts';
import { idParams, listQueryDoc, parseListParams, tenantParams } from './params.ts';
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
const fileParams = z.object({ tenant: z.string(), file: z.string() });
/**
 * Every status these routes answer (the official HSDS OpenAPI lists only 200): 400 bad parameter
 * or path, 404 unknown municipality or record, 414 too long a path segment, 429 too many requests
 * (exports, or many not-found answers to one client).
 */
const errors = errorResponses(400, 404, 414, 429);

/** Register the HSDS API routes. */
export async function hsdsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cfg = { policy: 'public' as const };
  // A full export reads the whole social map of the municipality: limited per client (a tabular download is 24 requests).
  const exportCfg = { policy: 'public' as const, rateLimit: { max: 60, timeWindow: '1 minute' } };
  const tags = ['hsds'];
  const found = <T>(v: T | null): T => {
    if (v === null) throw NotFound('socialmap.hsds.notFound');
    return v;
  };

  app.get(
    '/:tenant/hsds/',
    {
      config: cfg,
      schema: {
        tags,
        summary: 'HSDS API information (version, profile, OpenAPI)',
        params: tenantParams,
        response: { 200: loose, ...errors },
      },
    },
    async (req) => api.apiInfo(app.config.baseUrl, req.tenant!.slug),
  );

  const list = (
    path: string,
    summary: string,
    fn: (tenantId: string, p: ReturnType<typeof parseListParams>) => Promise<Record<string, unknown>>,
  ) =>
    app.get(
      path,
      { config: cfg, schema: { tags, summary, params: tenantParams, querystring: listQueryDoc, response: { 200: pageSchema, ...errors } } },
      async (req) => fn(req.tenant!.id, parseListParams(req.query)) as Promise<z.infer<typeof pageSchema>>,
    );
  const one = (
    path: string,
    summary: string,
    fn: (tenantId: string, id: string, query: Record<string, unknown>) => Promise<Record<string, unknown> | null>,
  ) =>
    app.get(
      path,
      { config: cfg, schema: { tags, summary, params: idParams, querystring: listQueryDoc, response: { 200: loose, ...errors } } },
      async (req) => found(await fn(req.tenant!.id, req.params.id, req.query)),
    );

  list(
    '/:tenant/hsds/services',
    'Active services (Page); filters search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, postcode, proximity',
    (t, p) => api.servicesPage(app.db, t, p),
  );
  one('/:tenant/hsds/services/:id', 'One active service, fully nested', (t, id) => api.serviceById(app.db, t, id));
  list('/:tenant/hsds/organizations', 'Organizations (Page)', (t, p) => api.organizationsPage(app.db, t, p));
  one('/:tenant/hsds/organizations/:id', 'One organization with its locations and services', (t, id, q) =>
    api.organizationById(app.db, t, id, parseListParams(q).full_service === true),
  );
  list('/:tenant/hsds/taxonomies', 'Taxonomies (Page)', (t, p) => api.taxonomiesPage(app.db, t, p));
  one('/:tenant/hsds/taxonomies/:id', 'One taxonomy', (t, id) => api.taxonomyById(app.db, t, id));
  list('/:tenant/hsds/taxonomy_terms', 'Taxonomy terms (Page); filters taxonomy_id, parent_id, top_only', (t, p) =>
    api.termsPage(app.db, t, p),
  );
  one('/:tenant/hsds/taxonomy_terms/:id', 'One taxonomy term', (t, id) => api.termById(app.db, t, id));
  list('/:tenant/hsds/service_at_locations', 'Services at locations (Page); same filters as services', (t, p) =>
    api.serviceAtLocationsPage(app.db, t, p),
  );
  one('/:tenant/hsds/service_at_locations/:id', 'One service at a location, fully nested', (t, id) =>
    api.serviceAtLocationById(app.db, t, id),
  );

  app.get(
    '/:tenant/hsds/export.json',
    {
      config: exportCfg,
      schema: {
        tags,
        summary: 'Full export as HSDS JSON (organizations, locations, services, taxonomies, terms)',
        params: tenantParams,
        response: { 200: loose, ...errors },
      },
    },
    async (req, reply) => {
      reply.header('content-disposition', `attachment; filename="hsds-${req.tenant!.slug}.json"`);
      return exportJson(app.db, req.tenant!.id, app.clock.now());
    },
  );

  app.get(
    '/:tenant/hsds/export/datapackage.json',
    {
      config: exportCfg,
      schema: {
        tags,
        summary: 'Full export as an HSDS tabular data package (descriptor)',
        params: tenantParams,
        response: { 200: loose, ...errors },
      },
    },
    async (req) => datapackage(`${app.config.baseUrl}/${req.tenant!.slug}/hsds/export`, app.clock.now()),
  );

  app.get(
    '/:tenant/hsds/export/:file',
    {
      config: exportCfg,
      schema: {
        tags,
        summary: `One CSV of the data package: ${CSV_FILES.join(', ')}`,
        params: fileParams,
        response: { 200: z.string().describe('The table as CSV (text/csv)'), ...errors },
      },
    },
    async (req, reply) => {
      const csv = await exportCsv(app.db, req.tenant!.id, req.params.file);
      if (csv === null) throw NotFound('socialmap.hsds.notFound');
      reply.type('text/csv; charset=utf-8');
      return csv;
    },
  );
}
