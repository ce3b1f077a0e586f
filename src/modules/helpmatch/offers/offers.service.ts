import type { DbOrTrx } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import {
  type OfferRow,
  upsertOffer,
  findOfferOfUser,
  listOffers,
  setVog,
  type LatentRow,
  upsertLatent,
  deleteLatent,
  listLatent,
} from './offers.store.ts';
import type { Reach, WeeklySlot } from '../helpmatch.tables.ts';
import type { Category } from '../categories.ts';
import { type Actor, assertNotBlocked, auditOf, ownTenant } from '../actor.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';
import { resolveLocation } from '../location.ts';
import { checkSlots } from '../requests/requests.service.ts';
import { isUuid } from '../../../platform/ids.ts';
import { MAX } from '../helpmatch.schemas.ts';

export interface OfferInput {
  talents: string;
  categories: Category[];
  slots: WeeklySlot[];
  reach: Reach;
  maxPerMonth: number;
  languages: string[];
  /** Home point from the form, or null to use the chosen buurt's label point. */
  lon?: number | null;
  lat?: number | null;
  buurtCode?: string | null;
  active: boolean;
  isDemo?: boolean;
}

/** Create or update the user's offer of help (one per tenant); a blocked user is refused. */
export async function saveOffer(db: DbOrTrx, tenantId: string, actor: Actor, input: OfferInput, now: Date): Promise<OfferRow> {
  authorize(can(actor, 'offer.save', { tenantId, userIds: [actor.userId] }));
  await assertNotBlocked(db, tenantId, actor.userId);
  if (input.categories.length === 0) throw Invalid({ categories: 'helpmatch.offer.categoriesRequired' });
  if (!Number.isInteger(input.maxPerMonth) || input.maxPerMonth < 1 || input.maxPerMonth > MAX.perMonth) {
    throw Invalid({ maxPerMonth: 'helpmatch.offer.maxInvalid' });
  }
  checkSlots(input.slots, 'slots');
  const loc = await resolveLocation(db, tenantId, { lon: input.lon ?? null, lat: input.lat ?? null, buurtCode: input.buurtCode ?? null });
  return inTransaction(db, async (trx) => {
    const row = await upsertOffer(
      trx,
      tenantId,
      actor.userId,
      {
        talents: input.talents.trim(),
        categories: [...new Set(input.categories)],
        slots: input.slots,
        reach: input.reach,
        max_per_month: input.maxPerMonth,
        languages: [...new Set(input.languages)],
        lon: loc.lon,
        lat: loc.lat,
        buurt_code: loc.buurtCode,
        wijk_code: loc.wijkCode,
        active: input.active,
      },
      now,
      input.isDemo ? { is_demo: true } : {},
    );
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'save', entity: 'help_offer', entityId: row.id });
    return row;
  });
}

/** The actor's own offer in their municipality, if any (`offer.viewOwn`). */
export async function getMyOffer(db: DbOrTrx, actor: Actor): Promise<OfferRow | null> {
  const tenantId = ownTenant(actor);
  authorize(can(actor, 'offer.viewOwn', { tenantId, userIds: [actor.userId] }));
  return (await findOfferOfUser(db, tenantId, actor.userId)) ?? null;
}

/** Offers of the tenant for coordinators (optionally active ones only). */
export function listOffersForCoordinator(db: DbOrTrx, tenantId: string, actor: Actor, activeOnly = false): Promise<OfferRow[]> {
  authorize(can(actor, 'offer.list', { tenantId }));
  return listOffers(db, tenantId, { activeOnly, limit: 1000 });
}

/** Record (or clear, with null) the date a coordinator saw the volunteer's VOG. */
export async function recordVog(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  offerId: string,
  seenOn: string | null,
  now: Date,
): Promise<void> {
  authorize(can(actor, 'offer.recordVog', { tenantId }));
  if (!isUuid(offerId)) throw NotFound();
  if (seenOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(seenOn) || seenOn > now.toISOString().slice(0, 10))) {
    throw Invalid({ seenOn: 'helpmatch.vog.invalidDate' });
  }
  await inTransaction(db, async (trx) => {
    if (!(await setVog(trx, tenantId, offerId, seenOn, actor.userId, now))) throw NotFound();
    await recordAudit(trx, {
      ...auditOf(actor, tenantId),
      action: seenOn ? 'vog_recorded' : 'vog_cleared',
      entity: 'help_offer',
      entityId: offerId,
    });
  });
}

/** Sign up as "aanspreekpunt in de straat" (latent help contact) for a buurt. */
export async function signUpLatent(
  db: DbOrTrx,
  tenantId: string,
  actor: Actor,
  input: { buurtCode: string; note: string; isDemo?: boolean },
  now: Date,
): Promise<LatentRow> {
  authorize(can(actor, 'latent.signUp', { tenantId, userIds: [actor.userId] }));
  await assertNotBlocked(db, tenantId, actor.userId);
  const loc = await resolveLocation(db, tenantId, { buurtCode: input.buurtCode });
  return inTransaction(db, async (trx) => {
    const row = await upsertLatent(trx, {
      tenant_id: tenantId,
      user_id: actor.userId,
      buurt_code: loc.buurtCode!,
      wijk_code: loc.wijkCode,
      note: input.note.trim(),
      is_demo: input.isDemo ?? false,
      created_at: now,
    });
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'create', entity: 'help_latent_contact', entityId: row.id });
    return row;
  });
}

/** Stop being a latent help contact for a buurt. */
export async function leaveLatent(db: DbOrTrx, tenantId: string, actor: Actor, id: string): Promise<void> {
  // The store deletes only the actor's own entry (NotFound for anyone else's).
  authorize(can(actor, 'latent.leave', { tenantId, userIds: [actor.userId] }));
  if (!isUuid(id)) throw NotFound();
  await inTransaction(db, async (trx) => {
    if (!(await deleteLatent(trx, tenantId, actor.userId, id))) throw NotFound();
    await recordAudit(trx, { ...auditOf(actor, tenantId), action: 'delete', entity: 'help_latent_contact', entityId: id });
  });
}

/**
 * Active latent help contacts of the tenant, optionally only in some buurten or of one user: one's
 * own (`userId` is the principal's), or anyone's for who may propose matches (the coordinator, the engine).
 */
export async function listLatentContacts(
  db: DbOrTrx,
  tenantId: string,
  principal: Principal,
  opts: { buurtCodes?: readonly string[]; userId?: string } = {},
): Promise<LatentRow[]> {
  const own = opts.userId !== undefined && opts.userId === principal.userId;
  authorize(
    own ? can(principal, 'latent.leave', { tenantId, userIds: [principal.userId] }) : can(principal, 'match.propose', { tenantId }),
  );
  return listLatent(db, tenantId, opts);
}
