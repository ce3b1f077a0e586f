/**
 * The read side of the Open311 API: discovery, services and their definitions, requests (with
 * the specification's filters and defaults), tokens and the updates feed. Sensitive categories
 * and their signals never appear; no reporter data is returned.
 */
import { DateTime } from 'luxon';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale, Translate } from '../../../platform/i18n/index.ts';
import { listOrganisations } from '../../people/people.service.ts';
// The public Open311 feed reads the store itself: only non-sensitive signals, without reporter data (serialize.ts).
import { querySignals, type SignalFilter } from '../signals.store.ts';
import { SIGNAL_STATES, WORKFLOW, isPublicState, type SignalState } from '../workflow.ts';
import { badRequest, notFound, w3cTime } from './format.ts';
import { param, refuseNul, type FormBody } from './requests.service.ts';
import { MAX_SERVICE_CODE } from './schemas.ts';
import { requestOf, serviceDefinitionOf, serviceOf, SPECIFICATION, updateOf } from './serialize.ts';
import * as store from './open311.store.ts';
import { ZONE } from '../../../platform/time.ts';
import { isUuid } from '../../../platform/ids.ts';

/** Default and largest window of GET requests / servicerequestupdates (spec: 90 days, 1000 rows). */
export const MAX_DAYS = 90;
export const MAX_ROWS = 1000;
const DAY = 86_400_000;

/** `discovery`: where the endpoint is, which formats, how to get a key. */
export async function discovery(
  db: DbOrTrx,
  a: { tenant: { id: string; slug: string; name: string }; baseUrl: string; production: boolean; t: Translate },
) {
  const changed = await store.catalogueChangedAt(db, a.tenant.id);
  const changeset = changed ? w3cTime(changed) : '2026-11-23T00:00:00+01:00';
  return {
    changeset,
    contact: a.t('open311.discovery.contact', { name: a.tenant.name, url: `${a.baseUrl}/${a.tenant.slug}` }),
    key_service: a.t('open311.discovery.keyService', { name: a.tenant.name }),
    endpoints: [
      {
        specification: SPECIFICATION,
        url: `${a.baseUrl}/${a.tenant.slug}/open311/v2`,
        changeset,
        type: a.production ? 'production' : 'test',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** `services`: every active, non-sensitive category. */
export async function services(db: DbOrTrx, tenantId: string, locale: Locale = 'nl') {
  return (await store.listPublicCategories(db, tenantId)).map((c) => serviceOf(c, locale));
}

/** `services/{code}`: the definition of one public category, or a 404. */
export async function serviceDefinition(db: DbOrTrx, tenantId: string, code: string, t: Translate, locale: Locale = 'nl') {
  const c = code.length <= MAX_SERVICE_CODE ? await store.findPublicCategory(db, tenantId, code) : null;
  if (!c) throw notFound('open311.error.serviceUnknown', { code: code.slice(0, MAX_SERVICE_CODE) });
  return serviceDefinitionOf(c, t, locale);
}

/** A comma-separated (or repeated) list parameter. */
function list(q: FormBody, name: string): string[] | undefined {
  const v = q[name];
  if (v === undefined || v === null) return undefined;
  const parts = (Array.isArray(v) ? v : [v])
    .flatMap((x) => String(x).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  return parts.length ? parts : undefined;
}

/** A W3C date-time (or date) parameter; a bad one is a 400. */
function instant(q: FormBody, name: string): Date | undefined {
  const v = param(q, name);
  if (v === undefined) return undefined;
  const d = DateTime.fromISO(v, { zone: ZONE });
  if (!d.isValid || v.length > 40) throw badRequest('open311.error.date', { name });
  return d.toJSDate();
}

/** The period of a query: both given (at most 90 days apart), one given, or the last 90 days. */
export function period(q: FormBody, now: Date): { since: Date; until: Date } {
  const start = instant(q, 'start_date');
  const end = instant(q, 'end_date');
  if (start && end) {
    if (end < start) throw badRequest('open311.error.endBeforeStart');
    if (end.getTime() - start.getTime() > MAX_DAYS * DAY) throw badRequest('open311.error.span', { days: MAX_DAYS });
    return { since: start, until: end };
  }
  if (start) return { since: start, until: new Date(start.getTime() + MAX_DAYS * DAY) };
  if (end) return { since: new Date(end.getTime() - MAX_DAYS * DAY), until: end };
  return { since: new Date(now.getTime() - MAX_DAYS * DAY), until: now };
}

/** Pagination extension: page (1…) and page_size (1…1000, default 1000). */
function paging(q: FormBody): { limit: number; offset: number } {
  const page = param(q, 'page');
  const size = param(q, 'page_size');
  const p = page === undefined ? 1 : Number(page);
  const s = size === undefined ? MAX_ROWS : Number(size);
  if (!Number.isInteger(p) || p < 1 || p > 100_000) throw badRequest('open311.error.page');
  if (!Number.isInteger(s) || s < 1 || s > MAX_ROWS) throw badRequest('open311.error.pageSize', { max: MAX_ROWS });
  return { limit: s, offset: (p - 1) * s };
}

async function agencies(db: DbOrTrx, tenantId: string): Promise<Map<string, string>> {
  return new Map((await listOrganisations(db, tenantId)).map((o) => [o.id, o.name]));
}

const CLOSED_STATES = SIGNAL_STATES.filter((s) => WORKFLOW[s].closed);
const OPEN_STATES = SIGNAL_STATES.filter((s) => !WORKFLOW[s].closed);

/** `GET requests`: filters service_request_id (overrides the rest), service_code, start_date, end_date, status. */
export async function requests(db: DbOrTrx, tenantId: string, q: FormBody, now: Date, t: Translate) {
  refuseNul(q);
  const ids = list(q, 'service_request_id');
  const filter: SignalFilter = { sensitive: false };
  if (ids) {
    if (ids.length > MAX_ROWS) throw badRequest('open311.error.tooManyIds', { max: MAX_ROWS });
    filter.publicIds = ids.filter((id) => id.length <= 50);
    if (filter.publicIds.length === 0) return [];
    filter.limit = MAX_ROWS;
  } else {
    const codes = list(q, 'service_code');
    if (codes) {
      filter.categoryIds = await store.publicCategoryIds(
        db,
        tenantId,
        codes.filter((c) => c.length <= MAX_SERVICE_CODE),
      );
      if (filter.categoryIds.length === 0) return [];
    }
    const statuses = list(q, 'status');
    if (statuses) {
      const bad = statuses.find((s) => s !== 'open' && s !== 'closed');
      if (bad) throw badRequest('open311.error.status');
      const states: SignalState[] = [];
      if (statuses.includes('open')) states.push(...OPEN_STATES);
      if (statuses.includes('closed')) states.push(...CLOSED_STATES);
      filter.states = states;
    }
    const { since, until } = period(q, now);
    filter.createdSince = since;
    filter.createdUntil = until;
    Object.assign(filter, paging(q));
  }
  const rows = await querySignals(db, tenantId, filter);
  // The core filter already drops sensitive categories; checked again so no change there can leak them.
  const visible = rows.filter((r) => !r.sensitive);
  const names = await agencies(db, tenantId);
  return visible.map((r) => requestOf(r, names, t));
}

/** `GET requests/{id}`: one public request, or a 404. */
export async function request(db: DbOrTrx, tenantId: string, id: string, t: Translate) {
  const rows = id.length <= 50 ? await querySignals(db, tenantId, { publicIds: [id], sensitive: false, limit: 1 }) : [];
  const row = rows.find((r) => !r.sensitive);
  if (!row) throw notFound('open311.error.requestUnknown', { id: id.slice(0, 60) });
  return [requestOf(row, await agencies(db, tenantId), t)];
}

/** `GET tokens/{token}`: the request id behind a token, or a 404. */
export async function token(db: DbOrTrx, tenantId: string, tokenValue: string) {
  const ok = isUuid(tokenValue);
  const id = ok ? await store.findPublicIdByToken(db, tenantId, tokenValue.toLowerCase()) : null;
  if (!id) throw notFound('open311.error.tokenUnknown', { token: tokenValue.slice(0, 60) });
  return [{ service_request_id: id, token: tokenValue.toLowerCase() }];
}

const PUBLIC_STATES = SIGNAL_STATES.filter((s) => isPublicState(s));

/** `GET servicerequestupdates` (mySociety): public steps of public requests in a period, oldest first. */
export async function updates(db: DbOrTrx, tenantId: string, q: FormBody, now: Date, t: Translate) {
  refuseNul(q);
  const { since, until } = period(q, now);
  const rows = await store.listPublicTransitions(db, tenantId, { since, until, states: PUBLIC_STATES, ...paging(q) });
  return rows.map((u) => updateOf(u, t));
}
