/** Queries of the social return per project card: its settings (shadow price) and its valued items (this module's tables only). */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Certainty } from './calc.ts';

export interface Settings {
  cardId: string;
  /** Cents per volunteer hour; null: not set. */
  shadowPriceCents: number | null;
  shadowPriceSource: string;
  shadowPriceCertainty: Certainty;
  shadowPriceIsDemo: boolean;
  updatedAt: Date;
}

export interface Item {
  id: string;
  cardId: string;
  kind: 'avoided_cost' | 'valued_outcome';
  labelNl: string;
  labelEn: string;
  amountCents: number | null;
  certainty: Certainty;
  source: string;
  isDemo: boolean;
  createdAt: Date;
}

export interface ItemFields {
  kind: Item['kind'];
  labelNl: string;
  labelEn: string;
  amountCents: number | null;
  certainty: Certainty;
  source: string;
  isDemo: boolean;
}

export async function findSettings(db: DbOrTrx, tenantId: string, cardId: string): Promise<Settings | null> {
  const r = await db
    .selectFrom('evaluation_social_returns')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('card_id', '=', cardId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    cardId: r.card_id,
    shadowPriceCents: r.shadow_price_cents_per_hour,
    shadowPriceSource: r.shadow_price_source,
    shadowPriceCertainty: r.shadow_price_certainty,
    shadowPriceIsDemo: r.shadow_price_is_demo,
    updatedAt: r.updated_at,
  };
}

/** Make sure the card has its settings row (items hang from it); leaves an existing row alone. */
export async function ensureSettings(db: DbOrTrx, tenantId: string, cardId: string, by: string | null, now: Date): Promise<void> {
  await db
    .insertInto('evaluation_social_returns')
    .values({ tenant_id: tenantId, card_id: cardId, shadow_price_cents_per_hour: null, updated_by: by, updated_at: now })
    .onConflict((oc) => oc.columns(['tenant_id', 'card_id']).doNothing())
    .execute();
}

export async function saveShadowPrice(
  db: DbOrTrx,
  tenantId: string,
  cardId: string,
  price: { cents: number | null; source: string; certainty: Certainty; isDemo: boolean },
  by: string | null,
  now: Date,
): Promise<void> {
  const values = {
    shadow_price_cents_per_hour: price.cents,
    shadow_price_source: price.source,
    shadow_price_certainty: price.certainty,
    shadow_price_is_demo: price.isDemo,
    updated_by: by,
    updated_at: now,
  };
  await db
    .insertInto('evaluation_social_returns')
    .values({ tenant_id: tenantId, card_id: cardId, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'card_id']).doUpdateSet(values))
    .execute();
}

export async function listItems(db: DbOrTrx, tenantId: string, cardId: string): Promise<Item[]> {
  const rows = await db
    .selectFrom('evaluation_social_return_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('card_id', '=', cardId)
    .orderBy('created_at')
    .orderBy('label_nl')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    cardId: r.card_id,
    kind: r.kind,
    labelNl: r.label_nl,
    labelEn: r.label_en,
    amountCents: r.amount_cents,
    certainty: r.certainty,
    source: r.source_text,
    isDemo: r.is_demo,
    createdAt: r.created_at,
  }));
}

const itemValues = (f: ItemFields) => ({
  kind: f.kind,
  label_nl: f.labelNl,
  label_en: f.labelEn,
  amount_cents: f.amountCents,
  certainty: f.certainty,
  source_text: f.source,
  is_demo: f.isDemo,
});

export async function insertItem(
  db: DbOrTrx,
  tenantId: string,
  cardId: string,
  f: ItemFields,
  by: string | null,
  now: Date,
): Promise<string> {
  const r = await db
    .insertInto('evaluation_social_return_items')
    .values({ tenant_id: tenantId, card_id: cardId, ...itemValues(f), created_by: by, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Change an item of this card; false when there is no such item. */
export async function updateItem(db: DbOrTrx, tenantId: string, cardId: string, id: string, f: ItemFields): Promise<boolean> {
  const r = await db
    .updateTable('evaluation_social_return_items')
    .set(itemValues(f))
    .where('tenant_id', '=', tenantId)
    .where('card_id', '=', cardId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Remove an item of this card; false when there is no such item. */
export async function deleteItem(db: DbOrTrx, tenantId: string, cardId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('evaluation_social_return_items')
    .where('tenant_id', '=', tenantId)
    .where('card_id', '=', cardId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
