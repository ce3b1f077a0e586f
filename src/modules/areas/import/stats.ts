/** CBS key figures stored per area, in display order; an absent key means unknown. */
export const STAT_KEYS = [
  'inhabitants',
  'men',
  'women',
  'age0to15',
  'age15to25',
  'age25to45',
  'age45to65',
  'age65plus',
  'households',
  'householdSize',
  'density',
  'dwellings',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/** Property names of the PDOK/CBS wijk and buurt files. */
const FROM_PROPERTIES: Record<string, StatKey> = {
  aantal_inwoners: 'inhabitants',
  mannen: 'men',
  vrouwen: 'women',
  '0_15': 'age0to15',
  '15_25': 'age15to25',
  '25_45': 'age25to45',
  '45_65': 'age45to65',
  '65plus': 'age65plus',
  huishoudens: 'households',
  gem_huishouden_grootte: 'householdSize',
  bevolkingsdichtheid: 'density',
  woningvoorraad: 'dwellings',
};

/** Column keys of CBS StatLine table 85984NED (Kerncijfers wijken en buurten 2024). */
const FROM_KWB: Record<string, StatKey> = {
  AantalInwoners_5: 'inhabitants',
  Mannen_6: 'men',
  Vrouwen_7: 'women',
  Bevolkingsdichtheid_34: 'density',
  Woningvoorraad_35: 'dwellings',
};

function pick(source: Record<string, unknown>, mapping: Record<string, StatKey>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [prop, key] of Object.entries(mapping)) {
    const v = source[prop];
    // CBS marks secret or unknown values with large negative sentinels: those stay unknown.
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** Key figures from the properties of a CBS wijk/buurt GeoJSON feature. */
export function statsFromProperties(props: Record<string, unknown>): Record<string, number> {
  return pick(props, FROM_PROPERTIES);
}

/** Key figures from a row of the CBS kerncijfers table. */
export function statsFromKwb(row: Record<string, unknown>): Record<string, number> {
  return pick(row, FROM_KWB);
}

/** Sum of counts (not percentages or averages) over areas; a count unknown in any area stays unknown. */
export function sumCounts(all: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of ['inhabitants', 'men', 'women', 'households', 'dwellings'] as const) {
    if (all.length > 0 && all.every((s) => typeof s[key] === 'number')) out[key] = all.reduce((n, s) => n + s[key]!, 0);
  }
  return out;
}
