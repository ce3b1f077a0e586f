import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import type { Rejection } from './import.check.ts';

/**
 * Reading a monitor file into rows of cells, with the line each row came from: CSV (`;` or `,`,
 * by csv-parse), XLSX (the first sheet, and the sheet `indicators` when there is one, by
 * read-excel-file) and the CBS JSON shape `{ code: { Column_N: value } }`.
 */
export type Cell = string | number | null;

export interface Table {
  header: string[];
  rows: { line: number; cells: Cell[] }[];
}

export type Parsed = { ok: true; table: Table; indicators?: Table } | { ok: false; rejection: Rejection };

/** The delimiter of a CSV text: `;` when its first line has more semicolons than commas. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return count(';') >= count(',') && count(';') > 0 ? ';' : count('\t') > count(',') ? '\t' : ',';
}

/** A CSV text as a table (the first line is the header). */
export function parseCsv(text: string): Parsed {
  const clean = text.replace(/^\uFEFF/, '');
  try {
    const records = parse(clean, {
      delimiter: delimiterOf(clean),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const [head, ...rest] = records;
    if (!head) return { ok: false, rejection: { row: 1, reason: 'monitor.import.reason.empty' } };
    return {
      ok: true,
      table: {
        header: head.record,
        rows: rest.map((r) => ({ line: r.info.lines, cells: r.record.map((c) => (c === '' ? null : c)) })),
      },
    };
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 0;
    return { ok: false, rejection: { row: line, reason: 'monitor.import.reason.notCsv' } };
  }
}

const cellOf = (v: unknown): Cell =>
  v === null || v === undefined
    ? null
    : typeof v === 'number'
      ? v
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : String(v).trim() || null;

function sheetTable(data: readonly (readonly unknown[])[]): Table {
  const [head, ...rest] = data;
  return {
    header: (head ?? []).map((c) => String(cellOf(c) ?? '')),
    rows: rest.map((r, i) => ({ line: i + 2, cells: r.map(cellOf) })).filter((r) => r.cells.some((c) => c !== null)),
  };
}

/** An XLSX file: its first sheet, and the sheet named `indicators` (any case) when there is one. */
export async function parseXlsx(bytes: Buffer): Promise<Parsed> {
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(bytes)) as unknown as { sheet: string; data: unknown[][] }[];
  } catch {
    return { ok: false, rejection: { row: 0, reason: 'monitor.import.reason.notXlsx' } };
  }
  const first = sheets[0];
  if (!first || first.data.length === 0) return { ok: false, rejection: { row: 1, reason: 'monitor.import.reason.empty' } };
  const defs = sheets.find((s, i) => i > 0 && s.sheet.trim().toLowerCase() === 'indicators');
  return { ok: true, table: sheetTable(first.data), ...(defs ? { indicators: sheetTable(defs.data) } : {}) };
}

/** The line of `"code":` in a JSON text (for reports), or 0. */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

/** The CBS JSON shape `{ "WK054200": { "AantalInwoners_5": 29625, … } }` as a table with a `Codering` column. */
export function parseCbsJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, rejection: { row: 0, reason: 'monitor.import.reason.notJson' } };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, rejection: { row: 1, reason: 'monitor.import.reason.notCbsJson' } };
  }
  const entries = Object.entries(data as Record<string, unknown>);
  const columns = new Set<string>();
  for (const [, v] of entries) if (v && typeof v === 'object' && !Array.isArray(v)) for (const k of Object.keys(v)) columns.add(k);
  const header = ['Codering', ...columns];
  const rows = entries.map(([code, v]) => {
    const values = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
    return {
      line: lineOfKey(text, code),
      cells: [
        code,
        ...[...columns].map((c) => (typeof values[c] === 'number' || typeof values[c] === 'string' ? (values[c] as Cell) : null)),
      ],
    };
  });
  return { ok: true, table: { header, rows } };
}
