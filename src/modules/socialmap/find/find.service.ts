/**
 * The resident side of the social map: search, the page of one service, the neighbourhood leaflet
 * and iCalendar feeds. Read-only; queries in find.search.store.ts and find.store.ts.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { NotFound } from '../../../platform/errors.ts';
import { getArea } from '../../areas/areas.service.ts';
import * as store from './find.store.ts';
import * as search from './find.search.store.ts';
import { buildCalendar, feedRange, type FeedQuery } from './ical.ts';
import { isOpenAt, nextOccurrences, todayRange, type Occurrence, type Range } from '../schedule.ts';
import { TAXONOMY } from '../taxonomy/taxonomy.ts';
import { ensureOccurrences, storedWindow, windowRange } from '../occurrences/occurrences.service.ts';
import { comingFromNow } from '../coming-days.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { DateTime } from 'luxon';
import { ZONE } from '../../../platform/time.ts';

export type When = 'nu' | 'vandaag' | 'week';
/** Walking 500 m, walking 1 km, cycling 3 km. */
export const RADII = [500, 1000, 3000] as const;
/** With a time filter, count at most this many matches (or through the next page's end; beyond it the total is shown as a lower bound). */
const TIME_MATCH_TARGET = 60;
/**
 * Without words, place or time, count at most this many matches (or the current page's end; beyond
 * it the total is shown as a lower bound, "ten minste 1000"; or through the next page's end). With words or a place every match is
 * ranked or measured anyway, and the count stays exact.
 */
const BROAD_COUNT_LIMIT = 1000;

export interface SearchInput {
  text: string;
  functions: readonly string[];
  targetGroups: readonly string[];
  accessibility: readonly string[];
  when: When | null;
  point: { lat: number; lon: number } | null;
  radius: number;
  page: number;
  pageSize: number;
  /** The reader's language, for the names of terms (default Dutch). */
  locale?: Locale;
  /** Extra words to look for as well (the municipality's synonyms of the words; see synonyms.service.ts). */
  alternatives?: readonly string[];
}

/** A search with nothing chosen (every active service, first page of 20); tests and benches spread it. */
export const EMPTY_SEARCH: Readonly<SearchInput> = {
  text: '',
  functions: [],
  targetGroups: [],
  accessibility: [],
  when: null,
  point: null,
  radius: 3000,
  page: 1,
  pageSize: 20,
};

export interface ResultLocation {
  id: string;
  name: string | null;
  address: string | null;
  postcode: string | null;
  city: string | null;
  buurtCode: string | null;
  buurtName: string | null;
  wijkCode: string | null;
  lat: number | null;
  lon: number | null;
}

export interface ResultCard {
  id: string;
  name: string;
  organisation: string;
  description: string | null;
  location: ResultLocation | null;
  distance: number | null;
  next: Occurrence | null;
  openNow: boolean;
  accessibility: string[];
  functions: string[];
  isDemo: boolean;
}

export interface SearchResult {
  total: number;
  /** True when the count stopped at its limit (a time filter, or a search without words and place): the total is then a lower bound. */
  capped: boolean;
  page: number;
  pageSize: number;
  items: ResultCard[];
}

/** The window a time filter asks about: the running instant ("nu"), or the rest of today or of the coming 7 days. */
function occurrenceFilter(when: When, now: Date): search.OccurrenceFilter {
  if (when === 'nu') return { from: now, to: new Date(now.getTime() + 1) };
  return remainingRange(when, now);
}

/**
 * The rest of today, or of the coming 7 days (today and six more), from now on: what "vandaag" and
 * "de komende 7 dagen" (`week`) mean in search. On a Sunday `week` still reaches Saturday.
 */
export function remainingRange(when: 'vandaag' | 'week', now: Date): Range {
  if (when === 'week') return comingFromNow(now);
  return { from: now, to: todayRange(now).to };
}

async function areaNames(db: DbOrTrx, tenantId: string, codes: Iterable<string | null>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of new Set([...codes].filter((c): c is string => !!c))) {
    const area = await getArea(db, tenantId, code);
    if (area) out.set(code, area.name);
  }
  return out;
}

/** Search the tenant's active services: words (Dutch stemming), terms, when, distance; nearest first when a point is given. */
export async function searchServices(db: DbOrTrx, tenantId: string, input: SearchInput, now: Date): Promise<SearchResult> {
  const pageSize = Math.min(Math.max(input.pageSize, 1), 100);
  const page = Math.max(1, input.page);
  const base = {
    tenantId,
    text: input.text.trim() || null,
    alternatives: input.text.trim() ? (input.alternatives ?? []) : [],
    functions: input.functions,
    targetGroups: input.targetGroups,
    accessibility: input.accessibility,
    point: input.point ? { ...input.point, radius: input.radius } : null,
  };
  let ids: { id: string; location_id: string | null; distance: number | null }[];
  let total: number;
  let capped = false;
  if (input.when) {
    // Exact in SQL on the precomputed occurrences; counted up to a limit (then "at least").
    const window = occurrenceFilter(input.when, now);
    await ensureOccurrences(db, tenantId, window, now);
    // Through the end of the next page, so the pager still offers it when the count stops.
    const limit = Math.max((page + 1) * pageSize, TIME_MATCH_TARGET);
    const matching = await search.findCandidates(db, { ...base, when: window, limit: limit + 1, offset: 0, withTotal: false });
    capped = matching.length > limit;
    total = Math.min(matching.length, limit);
    ids = matching.slice((page - 1) * pageSize, page * pageSize);
  } else if (!base.text && !base.point) {
    // Broad (no words, no place): the page comes off the name index; the matches are counted up to
    // a limit (then "at least"), so a search for everything never counts the whole municipality.
    ids = await search.findCandidates(db, { ...base, when: null, limit: pageSize, offset: (page - 1) * pageSize, withTotal: false });
    // Counted through the end of the next page, so the pager still offers it when the count stops.
    const limit = Math.max((page + 1) * pageSize, BROAD_COUNT_LIMIT);
    const counted = await search.countMatches(db, { ...base, when: null, limit: 0, offset: 0 }, limit + 1);
    capped = counted > limit;
    total = Math.min(counted, limit);
  } else {
    ids = await search.findCandidates(db, { ...base, when: null, limit: pageSize, offset: (page - 1) * pageSize });
    total = ids[0] ? (ids[0] as search.Candidate).total : 0;
    if (ids.length === 0 && page > 1) {
      const first = await search.findCandidates(db, { ...base, when: null, limit: 1, offset: 0 });
      total = first[0]?.total ?? 0;
    }
  }
  const items = await cards(db, tenantId, ids, now, input.locale ?? 'nl');
  return { total, capped, page, pageSize, items };
}

/** The result cards' "next date" looks this far ahead (days). */
const CARD_HORIZON_DAYS = 120;

/**
 * Each card's next date and "nu open". From the precomputed occurrences when the municipality's
 * stored window covers now (one query for the page): the first stored occurrence that has not
 * ended is the same one schedule.ts's nextOccurrences() finds, and the service is open now exactly
 * when that one has started. A service with no stored occurrence left in the window (a rule that
 * recurs less often, or none), or every service when no window covers now, has its schedules
 * expanded as before (120 days).
 */
async function nextDates(
  db: DbOrTrx,
  tenantId: string,
  serviceIds: readonly string[],
  now: Date,
): Promise<Map<string, { next: Occurrence | null; openNow: boolean }>> {
  const out = new Map<string, { next: Occurrence | null; openNow: boolean }>();
  if (serviceIds.length === 0) return out;
  const w = await storedWindow(db, tenantId);
  const have = w ? windowRange(w) : null;
  const horizon = DateTime.fromJSDate(now, { zone: ZONE }).plus({ days: CARD_HORIZON_DAYS }).toJSDate();
  if (have && have.from <= now && now < have.to) {
    const to = have.to < horizon ? have.to : horizon;
    for (const [id, next] of await store.firstStoredOccurrences(db, tenantId, serviceIds, now, to)) {
      out.set(id, { next, openNow: next.start <= now });
    }
  }
  const rest = serviceIds.filter((id) => !out.has(id));
  const rules = await store.schedulesOfServices(db, tenantId, rest);
  for (const id of rest) {
    const list = rules.get(id) ?? [];
    const [next] = nextOccurrences(list, now, 1, { includeCancelled: false, horizonDays: CARD_HORIZON_DAYS });
    out.set(id, { next: next ?? null, openNow: isOpenAt(list, now) });
  }
  return out;
}

async function cards(
  db: DbOrTrx,
  tenantId: string,
  ids: readonly { id: string; location_id: string | null; distance: number | null }[],
  now: Date,
  locale: Locale,
): Promise<ResultCard[]> {
  const serviceIds = ids.map((i) => i.id);
  const [services, locations, dates] = await Promise.all([
    store.servicesByIds(db, tenantId, serviceIds),
    store.locationsOfServices(db, tenantId, serviceIds),
    nextDates(db, tenantId, serviceIds, now),
  ]);
  const terms = await store.termsOf(db, tenantId, [...serviceIds, ...locations.map((l) => l.id)]);
  const names = await areaNames(
    db,
    tenantId,
    locations.map((l) => l.buurt_code),
  );
  const byId = new Map(services.map((s) => [s.id, s]));
  const out: ResultCard[] = [];
  for (const c of ids) {
    const s = byId.get(c.id);
    if (!s) continue;
    const loc = locations.find((l) => l.service_id === c.id && (c.location_id === null || l.id === c.location_id)) ?? null;
    const when = dates.get(c.id);
    out.push({
      id: s.id,
      name: s.name,
      organisation: s.organization_name,
      description: s.description,
      location: loc ? toResultLocation(loc, names) : null,
      distance: c.distance,
      next: when?.next ?? null,
      openNow: when?.openNow ?? false,
      accessibility: terms
        .filter((t) => loc && t.link_id === loc.id && t.taxonomy_code === TAXONOMY.toegankelijkheid)
        .map((t) => store.termName(t, locale)),
      functions: terms.filter((t) => t.link_id === s.id && t.taxonomy_code === TAXONOMY.functie).map((t) => store.termName(t, locale)),
      isDemo: s.is_demo,
    });
  }
  return out;
}

function toResultLocation(l: store.LocationRow, names: Map<string, string>): ResultLocation {
  return {
    id: l.id,
    name: l.name,
    address: l.address_1,
    postcode: l.postal_code,
    city: l.city,
    buurtCode: l.buurt_code,
    buurtName: l.buurt_code ? (names.get(l.buurt_code) ?? null) : null,
    wijkCode: l.wijk_code,
    lat: l.latitude === null ? null : Number(l.latitude),
    lon: l.longitude === null ? null : Number(l.longitude),
  };
}

/** The terms residents can filter on, per taxonomy code (functie, doelgroep, toegankelijkheid), named in the reader's language. */
export async function filterOptions(
  db: DbOrTrx,
  tenantId: string,
  locale: Locale = 'nl',
): Promise<Record<string, { code: string; name: string }[]>> {
  const out: Record<string, { code: string; name: string }[]> = {};
  for (const t of await store.termOptions(db, tenantId)) {
    (out[t.taxonomy_code] ??= []).push({ code: t.code, name: store.termName(t, locale) });
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.name.localeCompare(b.name, locale));
  return out;
}

export { getServicePage, type ServicePage, getLeaflet, type Leaflet } from './find.pages.ts';

/** The iCalendar feed of one active service (NotFound for unknown ids). */
export async function serviceFeed(
  db: DbOrTrx,
  tenantId: string,
  id: string,
  now: Date,
  pageUrl: string,
  range: FeedQuery = {},
): Promise<{ name: string; ics: string }> {
  if (!isUuid(id)) throw NotFound('socialmap.find.notFound');
  const [s] = await store.servicesByIds(db, tenantId, [id]);
  if (!s) throw NotFound('socialmap.find.notFound');
  return { name: s.name, ics: await feedFor(db, tenantId, [id], s.name, now, () => pageUrl, range) };
}

/** The iCalendar feed of every active service with a location in a buurt or wijk (NotFound for other codes). */
export async function areaFeed(
  db: DbOrTrx,
  tenantId: string,
  code: string,
  now: Date,
  serviceUrl: (id: string) => string,
  range: FeedQuery = {},
): Promise<{ name: string; ics: string }> {
  const area = /^(WK\d{6}|BU\d{8})$/.test(code) ? await getArea(db, tenantId, code) : null;
  if (!area) throw NotFound('socialmap.find.areaNotFound');
  const ids = await store.serviceIdsInArea(db, tenantId, code);
  return { name: area.name, ics: await feedFor(db, tenantId, ids, area.name, now, serviceUrl, range) };
}

async function feedFor(
  db: DbOrTrx,
  tenantId: string,
  ids: string[],
  name: string,
  now: Date,
  url: (id: string) => string,
  range: FeedQuery,
): Promise<string> {
  const [services, locations, schedules] = await Promise.all([
    store.servicesByIds(db, tenantId, ids),
    store.locationsOfServices(db, tenantId, ids),
    store.schedulesOfServices(db, tenantId, ids),
  ]);
  return buildCalendar({
    name,
    now,
    ...feedRange(now, range),
    services: services.map((s) => {
      const loc = locations.find((l) => l.service_id === s.id);
      const where = loc ? [loc.name, loc.address_1, loc.city].filter(Boolean).join(', ') : null;
      return { id: s.id, name: s.name, description: s.description, url: url(s.id), location: where, schedules: schedules.get(s.id) ?? [] };
    }),
  });
}
