import type { MessageKey } from '../../../platform/i18n/index.ts';
import { INDICATOR_THEMES, INDICATOR_UNITS, type IndicatorDefinition, type IndicatorUnit } from '../../../platform/module.ts';
import type { Rejection } from './import.check.ts';
import type { Cell, Table } from './import.parse.ts';

/** The XLSX sheet `indicators` of a monitor import: new (or changed) indicator definitions, checked row by row. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/;
const text = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** The sheet `indicators`: one new (or changed) indicator a row. */
export function checkDefinitions(table: Table, rejected: Rejection[]): IndicatorDefinition[] {
  const col = (name: string) => table.header.findIndex((h) => h.trim().toLowerCase() === name);
  const idx = {
    code: col('code'),
    nameNl: col('name_nl'),
    nameEn: col('name_en'),
    unit: col('unit'),
    direction: col('direction'),
    theme: col('theme'),
    source: col('source'),
    min: col('min_respondents'),
  };
  for (const [key, i] of Object.entries(idx)) {
    if (i < 0 && key !== 'source' && key !== 'min') {
      rejected.push({
        row: 1,
        sheet: 'indicators',
        reason: 'monitor.import.reason.missingColumn',
        params: { column: key === 'nameNl' ? 'name_nl' : key === 'nameEn' ? 'name_en' : key },
      });
    }
  }
  if (rejected.length > 0) return [];
  const defs: IndicatorDefinition[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of table.rows) {
    const bad = (reason: MessageKey, params?: Record<string, string | number>) =>
      rejected.push({ row: line, sheet: 'indicators', reason, ...(params ? { params } : {}) });
    const code = text(cells[idx.code]);
    const [nameNl, nameEn] = [text(cells[idx.nameNl]), text(cells[idx.nameEn])];
    const unit = text(cells[idx.unit]).toLowerCase();
    const direction = text(cells[idx.direction]).toLowerCase();
    const theme = text(cells[idx.theme]).toLowerCase();
    const source = idx.source >= 0 ? text(cells[idx.source]).toLowerCase() || 'import' : 'import';
    const minText = idx.min >= 0 ? text(cells[idx.min]) : '';
    const min = minText === '' ? 30 : Number(minText);
    if (!CODE.test(code)) bad('monitor.import.reason.badCode', { code });
    else if (seen.has(code)) bad('monitor.import.reason.duplicateIndicator', { code });
    else if (nameNl === '' || nameEn === '' || nameNl.length > 200 || nameEn.length > 200) bad('monitor.import.reason.badName', { code });
    else if (!(INDICATOR_UNITS as readonly string[]).includes(unit)) bad('monitor.import.reason.badUnit', { value: unit });
    else if (!['up', 'down', 'neutral'].includes(direction)) bad('monitor.import.reason.badDirection', { value: direction });
    else if (!(INDICATOR_THEMES as readonly string[]).includes(theme)) bad('monitor.import.reason.badTheme', { value: theme });
    else if (!['cbs', 'survey', 'import'].includes(source)) bad('monitor.import.reason.badSource', { value: source });
    else if (!Number.isInteger(min) || min < 5) bad('monitor.import.reason.threshold', { value: minText });
    else {
      seen.add(code);
      defs.push({
        code,
        nameNl,
        nameEn,
        unit: unit as IndicatorUnit,
        direction: direction as IndicatorDefinition['direction'],
        theme: theme as IndicatorDefinition['theme'],
        source: source as IndicatorDefinition['source'],
        minRespondents: min,
      });
    }
  }
  return defs;
}
