import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { IndicatorDefinition, IndicatorMeasurement, IndicatorUnit } from '../../../platform/module.ts';
import { parsePeriod } from '../core/periods.ts';
import { CBS_65PLUS_PCT, CBS_COLUMNS, CBS_DEFINITIONS, cbsBaseName, isCbsSentinel, municipalityDigits } from './import.cbs.ts';
import { checkDefinitions } from './import.definitions.ts';
import type { Cell, Table } from './import.parse.ts';

/**
 * The checks of a monitor import, without the database: every row is checked, every problem is
 * reported with its line and reason, and the caller writes only when nothing was rejected.
 */

/** One refused row: line 0 is the file as a whole, line 1 its header; `sheet` names the XLSX sheet `indicators`. */
export interface Rejection {
  row: number;
  sheet?: 'indicators';
  reason: MessageKey;
  params?: Record<string, string | number>;
}

export type AreaLevel = 'municipality' | 'district' | 'neighbourhood';

export interface CheckContext {
  tenantId: string;
  now: Date;
  /** The municipality's areas (from the areas module), by code, with the municipality itself. */
  areas: ReadonlyMap<string, AreaLevel>;
  /** The crosswalk: a code of an old division and the code that replaced it from `toYear` on. */
  crosswalk: readonly { fromCode: string; toCode: string; toYear: number }[];
  /** The municipality's indicators, by code. */
  indicators: ReadonlyMap<string, { unit: IndicatorUnit; source: IndicatorDefinition['source'] }>;
  sourceNote: string;
  /** Called while rows are checked (the command line's progress bar). */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface Checked {
  measurements: IndicatorMeasurement[];
  /** Indicators to create or update first (the `indicators` sheet, and CBS indicators used). */
  definitions: IndicatorDefinition[];
  rejected: Rejection[];
  /** Rows of other municipalities in a national CBS file, passed over. */
  skipped: number;
}

const LEVELS: Record<string, AreaLevel> = {
  gemeente: 'municipality',
  municipality: 'municipality',
  wijk: 'district',
  district: 'district',
  buurt: 'neighbourhood',
  neighbourhood: 'neighbourhood',
  neighborhood: 'neighbourhood',
};
const PREFIX: Record<AreaLevel, { prefix: string; digits: number }> = {
  municipality: { prefix: 'GM', digits: 4 },
  district: { prefix: 'WK', digits: 6 },
  neighbourhood: { prefix: 'BU', digits: 8 },
};
const levelOfCode = (code: string): AreaLevel | null =>
  code.startsWith('GM') ? 'municipality' : code.startsWith('WK') ? 'district' : code.startsWith('BU') ? 'neighbourhood' : null;

/** A period as written in a file (`2024`, `2024-Q3`, `2024Q3`, `2024 Q3`, `2024-11`), normalised; null when malformed. */
export function normalisePeriod(cell: Cell): string | null {
  if (cell === null) return null;
  const t = String(cell)
    .trim()
    .toUpperCase()
    .replace(/^(\d{4})\s*-?\s*Q([1-4])$/, '$1-Q$2');
  return parsePeriod(t)?.period ?? null;
}

type Value = { kind: 'empty' } | { kind: 'unknown' } | { kind: 'number'; n: number } | { kind: 'bad' };

/** A cell as a number: `6,4` and `1.234,5` (Dutch) and `6.4` are read; `.` and CBS sentinels are "unknown". */
export function readValue(cell: Cell): Value {
  if (cell === null) return { kind: 'empty' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { kind: 'bad' };
    return isCbsSentinel(cell) ? { kind: 'unknown' } : { kind: 'number', n: cell };
  }
  const t = cell.trim();
  if (t === '') return { kind: 'empty' };
  if (t === '.') return { kind: 'unknown' };
  let s: string | null = null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) s = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(t)) s = t.replace(',', '.');
  else if (/^-?\d+(\.\d+)?$/.test(t)) s = t;
  if (s === null) return { kind: 'bad' };
  const n = Number(s);
  return isCbsSentinel(n) ? { kind: 'unknown' } : { kind: 'number', n };
}

/** Why a value cannot be of this unit, or null when it can. */
export function unitProblem(unit: IndicatorUnit, n: number): MessageKey | null {
  if (unit === 'percent' && (n < 0 || n > 100)) return 'monitor.import.reason.percent';
  if (unit === 'score' && (n < 0 || n > 10)) return 'monitor.import.reason.score';
  if (unit === 'count' && n < 0) return 'monitor.import.reason.negativeCount';
  if ((unit === 'per1000' || unit === 'hours' || unit === 'days' || unit === 'ratio') && n < 0) return 'monitor.import.reason.negative';
  return null;
}

/** Checks one area code for a period: known, of the right level, and of the division of that period. */
function areaProblem(ctx: CheckContext, code: string, level: AreaLevel, year: number): Omit<Rejection, 'row'> | null {
  const known = ctx.areas.get(code);
  const gone = ctx.crosswalk.find((c) => c.fromCode === code && c.toCode !== code && year >= c.toYear);
  if (gone) return { reason: 'monitor.import.reason.twoDivisions', params: { code, to: gone.toCode, year: gone.toYear } };
  const old = ctx.crosswalk.some((c) => c.fromCode === code);
  if (!known && !old) return { reason: 'monitor.import.reason.unknownArea', params: { code } };
  const actual = known ?? levelOfCode(code);
  if (actual !== level) return { reason: 'monitor.import.reason.levelMismatch', params: { code } };
  return null;
}

function periodProblem(ctx: CheckContext, period: string): MessageKey | null {
  const p = parsePeriod(period)!;
  if (p.year < 1990) return 'monitor.import.reason.periodTooOld';
  if (p.start > ctx.now.toISOString().slice(0, 10)) return 'monitor.import.reason.periodFuture';
  return null;
}

const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** The long format Swing uses: `PERIOD, GEOLEVEL, GEOITEM, <indicator…>`, one row per area and period. */
export function checkLong(table: Table, defsTable: Table | undefined, ctx: CheckContext): Checked {
  const rejected: Rejection[] = [];
  const sheetDefs = defsTable ? checkDefinitions(defsTable, rejected) : [];
  const header = table.header.map((h) => h.trim());
  const col = (name: string) => header.findIndex((h) => h.toUpperCase() === name);
  const [iPeriod, iLevel, iItem] = [col('PERIOD'), col('GEOLEVEL'), col('GEOITEM')];
  for (const [name, i] of [
    ['PERIOD', iPeriod],
    ['GEOLEVEL', iLevel],
    ['GEOITEM', iItem],
  ] as const) {
    if (i < 0) rejected.push({ row: 1, reason: 'monitor.import.reason.missingColumn', params: { column: name } });
  }
  const units = new Map<string, IndicatorUnit>();
  for (const [code, d] of ctx.indicators) units.set(code, d.unit);
  const used = new Map<string, IndicatorDefinition>();
  for (const d of sheetDefs) {
    if (ctx.indicators.get(d.code)?.source === 'platform') {
      rejected.push({ row: 1, sheet: 'indicators', reason: 'monitor.import.reason.computedIndicator', params: { code: d.code } });
    }
    units.set(d.code, d.unit);
    used.set(d.code, d);
  }
  const columns: { index: number; code: string; unit: IndicatorUnit }[] = [];
  const seenColumns = new Set<string>();
  header.forEach((h, index) => {
    if (index === iPeriod || index === iLevel || index === iItem || h === '') return;
    const cbs = CBS_DEFINITIONS.get(h);
    const unit = units.get(h) ?? cbs?.unit;
    if (seenColumns.has(h)) rejected.push({ row: 1, reason: 'monitor.import.reason.duplicateColumn', params: { column: h } });
    else if (!unit) rejected.push({ row: 1, reason: 'monitor.import.reason.unknownIndicator', params: { column: h } });
    else if (ctx.indicators.get(h)?.source === 'platform') {
      rejected.push({ row: 1, reason: 'monitor.import.reason.computedIndicator', params: { code: h } });
    } else {
      columns.push({ index, code: h, unit });
      if (cbs && !ctx.indicators.has(h) && !used.has(h)) used.set(h, cbs);
    }
    seenColumns.add(h);
  });
  if (rejected.some((r) => r.row <= 1 && !r.sheet)) return { measurements: [], definitions: [], rejected, skipped: 0 };

  const measurements: IndicatorMeasurement[] = [];
  const levelsOf = new Map<string, { level: AreaLevel; line: number }>();
  const firstLine = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const bad = (reason: MessageKey, params?: Record<string, string | number>) =>
      rejected.push({ row: line, reason, ...(params ? { params } : {}) });
    const period = normalisePeriod(cells[iPeriod] ?? null);
    if (!period) {
      bad('monitor.import.reason.badPeriod', { value: text(cells[iPeriod]) });
      continue;
    }
    const periodIssue = periodProblem(ctx, period);
    if (periodIssue) {
      bad(periodIssue, { value: period });
      continue;
    }
    const level = LEVELS[text(cells[iLevel]).toLowerCase()];
    if (!level) {
      bad('monitor.import.reason.badLevel', { value: text(cells[iLevel]) });
      continue;
    }
    let code = text(cells[iItem]).toUpperCase();
    if (/^\d+$/.test(code) && code.length === PREFIX[level].digits) code = PREFIX[level].prefix + code;
    const earlier = levelsOf.get(code);
    if (earlier && earlier.level !== level) {
      bad('monitor.import.reason.twoLevels', { code, line: earlier.line });
      continue;
    }
    if (!earlier) levelsOf.set(code, { level, line });
    const area = areaProblem(ctx, code, level, parsePeriod(period)!.year);
    if (area) {
      rejected.push({ row: line, ...area });
      continue;
    }
    for (const c of columns) {
      const v = readValue(cells[c.index] ?? null);
      if (v.kind === 'empty') continue;
      if (v.kind === 'bad') {
        bad('monitor.import.reason.notNumber', { column: c.code, value: text(cells[c.index]) });
        continue;
      }
      if (v.kind === 'number') {
        const problem = unitProblem(c.unit, v.n);
        if (problem) {
          bad(problem, { column: c.code, value: text(cells[c.index]) });
          continue;
        }
      }
      const key = `${c.code}|${code}|${period}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        bad('monitor.import.reason.duplicate', { column: c.code, line: first });
        continue;
      }
      firstLine.set(key, line);
      measurements.push({
        indicatorCode: c.code,
        areaCode: code,
        period,
        value: v.kind === 'number' ? v.n : null,
        status: v.kind === 'number' ? 'ok' : 'unknown',
        sourceNote: ctx.sourceNote,
      });
    }
  }
  return { measurements, definitions: [...used.values()], rejected, skipped: 0 };
}

/** A CBS kerncijfers file (StatLine CSV or the JSON shape): columns matched by base name, rows by area code. */
export function checkCbs(table: Table, period: string | null, ctx: CheckContext): Checked {
  const rejected: Rejection[] = [];
  const bases = table.header.map(cbsBaseName);
  const iCode = bases.findIndex((b) => b === 'Codering') >= 0 ? bases.indexOf('Codering') : bases.indexOf('WijkenEnBuurten');
  if (iCode < 0) rejected.push({ row: 1, reason: 'monitor.import.reason.noCodeColumn' });
  const columns = bases.flatMap((b, index) => {
    const def = CBS_COLUMNS.get(b);
    return def ? [{ index, def }] : [];
  });
  if (columns.length === 0) rejected.push({ row: 1, reason: 'monitor.import.reason.noCbsColumns' });
  if (!period) rejected.push({ row: 0, reason: 'monitor.import.reason.cbsPeriod' });
  else {
    const issue = periodProblem(ctx, period);
    if (issue) rejected.push({ row: 0, reason: issue, params: { value: period } });
  }
  if (rejected.length > 0 || !period) return { measurements: [], definitions: [], rejected, skipped: 0 };

  const digits = municipalityDigits(ctx.tenantId);
  const year = parsePeriod(period)!.year;
  const iInhabitants = bases.indexOf('AantalInwoners');
  const i65 = bases.indexOf('k_65JaarOfOuder');
  const used = new Map<string, IndicatorDefinition>();
  const measurements: IndicatorMeasurement[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  let done = 0;
  for (const { line, cells } of table.rows) {
    if (++done % 100 === 0) ctx.onProgress?.(done, table.rows.length);
    const code = text(cells[iCode]).toUpperCase();
    const level = levelOfCode(code);
    if (!level || municipalityDigits(code) !== digits) {
      skipped++;
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      rejected.push({ row: line, reason: 'monitor.import.reason.duplicateArea', params: { code, line: first } });
      continue;
    }
    seen.set(code, line);
    const area = areaProblem(ctx, code, level, year);
    // A national file has every wijk of the CBS municipality; those that are not this tenant's areas are passed over.
    if (area?.reason === 'monitor.import.reason.unknownArea') {
      skipped++;
      continue;
    }
    if (area) {
      rejected.push({ row: line, ...area });
      continue;
    }
    const add = (def: IndicatorDefinition, value: number | null) => {
      // Indicators the municipality has already keep their definition; new ones are created.
      if (!ctx.indicators.has(def.code)) used.set(def.code, def);
      measurements.push({
        indicatorCode: def.code,
        areaCode: code,
        period,
        value,
        status: value === null ? 'unknown' : 'ok',
        sourceNote: ctx.sourceNote,
      });
    };
    for (const { index, def } of columns) {
      const v = readValue(cells[index] ?? null);
      if (v.kind === 'empty') continue;
      if (v.kind === 'bad') {
        rejected.push({
          row: line,
          reason: 'monitor.import.reason.notNumber',
          params: { column: table.header[index]!, value: text(cells[index]) },
        });
      } else if (v.kind === 'unknown') add(def, null);
      else {
        const problem = unitProblem(ctx.indicators.get(def.code)?.unit ?? def.unit, v.n);
        if (problem) rejected.push({ row: line, reason: problem, params: { column: table.header[index]!, value: text(cells[index]) } });
        else add(def, v.n);
      }
    }
    if (iInhabitants >= 0 && i65 >= 0) {
      const [inh, old] = [readValue(cells[iInhabitants] ?? null), readValue(cells[i65] ?? null)];
      if (inh.kind === 'number' && old.kind === 'number' && inh.n > 0) {
        const pct = Math.round((1000 * old.n) / inh.n) / 10;
        if (unitProblem('percent', pct)) {
          rejected.push({ row: line, reason: 'monitor.import.reason.percent', params: { column: CBS_65PLUS_PCT.code, value: pct } });
        } else add(CBS_65PLUS_PCT, pct);
      } else if (inh.kind === 'unknown' || old.kind === 'unknown') add(CBS_65PLUS_PCT, null);
    }
  }
  return { measurements, definitions: [...used.values()], rejected, skipped };
}
