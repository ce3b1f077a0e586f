/** The secret per fund behind the spot-check draw (docs/initiatives-review.md); created at the first draw. */
export interface InitiativeSpotCheckKeysTable {
  tenant_id: string;
  fund_id: string;
  secret: string;
}

/** Row types of the tables added by the accountability feature (migration 20261207T0940). */
export interface AccountTables {
  initiative_spot_check_keys: InitiativeSpotCheckKeysTable;
}

declare module '../../../platform/db/schema.ts' {
  interface Database extends AccountTables {}
}
