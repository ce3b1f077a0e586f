/**
 * Client of PDOK Locatieserver v3.1 (free, public, no key): `free` to geocode and `suggest` to
 * autocomplete. Response (both): `{ response: { numFound, docs: [...] } }`; a `free` doc has
 * `type` ('adres', 'weg', 'postcode', 'woonplaats', …), `weergavenaam`, `straatnaam`,
 * `huisnummer`, `huisletter`, `huisnummertoevoeging`, `postcode`, `woonplaatsnaam`,
 * `gemeentecode` ('0014'), `nummeraanduiding_id` and `centroide_ll` ("POINT(lon lat)", WGS84).
 * A `suggest` doc has `id`, `type`, `weergavenaam` and `score`. docs/geocoding.md.
 *
 * On when configured (GEOCODER_PDOK, default on only in production); each call has a timeout and
 * answers 'unreachable' on a network error, timeout, HTTP error or unreadable body. Answers (hits
 * and "nothing found") are kept in a small in-memory LRU cache.
 */
import { z } from 'zod';

export interface PdokSettings {
  enabled: boolean;
  /** Base URL, without the trailing service name: …/search/v3_1 */
  url: string;
  timeoutMs: number;
}

export const PDOK_DEFAULT_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';

let settings: PdokSettings = { enabled: false, url: PDOK_DEFAULT_URL, timeoutMs: 2000 };

/** Set by the areas module from the app's config (GEOCODER_PDOK, PDOK_LOCATIESERVER_URL, GEOCODER_TIMEOUT_MS). */
export function configurePdok(next: PdokSettings): void {
  settings = { ...next, url: next.url.replace(/\/+$/, '') };
  cache.clear();
}

export function pdokEnabled(): boolean {
  return settings.enabled;
}

const text = z.string().max(500).optional().catch(undefined);
/** One document of a Locatieserver answer: only the fields we read; a field of another type is dropped. */
const pdokDoc = z.object({
  id: text,
  type: text,
  weergavenaam: text,
  straatnaam: text,
  huisnummer: z.number().int().optional().catch(undefined),
  huisletter: text,
  huisnummertoevoeging: text,
  postcode: text,
  woonplaatsnaam: text,
  gemeentecode: text,
  nummeraanduiding_id: text,
  centroide_ll: text,
});
const pdokAnswer = z.object({ response: z.object({ docs: z.array(pdokDoc).max(100) }) });

export type PdokDoc = z.infer<typeof pdokDoc>;

export type PdokAnswer = { ok: true; docs: PdokDoc[] } | { ok: false; reason: 'unreachable'; detail: string };

const CACHE_SIZE = 500;
const cache = new Map<string, PdokDoc[]>();

function remember(key: string, docs: PdokDoc[]): void {
  cache.delete(key);
  cache.set(key, docs);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
}

/** Number of cached answers (for tests). */
export function pdokCacheSize(): number {
  return cache.size;
}

const FREE_FIELDS = [
  'id',
  'type',
  'weergavenaam',
  'straatnaam',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'postcode',
  'woonplaatsnaam',
  'gemeentecode',
  'nummeraanduiding_id',
  'centroide_ll',
].join(',');

async function call(service: 'free' | 'suggest', params: [string, string][]): Promise<PdokAnswer> {
  const url = `${settings.url}/${service}?${new URLSearchParams(params).toString()}`;
  const cached = cache.get(url);
  if (cached) {
    remember(url, cached);
    return { ok: true, docs: cached };
  }
  let answer: unknown;
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(settings.timeoutMs) });
    if (!res.ok) return { ok: false, reason: 'unreachable', detail: `HTTP ${res.status}` };
    answer = await res.json();
  } catch (err) {
    const e = err as Error;
    return { ok: false, reason: 'unreachable', detail: e.name === 'TimeoutError' ? `timeout after ${settings.timeoutMs} ms` : e.message };
  }
  const parsed = pdokAnswer.safeParse(answer);
  if (!parsed.success) return { ok: false, reason: 'unreachable', detail: 'unexpected response' };
  remember(url, parsed.data.response.docs);
  return { ok: true, docs: parsed.data.response.docs };
}

/** `free`: classic geocoding of a text, filtered on object types ('adres', 'weg', 'postcode'). */
export function pdokFree(q: string, types: readonly string[], rows = 5): Promise<PdokAnswer> {
  return call('free', [
    ['q', q],
    ['fq', `type:(${types.join(' OR ')})`],
    ['fl', FREE_FIELDS],
    ['rows', String(rows)],
  ]);
}

/** `suggest`: autocomplete of addresses (ids and display names), in one municipality ('0014') when given. */
export function pdokSuggest(q: string, rows = 5, gemeentecode?: string): Promise<PdokAnswer> {
  const params: [string, string][] = [
    ['q', q],
    ['fq', 'type:adres'],
    ['rows', String(rows)],
  ];
  if (gemeentecode) params.push(['fq', `gemeentecode:${gemeentecode}`]);
  return call('suggest', params);
}

/** "POINT(6.5697 53.2167)" → { lon, lat }; null when unreadable. */
export function parsePoint(wkt: string | undefined): { lon: number; lat: number } | null {
  const m = /^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$/i.exec(wkt ?? '');
  if (!m) return null;
  const lon = Number(m[1]);
  const lat = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lon, lat } : null;
}
