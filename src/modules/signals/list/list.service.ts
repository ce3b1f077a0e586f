/**
 * The list for professionals and coordinators: query parsing, the filter with the viewer's
 * visibility, keyset paging (a cursor in the URL: `na` for the next page, `voor` for the
 * previous one) with a capped count, and saved filters. CSV export: list.csv.ts.
 */
import { z } from 'zod';
import type { DbOrTrx, Trx } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { visibleFilter } from '../access.ts';
import type { CategoryRow } from '../config/categories.store.ts';
import * as savedStore from './list.store.ts';
import { countSignalsCapped, pageOfSignals, type ListKey, type SignalFilter } from '../signals.store.ts';
import { signalListItem, type SignalListItem } from './list.presenter.ts';
import { isSignalState, OPEN_STATES, SIGNAL_STATES } from '../workflow.ts';
import { isUuid } from '../../../platform/ids.ts';

export const PAGE_SIZE = 50;
/** Counts stop here: beyond it the list says "meer dan 1.000" (exact below, never a full count of a broad filter). */
export const COUNT_CAP = 1000;
export const MAX_SAVED_FILTERS = 20;
/** A saved filter's name. */
export const MAX_FILTER_NAME = 80;
/** How long an area code in the filter may be. */
export const MAX_AREA_CODE = 20;
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

const CURSOR = /^(\d{1,17}_[0-9a-f-]{36})?$/;

const text = (max: number, pattern: RegExp) =>
  z
    .string()
    .max(max)
    .regex(pattern)
    .catch('')
    .optional()
    .transform((v) => v ?? '');

/** The list's GET parameters; an invalid value falls back to its default (a list is never an error page). */
export const listQuerySchema = z.object({
  status: z
    .enum(['', 'open', ...SIGNAL_STATES])
    .catch('open')
    .optional()
    .transform((v) => v ?? 'open'),
  categorie: text(60, /^[a-z0-9-]*$/),
  gebied: text(MAX_AREA_CODE, /^[A-Za-z0-9]*$/),
  organisatie: text(36, /^[0-9a-f-]*$/),
  telaat: z
    .enum(['', '1'])
    .catch('')
    .optional()
    .transform((v) => v ?? ''),
  gevoelig: z
    .enum(['', 'ja', 'nee'])
    .catch('')
    .optional()
    .transform((v) => v ?? ''),
  /** Keyset cursors (`<microseconds>_<id>`): the page after (older than) or before (newer than) that row. */
  na: text(60, CURSOR),
  voor: text(60, CURSOR),
  weergave: z
    .enum(['lijst', 'kaart'])
    .catch('lijst')
    .optional()
    .transform((v) => v ?? 'lijst'),
});
export type ListQuery = z.output<typeof listQuerySchema>;

/** A query string or form with each repeated parameter reduced to its first value. */
function firstValues(raw: unknown): Record<string, unknown> {
  return raw && typeof raw === 'object' ? Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) : {};
}

/** The list's query string as a route declares it (never fails: a bad value falls back to its default). */
export const listQueryInput = z.preprocess(firstValues, listQuerySchema);

/** The form that saves the current filter under a name (a name that is not text counts as empty). */
export const saveFilterForm = z.preprocess(firstValues, listQuerySchema.extend({ name: z.string().catch('') }));

/** Parse the list's query parameters (never throws). */
export function parseListQuery(raw: unknown): ListQuery {
  return listQueryInput.parse(raw);
}

/** The filter part of a query, as a normalised query string (no page, no view): what saved filters store and links carry. */
export function filterQueryString(q: ListQuery): string {
  const p = new URLSearchParams();
  p.set('status', q.status);
  for (const k of ['categorie', 'gebied', 'organisatie', 'telaat', 'gevoelig'] as const) if (q[k]) p.set(k, q[k]);
  return p.toString();
}

/** The store filter for a query (what the principal may see is added by `visibleFilter` in listPage and exportCsv). */
export function filterFor(q: ListQuery, categories: readonly CategoryRow[], now: Date): SignalFilter {
  const filter: SignalFilter = {};
  if (q.status === 'open') filter.states = OPEN_STATES;
  else if (isSignalState(q.status)) filter.states = [q.status];
  if (q.categorie) filter.categoryIds = [categories.find((c) => c.service_code === q.categorie)?.id ?? NO_MATCH];
  if (q.gebied) filter.areaCodes = [q.gebied];
  if (q.organisatie) filter.organisationId = isUuid(q.organisatie) ? q.organisatie : NO_MATCH;
  if (q.telaat) filter.overdueAt = now;
  if (q.gevoelig) filter.sensitive = q.gevoelig === 'ja';
  return filter;
}

export interface ListPage {
  rows: SignalListItem[];
  /** Matches of the filter: exact when `more` is false, else at least COUNT_CAP ("meer dan 1.000"). */
  total: number;
  more: boolean;
  pageSize: number;
  /** Whether this is the first page (newest signals). */
  first: boolean;
  /** Cursors for the next (older) and previous (newer) page; null when there is none. */
  next: string | null;
  prev: string | null;
}

/** Where a page starts: nothing (the first page), after a row (`na`) or before one (`voor`). */
export interface PageAt {
  after?: string | null;
  before?: string | null;
}

/** A cursor from the URL, or null when absent or malformed (then the first page is shown). */
export function parseCursor(raw: string | null | undefined): ListKey | null {
  const m = /^(\d{1,17})_([0-9a-f-]{36})$/.exec(raw ?? '');
  return m && isUuid(m[2]!) ? { at: m[1]!, id: m[2]! } : null;
}

const cursorOf = (r: { list_at: string; id: string }) => `${r.list_at}_${r.id}`;

/**
 * One page (PAGE_SIZE rows, newest first; the order created_at desc, id desc is stable and unique)
 * of the signals matching the filter that the principal may see, by keyset: rows added or changed
 * between two page loads never make a row appear twice or be skipped. A previous page with fewer
 * than PAGE_SIZE rows left shows the first page. The count is capped at COUNT_CAP.
 */
export async function listPage(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: SignalFilter,
  at: PageAt = {},
): Promise<ListPage> {
  filter = visibleFilter(principal, 'signal.list', tenantId, filter);
  const after = parseCursor(at.after);
  const before = after ? null : parseCursor(at.before);
  const [count, fetched] = await Promise.all([
    countSignalsCapped(db, tenantId, filter, COUNT_CAP),
    pageOfSignals(db, tenantId, filter, { after, before, limit: PAGE_SIZE + 1 }),
  ]);
  let page = fetched;
  if (before && fetched.length >= PAGE_SIZE) {
    // A full page of newer rows; one more means there is yet another page before it.
    const hasPrev = fetched.length > PAGE_SIZE;
    const rows = hasPrev ? fetched.slice(1) : fetched;
    return pageOf(rows, count, { first: !hasPrev, hasNext: true, hasPrev });
  }
  // Fewer than a page before the cursor (rows were added or removed meanwhile): the first page.
  if (before) page = await pageOfSignals(db, tenantId, filter, { limit: PAGE_SIZE + 1 });
  return pageOf(page.slice(0, PAGE_SIZE), count, { first: !after, hasNext: page.length > PAGE_SIZE, hasPrev: !!after });
}

function pageOf(
  rows: Awaited<ReturnType<typeof pageOfSignals>>,
  count: { n: number; more: boolean },
  at: { first: boolean; hasNext: boolean; hasPrev: boolean },
): ListPage {
  return {
    rows: rows.map(signalListItem),
    total: count.n,
    more: count.more,
    pageSize: PAGE_SIZE,
    first: at.first,
    next: at.hasNext && rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : null,
    prev: at.hasPrev && rows.length > 0 ? cursorOf(rows[0]!) : null,
  };
}

export type SavedFilter = savedStore.SavedFilterRow;

/** Whose saved filters: the principal's own in their municipality (`signal.filter.save`), Forbidden otherwise. */
function filterOwner(principal: Principal): { tenantId: string; userId: string } {
  authorize(can(principal, 'signal.filter.save'));
  if (!principal.tenantId || !principal.userId) throw Forbidden();
  return { tenantId: principal.tenantId, userId: principal.userId };
}

/** The principal's own saved filters in their municipality, by name. */
export async function savedFilters(db: DbOrTrx, principal: Principal): Promise<SavedFilter[]> {
  const { tenantId, userId } = filterOwner(principal);
  return savedStore.listSavedFilters(db, tenantId, userId);
}

/** Save the current filter under a name for the principal (the same name replaces it); at most MAX_SAVED_FILTERS per user and tenant. */
export async function saveFilter(db: DbOrTrx, principal: Principal, input: { name: string; query: ListQuery }): Promise<SavedFilter> {
  const { tenantId, userId } = filterOwner(principal);
  const name = input.name.trim();
  if (!name) throw Invalid({ name: 'signals.list.saved.nameRequired' });
  if (name.length > MAX_FILTER_NAME) throw Invalid({ name: 'signals.list.saved.nameTooLong' });
  const existing = await savedStore.findSavedFilterByName(db, tenantId, userId, name);
  if (!existing && (await savedStore.countSavedFilters(db, tenantId, userId)) >= MAX_SAVED_FILTERS) {
    throw Conflict('signals.list.saved.tooMany', { name: 'signals.list.saved.tooMany' });
  }
  return savedStore.upsertSavedFilter(db, {
    tenantId,
    userId,
    name,
    query: filterQueryString(input.query),
    now: principal.now,
  });
}

/** Delete one of the principal's own saved filters; NotFound when it is not theirs (or does not exist). */
export async function deleteFilter(db: DbOrTrx, principal: Principal, id: string): Promise<void> {
  const { tenantId, userId } = filterOwner(principal);
  if (!isUuid(id) || (await savedStore.deleteSavedFilter(db, tenantId, userId, id)) === 0) throw NotFound('signals.list.saved.notFound');
}

/** A person's saved list filters (all tenants), for the account export. */
export async function exportSavedFilters(
  db: DbOrTrx,
  userId: string,
): Promise<{ tenantId: string; name: string; query: string; createdAt: Date }[]> {
  return (await savedStore.savedFiltersOfUser(db, userId)).map((r) => ({
    tenantId: r.tenant_id,
    name: r.name,
    query: r.query,
    createdAt: r.created_at,
  }));
}

/** Remove a person's saved list filters on account deletion. */
export async function forgetSavedFilters(trx: Trx, userId: string): Promise<void> {
  await savedStore.deleteSavedFiltersOfUser(trx, userId);
}
