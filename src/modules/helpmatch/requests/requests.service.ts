import { DateTime } from 'luxon';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import {
  insertRequest,
  type RequestRow,
  findRequest,
  transitionRequest,
  listRequestsOfUser,
  listRequests,
  expireDue,
} from './requests.store.ts';
import { type MatchRow, listMatchesOfRequest, transitionMatch } from '../matches/matches.store.ts';
import type { HelpType, RequestState, Urgency, WeeklySlot } from '../helpmatch.tables.ts';
import type { Category } from '../categories.ts';
import { type Actor, auditOf, ownTenant } from '../actor.ts';
import { authorize, reachOf, type Principal } from '../../../platform/principal.ts';
import { can, RULES } from '../policies.ts';
import { placeRequest } from '../location.ts';
import { ZONE } from '../../../platform/time.ts';
import { isUuid } from '../../../platform/ids.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';

/** A weekly (recurring) request stays open this long without a match. */
const WEEKLY_OPEN_DAYS = 60;

/** The states and weekly slots as views see them. */
export type { RequestState, WeeklySlot } from '../helpmatch.tables.ts';

export type RequestSchedule = { kind: 'once'; date: string; from: string; to: string } | { kind: 'weekly'; slots: WeeklySlot[] };

export interface NewRequest {
  category: Category;
  helpType: HelpType;
  summary: string;
  remarks?: string | null;
  schedule: RequestSchedule;
  /** Private: shown only to the matched volunteer after acceptance and to coordinators. */
  address: string;
  /** A pin from the map; without one the address (with the postcode) is geocoded (location.ts `placeRequest`). */
  lon?: number | null;
  lat?: number | null;
  /** A buurt the caller already knows (demo data); its label point is used. */
  buurtCode?: string | null;
  /** The postcode as typed ("9712 AB"). */
  postcode?: string | null;
  /** How far away the helper may live, in metres; null = anywhere in the municipality. */
  radiusM: number | null;
  urgency: Urgency;
  vulnerable: boolean;
  /** Asked on behalf of a resident without an account (volunteers and professionals only). */
  onBehalf?: { name: string; phone?: string | null; email?: string | null } | null;
  isDemo?: boolean;
}

function instant(date: string, time: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE });
}

/** Check slots: valid weekday, from before to. */
export function checkSlots(slots: readonly WeeklySlot[], field: string): void {
  if (slots.length === 0) throw Invalid({ [field]: 'helpmatch.slots.required' });
  for (const s of slots) {
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7 || !(s.from < s.to)) {
      throw Invalid({ [field]: 'helpmatch.slots.invalid' });
    }
  }
}

/**
 * Create a request for help. Refuses a time window in the past, a radius of 0, a place outside
 * the municipality and asking on behalf of someone without being a volunteer or professional.
 */
export async function createRequest(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  input: NewRequest,
  now: Date,
): Promise<{ id: string; note: { key: MessageKey; params: Record<string, string> } | null }> {
  authorize(can(actor, 'request.create', { tenantId, userIds: [actor.userId] }));
  if (input.onBehalf && !can(actor, 'request.createOnBehalf')) throw Forbidden('helpmatch.request.onBehalfNotAllowed');
  if (input.radiusM !== null && !(input.radiusM > 0)) throw Invalid({ radius: 'helpmatch.request.radiusZero' });
  if (input.address.trim().length === 0) throw Invalid({ address: 'form.required' });
  let startsAt: Date | null = null;
  let endsAt: Date | null = null;
  let expiresAt: Date;
  if (input.schedule.kind === 'once') {
    const s = instant(input.schedule.date, input.schedule.from);
    const e = instant(input.schedule.date, input.schedule.to);
    if (!s.isValid || !e.isValid) throw Invalid({ date: 'helpmatch.request.invalidDate' });
    if (e <= s) throw Invalid({ to: 'helpmatch.request.toBeforeFrom' });
    if (e.toMillis() <= now.getTime()) throw Invalid({ date: 'helpmatch.request.past' });
    if (s.toMillis() > now.getTime() + 366 * 86_400_000) throw Invalid({ date: 'helpmatch.request.tooFar' });
    startsAt = s.toJSDate();
    endsAt = e.toJSDate();
    expiresAt = endsAt;
  } else {
    checkSlots(input.schedule.slots, 'slots');
    expiresAt = new Date(now.getTime() + WEEKLY_OPEN_DAYS * 86_400_000);
  }
  const loc = await placeRequest(db, tenantId, {
    lon: input.lon ?? null,
    lat: input.lat ?? null,
    buurtCode: input.buurtCode ?? null,
    address: input.address,
    postcode: input.postcode ?? null,
  });
  return inTransaction(db, async (trx) => {
    const row = await insertRequest(trx, {
      tenant_id: tenantId,
      requester_user_id: input.onBehalf ? null : actor.userId,
      created_by_user_id: actor.userId,
      on_behalf: !!input.onBehalf,
      subject_name: input.onBehalf?.name ?? null,
      subject_phone: input.onBehalf?.phone ?? null,
      subject_email: input.onBehalf?.email ?? null,
      category: input.category,
      help_type: input.helpType,
      summary: input.summary.trim(),
      remarks: input.remarks?.trim() || null,
      schedule_kind: input.schedule.kind,
      on_date: input.schedule.kind === 'once' ? input.schedule.date : null,
      time_from: input.schedule.kind === 'once' ? input.schedule.from : null,
      time_to: input.schedule.kind === 'once' ? input.schedule.to : null,
      starts_at: startsAt,
      ends_at: endsAt,
      slots: input.schedule.kind === 'weekly' ? input.schedule.slots : [],
      address: input.address.trim(),
      lon: loc.lon,
      lat: loc.lat,
      buurt_code: loc.buurtCode,
      wijk_code: loc.wijkCode,
      radius_m: input.radiusM,
      urgency: input.urgency,
      vulnerable: input.vulnerable,
      expires_at: expiresAt,
      is_demo: input.isDemo ?? false,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, {
      ...auditOf(actor, tenantId),
      action: 'create',
      entity: 'help_request',
      entityId: row.id,
      detail: { onBehalf: !!input.onBehalf },
    });
    return { id: row.id, note: loc.note };
  });
}

/** The users on the asking side of a request: the requester and whoever created it for them. */
export function requesterSide(r: Pick<RequestRow, 'requester_user_id' | 'created_by_user_id'>): string[] {
  return [...new Set([r.requester_user_id, r.created_by_user_id].filter((x): x is string => !!x))];
}

/** What policies.ts needs to know of a request: its municipality and its asking side. */
export function requestFacts(r: Pick<RequestRow, 'tenant_id' | 'requester_user_id' | 'created_by_user_id'>) {
  return { tenantId: r.tenant_id, userIds: requesterSide(r) };
}

/** A request by id within the tenant, or NotFound (the row only: callers check the rule themselves). */
async function findOrNotFound(db: DbOrTrx, tenantId: string, id: string): Promise<RequestRow> {
  const r = isUuid(id) ? await findRequest(db, tenantId, id) : undefined;
  if (!r) throw NotFound('helpmatch.request.notFound');
  return r;
}

/** A request with its private details, for its asking side and coordinators (`request.viewPrivate`); NotFound or Forbidden otherwise. Jobs pass `systemPrincipal`. */
export async function loadRequest(db: DbOrTrx, principal: Principal, tenantId: string, id: string): Promise<RequestRow> {
  const r = await findOrNotFound(db, tenantId, id);
  authorize(can(principal, 'request.viewPrivate', requestFacts(r)));
  return r;
}

/** A request's page as the actor may see it. */
export interface RequestView {
  /** The row: show only its summary (summarise) unless `privateInfo` is set. */
  request: RequestRow;
  /** The actor is on its asking side. */
  isOwner: boolean;
  /** The actor sees every request of the municipality (`request.viewPrivate` with reach `all`: the coordinator). */
  isCoordinator: boolean;
  /** Address, remarks and the person it is for: the asking side and coordinators only. */
  privateInfo: Pick<RequestRow, 'address' | 'remarks' | 'subject_name' | 'subject_phone' | 'subject_email'> | null;
  /** Its matches (suggestions only for coordinators): the asking side and coordinators only. */
  matches: MatchRow[] | null;
}

/**
 * A request's page for the actor: its summary for every member (`request.view`), and for its asking
 * side and coordinators (`request.viewPrivate`) its private details and matches.
 */
export async function viewRequest(db: DbOrTrx, actor: Actor, tenantId: string, id: string): Promise<RequestView> {
  authorize(can(actor, 'request.view', { tenantId }));
  const r = await findOrNotFound(db, tenantId, id);
  const isOwner = requesterSide(r).includes(actor.userId);
  const isCoordinator = reachOf(RULES, actor, 'request.viewPrivate') === 'all';
  if (!can(actor, 'request.viewPrivate', requestFacts(r))) return { request: r, isOwner, isCoordinator, privateInfo: null, matches: null };
  const matches = (await listMatchesOfRequest(db, tenantId, r.id)).filter((m) => isCoordinator || m.state !== 'suggested');
  const { address, remarks, subject_name, subject_phone, subject_email } = r;
  return { request: r, isOwner, isCoordinator, privateInfo: { address, remarks, subject_name, subject_phone, subject_email }, matches };
}

/** Withdraw an open or matched request (by the asking side or a coordinator); live matches are cancelled. */
export async function withdrawRequest(db: DbOrTrx, tenantId: string, actor: Actor, id: string, now: Date): Promise<void> {
  await inTransaction(db, async (trx) => {
    const r = await findOrNotFound(trx, tenantId, id);
    authorize(can(actor, 'request.withdraw', requestFacts(r)));
    const ok = await transitionRequest(trx, tenantId, id, ['open', 'matched'], 'withdrawn', now);
    if (!ok) throw Conflict('helpmatch.request.notOpen');
    for (const m of await listMatchesOfRequest(trx, tenantId, id)) {
      if (m.state === 'suggested' || m.state === 'proposed' || m.state === 'awaiting_requester' || m.state === 'accepted') {
        await transitionMatch(trx, tenantId, m.id, [m.state], { state: 'cancelled', closed_at: now, updated_at: now });
      }
    }
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'withdraw', entity: 'help_request', entityId: id });
  });
}

/** Requests the actor asked for or created on behalf of someone in their municipality, newest first (`request.viewPrivate`, own). */
export async function listMyRequests(db: DbOrTrx, actor: Actor): Promise<RequestRow[]> {
  const tenantId = ownTenant(actor);
  authorize(can(actor, 'request.viewPrivate', { tenantId, userIds: [actor.userId] }));
  return listRequestsOfUser(db, tenantId, actor.userId);
}

/** Requests of the tenant for coordinators (full rows: the caller audits the view). */
export function listRequestsForCoordinator(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  states?: readonly RequestState[],
): Promise<RequestRow[]> {
  authorize(can(actor, 'request.list', { tenantId }));
  return listRequests(db, tenantId, { ...(states ? { states } : {}), limit: 500 });
}

/** Expire open requests whose time has passed (the `helpmatch.expire` job); returns how many. */
export async function expireRequests(db: DbOrTrx, now: Date): Promise<number> {
  return inTransaction(db, async (trx) => {
    const expired = await expireDue(trx, now);
    for (const r of expired) {
      for (const m of await listMatchesOfRequest(trx, r.tenant_id, r.id)) {
        if (m.state === 'suggested' || m.state === 'proposed' || m.state === 'awaiting_requester') {
          await transitionMatch(trx, r.tenant_id, m.id, [m.state], { state: 'cancelled', closed_at: now, updated_at: now });
        }
      }
    }
    return expired.length;
  });
}
