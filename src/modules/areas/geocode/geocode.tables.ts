import type { ColumnType } from 'kysely';

/** One address of the municipality, from the BAG address extract (`samenhang import-addresses`). */
export interface AddressesTable {
  tenant_id: string;
  /** '9712AB' (no space, upper case). */
  postcode: string;
  house_number: number;
  /** BAG huisletter ('A'), '' when none. */
  house_letter: string;
  /** BAG huisnummertoevoeging ('2', 'BIS'), '' when none. */
  house_addition: string;
  street: string;
  place: string;
  lat: number;
  lon: number;
  /** BAG nummeraanduiding identificatie (16 digits), when the file has it. */
  bag_id: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Merged into the areas module's tables (areas.tables.ts). */
export interface GeocodeTables {
  addresses: AddressesTable;
}
