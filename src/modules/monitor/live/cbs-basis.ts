import { readFileSync } from 'node:fs';
import { projectPath } from '../../../platform/paths.ts';
import type { IndicatorDefinition, IndicatorMeasurement } from '../../../platform/module.ts';

/**
 * CBS basis figures (Kerncijfers wijken en buurten 2024, table 85984NED) as monitor measurements,
 * from `seed-data/cbs/cbs_kwb_2024_pilotgemeenten_basis.json` (CC-BY 4.0, CBS). Indicators are
 * matched by CBS base column name (the part before the `_<number>`).
 */
export const CBS_BASIS_FILE = 'seed-data/cbs/cbs_kwb_2024_pilotgemeenten_basis.json';
export const CBS_PERIOD = '2024';
const NOTE = 'CBS, Kerncijfers wijken en buurten 2024 (85984NED), CC-BY 4.0';

const def = (
  code: string,
  nameNl: string,
  nameEn: string,
  descriptionNl: string,
  descriptionEn: string,
  decimals = 0,
): IndicatorDefinition => ({
  code,
  nameNl,
  nameEn,
  descriptionNl,
  descriptionEn,
  unit: 'count',
  direction: 'neutral',
  source: 'cbs',
  theme: 'population',
  decimals,
  minRespondents: 5,
});

/** CBS base column → the indicator it fills. */
export const CBS_BASIS_COLUMNS: Readonly<Record<string, IndicatorDefinition>> = {
  AantalInwoners: def('cbs_inwoners', 'Inwoners', 'Inhabitants', 'Aantal inwoners op 1 januari.', 'Inhabitants on 1 January.'),
  Mannen: def('cbs_mannen', 'Mannen', 'Men', 'Aantal mannen op 1 januari.', 'Men on 1 January.'),
  Vrouwen: def('cbs_vrouwen', 'Vrouwen', 'Women', 'Aantal vrouwen op 1 januari.', 'Women on 1 January.'),
  Bevolkingsdichtheid: def(
    'cbs_dichtheid',
    'Inwoners per km² land',
    'Inhabitants per km² of land',
    'Bevolkingsdichtheid: inwoners per vierkante kilometer land.',
    'Population density: inhabitants per square kilometre of land.',
  ),
  Woningvoorraad: def('cbs_woningen', 'Woningen', 'Dwellings', 'Aantal woningen op 1 januari.', 'Dwellings on 1 January.'),
  OppervlakteTotaal: def(
    'cbs_oppervlakte_totaal',
    'Oppervlakte (hectare)',
    'Area (hectares)',
    'Totale oppervlakte in hectare.',
    'Total area in hectares.',
  ),
  OppervlakteLand: def(
    'cbs_oppervlakte_land',
    'Oppervlakte land (hectare)',
    'Land area (hectares)',
    'Oppervlakte land in hectare.',
    'Land area in hectares.',
  ),
  OppervlakteWater: def(
    'cbs_oppervlakte_water',
    'Oppervlakte water (hectare)',
    'Water area (hectares)',
    'Oppervlakte water in hectare.',
    'Water area in hectares.',
  ),
};

export const CBS_BASIS_DEFINITIONS: readonly IndicatorDefinition[] = Object.values(CBS_BASIS_COLUMNS);

/** The base name of a CBS column: `AantalInwoners_5` → `AantalInwoners`. */
export const cbsBaseName = (column: string) => column.replace(/_\d+$/, '');

/** Which CBS codes belong to a municipality, and whether its own figures are the sum of its wijken. */
function ruleFor(tenantId: string): { wijk: (code: string) => boolean; sumWijken: boolean } {
  // Former Heerhugowaard is part of Dijk en Waard (GM1980) since 2022: its wijken are WK198010–WK198028.
  if (tenantId === 'GM1980') return { wijk: (c) => c >= 'WK198010' && c <= 'WK198028', sumWijken: true };
  return { wijk: (c) => c.startsWith(`WK${tenantId.slice(2)}`), sumWijken: false };
}

type Kwb = Record<string, Record<string, number | null>>;

/** The CBS basis figures of one municipality and its wijken as measurements (period 2024, source cbs). */
export function cbsBasisMeasurements(tenantId: string, kwb: Kwb = readKwb()): IndicatorMeasurement[] {
  const rule = ruleFor(tenantId);
  const out: IndicatorMeasurement[] = [];
  const push = (areaCode: string, figures: Record<string, number | null>) => {
    for (const [column, value] of Object.entries(figures)) {
      const d = CBS_BASIS_COLUMNS[cbsBaseName(column)];
      // CBS sentinel values (negative) and absent figures are unknown, never 0.
      const known = typeof value === 'number' && Number.isFinite(value) && value >= 0;
      if (d) out.push({ indicatorCode: d.code, areaCode, period: CBS_PERIOD, value: known ? value : null, sourceNote: NOTE });
    }
  };
  const wijken = Object.keys(kwb)
    .filter((c) => c.startsWith('WK') && rule.wijk(c))
    .sort();
  for (const code of wijken) push(code, kwb[code]!);
  if (!rule.sumWijken) {
    if (kwb[tenantId]) push(tenantId, kwb[tenantId]);
    return out;
  }
  // A part of a merged municipality: counts are the sum of its wijken, the density is recomputed from them.
  const sum = (base: string) => {
    let total = 0;
    for (const code of wijken) {
      const entry = Object.entries(kwb[code]!).find(([k]) => cbsBaseName(k) === base);
      if (!entry || typeof entry[1] !== 'number' || entry[1] < 0) return null;
      total += entry[1];
    }
    return total;
  };
  const figures: Record<string, number | null> = {};
  for (const base of Object.keys(CBS_BASIS_COLUMNS)) if (base !== 'Bevolkingsdichtheid') figures[base] = sum(base);
  const inhabitants = figures.AantalInwoners ?? null;
  const land = figures.OppervlakteLand ?? null;
  figures.Bevolkingsdichtheid = inhabitants !== null && land ? Math.round(inhabitants / (land / 100)) : null;
  push(tenantId, figures);
  return out;
}

function readKwb(): Kwb {
  return JSON.parse(readFileSync(projectPath(CBS_BASIS_FILE), 'utf8')) as Kwb;
}
