/**
 * The HSDS 3.0 API's answers as JSON (routes.ts serves them). Public: only active services, and
 * organisations, locations and taxonomies; no personal data (contacts are not stored, and the
 * link to our people organisations is not published).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { BadRequest } from '../../../platform/errors.ts';
import * as store from '../socialmap.store.ts';
import { loadHsdsRows } from './hsds.store.ts';
import { searchServiceAtLocations, searchServices, type ServiceFilter } from './hsds-search.store.ts';
import { HSDS_VERSION, HsdsIndex, page } from './serialize.ts';
import type { ListParams } from './params.ts';
import { isUuid } from '../../../platform/ids.ts';

type Json = Record<string, unknown>;

/** With a postcode but no proximity: services within this many metres, nearest first. */
export const DEFAULT_PROXIMITY = 10_000;

/** `GET /{tenant}/hsds/`: version, profile and OpenAPI address. */
export function apiInfo(baseUrl: string, tenantSlug: string): Json {
  return {
    version: HSDS_VERSION,
    // No HSDS profile: the base standard with documented extra properties (docs/socialmap-hsds.md).
    profile: 'https://docs.openreferral.org/en/3.0/',
    openapi_url: `${baseUrl}/api/openapi.json`,
    // Extension: where this municipality's data lives.
    municipality: tenantSlug,
  };
}

async function filterOf(db: DbOrTrx, tenantId: string, p: ListParams): Promise<ServiceFilter> {
  const f: ServiceFilter = { onlyActive: true };
  const text = p.search || p.text;
  if (text) f.text = text;
  if (p.taxonomy_term_id) f.taxonomyTermId = p.taxonomy_term_id;
  if (p.taxonomy_id) f.taxonomyId = p.taxonomy_id;
  if (p.organization_id) f.organizationId = p.organization_id;
  if (p.modified_after) f.modifiedAfter = p.modified_after;
  if (p.postcode) {
    const point = await store.pointOfPostcode(db, tenantId, p.postcode);
    if (!point) throw BadRequest('socialmap.hsds.unknownPostcode', { postcode: 'socialmap.hsds.unknownPostcode' });
    f.near = { ...point, maxMeters: p.proximity ?? DEFAULT_PROXIMITY };
  }
  return f;
}

/** `GET /services`: one Page of active services matching every filter. */
export async function servicesPage(db: DbOrTrx, tenantId: string, p: ListParams, now: Date): Promise<Json> {
  const filter = await filterOf(db, tenantId, p);
  const { total, rows } = await searchServices(db, tenantId, filter, p.page, p.per_page);
  if (p.minimal) {
    return page(
      rows.map((s) => ({ id: s.id, name: s.name, status: s.status, last_modified: s.updated_at.toISOString() })),
      total,
      p.page,
      p.per_page,
    );
  }
  const idx = new HsdsIndex(await hsdsRowsIn(db, tenantId, { services: rows }, p.lang), now);
  const full = Boolean(p.full || p.full_service);
  return page(
    rows.map((s) => idx.service(s.id, { full })!),
    total,
    p.page,
    p.per_page,
  );
}

/** `GET /services/{id}`: one active service, fully nested; null when unknown or not active. */
export async function serviceById(db: DbOrTrx, tenantId: string, id: string, now: Date, lang?: 'nl' | 'en'): Promise<Json | null> {
  if (!isUuid(id)) return null;
  const s = await store.findService(db, tenantId, id);
  if (!s || s.status !== 'active') return null;
  const idx = new HsdsIndex(await hsdsRowsIn(db, tenantId, { services: [s] }, lang), now);
  return idx.service(id, { full: true });
}

/** `GET /organizations`: one Page of organisations (by name), optionally with services. */
export async function organizationsPage(db: DbOrTrx, tenantId: string, p: ListParams, now: Date): Promise<Json> {
  let orgs = await store.listOrganizations(db, tenantId);
  const text = (p.search || p.text)?.toLowerCase();
  if (text) orgs = orgs.filter((o) => `${o.name} ${o.alternate_name ?? ''} ${o.description}`.toLowerCase().includes(text));
  const slice = orgs.slice((p.page - 1) * p.per_page, p.page * p.per_page);
  if (!p.full && !p.full_service) {
    return page(
      slice.map((o) => new HsdsIndex(emptyRows([o])).organization(o.id)!),
      orgs.length,
      p.page,
      p.per_page,
    );
  }
  const idx = await indexOfOrganizations(
    db,
    tenantId,
    slice.map((o) => o.id),
    now,
    p.lang,
  );
  return page(
    slice.map((o) => idx.organization(o.id, { full: true, services: p.full_service ? 'full' : 'basic' })!),
    orgs.length,
    p.page,
    p.per_page,
  );
}

/** `GET /organizations/{id}`: an organisation with its locations, phones and (active) services. */
export async function organizationById(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  fullService: boolean,
  now: Date,
  lang?: 'nl' | 'en',
): Promise<Json | null> {
  if (!isUuid(id)) return null;
  if (!(await store.findOrganization(db, tenantId, id))) return null;
  const idx = await indexOfOrganizations(db, tenantId, [id], now, lang);
  return idx.organization(id, { full: true, services: fullService ? 'full' : 'basic' });
}

async function indexOfOrganizations(
  db: DbOrTrx,
  tenantId: string,
  orgIds: readonly string[],
  now: Date,
  lang?: 'nl' | 'en',
): Promise<HsdsIndex> {
  const services = (
    await Promise.all(orgIds.map((id) => store.listServices(db, tenantId, { organizationId: id, onlyActive: true })))
  ).flat();
  const rows = await hsdsRowsIn(db, tenantId, { services }, lang);
  const have = new Set(rows.organizations.map((o) => o.id));
  const missing = orgIds.filter((id) => !have.has(id));
  if (missing.length) rows.organizations.push(...(await store.listOrganizations(db, tenantId, { ids: missing })));
  const orgLocations = (await Promise.all(orgIds.map((id) => store.listLocations(db, tenantId, { organizationId: id })))).flat();
  const known = new Set(rows.locations.map((l) => l.id));
  const extra = orgLocations.filter((l) => !known.has(l.id));
  if (extra.length) {
    rows.locations.push(...extra);
    rows.addresses.push(
      ...(await store.listAddresses(
        db,
        tenantId,
        extra.map((l) => l.id),
      )),
    );
  }
  rows.phones.push(
    ...(await store.listPhones(db, tenantId, { organizationIds: orgIds })).filter((p) => !rows.phones.some((x) => x.id === p.id)),
  );
  return new HsdsIndex(rows, now);
}

function emptyRows(organizations: store.OrganizationRow[]) {
  return {
    organizations,
    services: [],
    locations: [],
    serviceAtLocations: [],
    addresses: [],
    phones: [],
    schedules: [],
    exceptions: [],
    accessibility: [],
    languages: [],
    taxonomies: [],
    terms: [],
    attributes: [],
  };
}

/** `GET /taxonomies`: one Page of taxonomies. */
export async function taxonomiesPage(db: DbOrTrx, tenantId: string, p: ListParams): Promise<Json> {
  let rows = taxonomiesInLanguage(await store.listTaxonomyRows(db, tenantId), p.lang);
  const text = (p.search || p.text)?.toLowerCase();
  if (text) rows = rows.filter((t) => `${t.name} ${t.description}`.toLowerCase().includes(text));
  const idx = new HsdsIndex({ ...emptyRows([]), taxonomies: rows });
  return page(
    rows.slice((p.page - 1) * p.per_page, p.page * p.per_page).map((t) => idx.taxonomy(t.id)!),
    rows.length,
    p.page,
    p.per_page,
  );
}

/** `GET /taxonomies/{id}`. */
export async function taxonomyById(db: DbOrTrx, tenantId: string, id: string, lang?: 'nl' | 'en'): Promise<Json | null> {
  if (!isUuid(id)) return null;
  const t = await store.findTaxonomy(db, tenantId, id);
  return t ? new HsdsIndex({ ...emptyRows([]), taxonomies: taxonomiesInLanguage([t], lang) }).taxonomy(id) : null;
}

/** Terms in the asked language: the English name and description where kept (HSDS `language` says which). */
function inLanguage<
  T extends { name: string; description: string; name_en: string | null; description_en: string | null; language: string | null },
>(rows: T[], lang: 'nl' | 'en' | undefined): T[] {
  if (lang !== 'en') return rows;
  return rows.map((t) => (t.name_en ? { ...t, name: t.name_en, description: t.description_en ?? t.description, language: 'en' } : t));
}

/** Taxonomies in the asked language: the English name where kept. */
function taxonomiesInLanguage<T extends { name: string; name_en: string | null }>(rows: T[], lang: 'nl' | 'en' | undefined): T[] {
  if (lang !== 'en') return rows;
  return rows.map((t) => (t.name_en ? { ...t, name: t.name_en } : t));
}

/** The rows of services, organisations and services at locations, their nested terms in the asked language. */
async function hsdsRowsIn(db: DbOrTrx, tenantId: string, services: Parameters<typeof loadHsdsRows>[2], lang: 'nl' | 'en' | undefined) {
  const rows = await loadHsdsRows(db, tenantId, services);
  return lang === 'en' ? { ...rows, terms: inLanguage(rows.terms, lang), taxonomies: taxonomiesInLanguage(rows.taxonomies, lang) } : rows;
}

/** `GET /taxonomy_terms`: one Page of terms (filters taxonomy_id, parent_id, top_only, search; `lang=en` for English). */
export async function termsPage(db: DbOrTrx, tenantId: string, p: ListParams): Promise<Json> {
  let rows = inLanguage(await store.listTermRows(db, tenantId, p.taxonomy_id ? { taxonomyId: p.taxonomy_id } : {}), p.lang);
  if (p.parent_id) rows = rows.filter((t) => t.parent_id === p.parent_id);
  if (p.top_only) rows = rows.filter((t) => !t.parent_id);
  const text = (p.search || p.text)?.toLowerCase();
  if (text) rows = rows.filter((t) => `${t.name} ${t.description} ${t.code ?? ''}`.toLowerCase().includes(text));
  const idx = new HsdsIndex({
    ...emptyRows([]),
    terms: rows,
    taxonomies: taxonomiesInLanguage(await store.listTaxonomyRows(db, tenantId), p.lang),
  });
  return page(
    rows.slice((p.page - 1) * p.per_page, p.page * p.per_page).map((t) => idx.term(t.id)!),
    rows.length,
    p.page,
    p.per_page,
  );
}

/** `GET /taxonomy_terms/{id}`: a term with its taxonomy_detail (`lang=en` for English). */
export async function termById(db: DbOrTrx, tenantId: string, id: string, lang?: 'nl' | 'en'): Promise<Json | null> {
  if (!isUuid(id)) return null;
  const found = await store.findTerm(db, tenantId, id);
  if (!found) return null;
  const [t] = inLanguage([found], lang);
  return new HsdsIndex({
    ...emptyRows([]),
    terms: [t!],
    taxonomies: taxonomiesInLanguage(await store.listTaxonomyRows(db, tenantId), lang),
  }).term(id);
}

/** `GET /service_at_locations`: one Page of services at locations (active services), with the same filters as /services. */
export async function serviceAtLocationsPage(db: DbOrTrx, tenantId: string, p: ListParams, now: Date): Promise<Json> {
  const filter = await filterOf(db, tenantId, p);
  const { total, rows } = await searchServiceAtLocations(db, tenantId, filter, p.page, p.per_page);
  const services = await store.listServices(db, tenantId, { ids: [...new Set(rows.map((r) => r.service_id))] });
  const idx = new HsdsIndex(await hsdsRowsIn(db, tenantId, { services }, p.lang), now);
  return page(
    rows.map((r) => idx.serviceAtLocation(r.id, { full: Boolean(p.full), withService: true })!),
    total,
    p.page,
    p.per_page,
  );
}

/** `GET /service_at_locations/{id}`: fully nested, with its location and service; null when unknown or not active. */
export async function serviceAtLocationById(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  now: Date,
  lang?: 'nl' | 'en',
): Promise<Json | null> {
  if (!isUuid(id)) return null;
  const [sal] = await store.listServiceAtLocations(db, tenantId, { ids: [id] });
  if (!sal) return null;
  const s = await store.findService(db, tenantId, sal.service_id);
  if (!s || s.status !== 'active') return null;
  const idx = new HsdsIndex(await hsdsRowsIn(db, tenantId, { services: [s] }, lang), now);
  return idx.serviceAtLocation(id, { full: true, withService: true });
}
