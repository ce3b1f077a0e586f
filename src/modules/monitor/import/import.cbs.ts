import type { IndicatorDefinition } from '../../../platform/module.ts';
import { CBS_BASIS_COLUMNS } from '../live/cbs-basis.ts';

/**
 * The CBS kerncijfers wijken en buurten (StatLine 85984NED and the years before and after) as
 * monitor indicators. Columns carry a numeric suffix that changes every year (`AantalInwoners_5`),
 * so they are matched by their base name (`AantalInwoners`). PDOK and StatLine write unknown or
 * secret figures as sentinel values (−99997 "geheim", −99995 "niet beschikbaar"…): those become
 * "unknown", never 0.
 */

const cbs = (
  code: string,
  nameNl: string,
  nameEn: string,
  unit: IndicatorDefinition['unit'],
  theme: IndicatorDefinition['theme'],
  extra: Partial<IndicatorDefinition> = {},
): IndicatorDefinition => ({
  code,
  nameNl,
  nameEn,
  unit,
  theme,
  direction: 'neutral',
  source: 'cbs',
  minRespondents: 5,
  decimals: 0,
  ...extra,
});

/** CBS base column name → the indicator it fills: the basis figures the demo loads (live/cbs-basis.ts), and more. */
export const CBS_COLUMNS: ReadonlyMap<string, IndicatorDefinition> = new Map([
  ...Object.entries(CBS_BASIS_COLUMNS),
  [
    'WmoClientenRelatief',
    cbs('cbs_wmo_per1000', 'Wmo-cliënten per 1.000 inwoners', 'Wmo clients per 1,000 inhabitants', 'per1000', 'care'),
  ],
  ['WmoClienten', cbs('cbs_wmo', 'Wmo-cliënten', 'Wmo clients', 'count', 'care')],
  [
    'MateVanStedelijkheid',
    cbs(
      'cbs_stedelijkheid',
      'Mate van stedelijkheid (1 zeer sterk – 5 niet stedelijk)',
      'Urbanity (1 very strong – 5 not urban)',
      'score',
      'population',
    ),
  ],
  ['k_65JaarOfOuder', cbs('cbs_65plus', 'Inwoners van 65 jaar of ouder', 'Inhabitants aged 65 or over', 'count', 'population')],
  ['Eenpersoonshuishoudens', cbs('cbs_eenpersoons', 'Eenpersoonshuishoudens', 'Single-person households', 'count', 'population')],
  ['HuishoudensTotaal', cbs('cbs_huishoudens', 'Huishoudens', 'Households', 'count', 'population')],
]);

/** Derived: the share of inhabitants aged 65 or over, from two base columns. */
export const CBS_65PLUS_PCT: IndicatorDefinition = cbs(
  'cbs_65plus_pct',
  'Aandeel inwoners van 65 jaar of ouder',
  'Share of inhabitants aged 65 or over',
  'percent',
  'population',
  { decimals: 1, formula: '100 × k_65JaarOfOuder / AantalInwoners' },
);

/** Every indicator a CBS import can fill, by code. */
export const CBS_DEFINITIONS: ReadonlyMap<string, IndicatorDefinition> = new Map(
  [...CBS_COLUMNS.values(), CBS_65PLUS_PCT].map((d) => [d.code, d]),
);

/** `AantalInwoners_5` → `AantalInwoners`; a name without a numeric suffix stays as it is. */
export function cbsBaseName(column: string): string {
  return column.trim().replace(/_\d+$/, '');
}

/** CBS/PDOK sentinel values for "unknown" or "secret" (−99999 … −99990). */
export function isCbsSentinel(n: number): boolean {
  return Number.isInteger(n) && n <= -99990 && n >= -99999;
}

/** StatLine table ids of the kerncijfers wijken en buurten, with their year. */
const STATLINE_TABLES: Record<string, string> = { '85984NED': '2024' };

/** The year a CBS file is about, from its name (`cbs_kwb_2024_…`, `85984NED…`), or null. */
export function cbsYearFromName(fileName: string): string | null {
  for (const [table, year] of Object.entries(STATLINE_TABLES)) if (fileName.toUpperCase().includes(table)) return year;
  const m = /(?:^|[^0-9])(19[9][0-9]|20[0-9]{2})(?:[^0-9]|$)/.exec(fileName);
  return m ? m[1]! : null;
}

/** The municipality digits an area code belongs to (`WK054201` → `0542`), or null for a code that is not CBS's. */
export function municipalityDigits(code: string): string | null {
  const m = /^(?:GM(\d{4})|WK(\d{4})\d{2}|BU(\d{4})\d{4})$/.exec(code);
  return m ? (m[1] ?? m[2] ?? m[3])! : null;
}
