import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { listAreas } from '../../areas/areas.service.ts';
import { ensureIndicators, listIndicators, upsertMeasurements } from '../core/core.store.ts';
import { can } from '../policies.ts';
import { cbsYearFromName } from './import.cbs.ts';
import { checkCbs, checkLong, normalisePeriod, type AreaLevel, type CheckContext, type Checked, type Rejection } from './import.check.ts';
import { parseCbsJson, parseCsv, parseXlsx, type Parsed } from './import.parse.ts';
import { crosswalkRows, insertImportLog, listImportLog, type ImportLogEntry } from './import.store.ts';

/**
 * Import of monitor figures (issue 13), all or nothing: the long format Swing uses (CSV or XLSX,
 * with an optional sheet `indicators`) and the CBS kerncijfers (StatLine CSV or JSON). Every row is
 * checked first; when one is refused nothing is written. Each import is logged in monitor_imports
 * (who, when, outcome, counts, the reasons — codes and figures, no personal data).
 */

export type ImportFormat = 'csv' | 'xlsx' | 'cbs';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['csv', 'xlsx', 'cbs'];
/** The largest file the browser and the command line accept. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How many earlier imports the page lists. */
export const IMPORT_LOG_SHOWN = 20;

export interface MonitorImportInput {
  tenantId: string;
  fileName: string;
  bytes: Buffer;
  /** Omitted: from the file's name and content. */
  format?: ImportFormat | undefined;
  /** For CBS files: the year they are about (else read from the file's name, e.g. `…_2024_…`, `85984NED`). */
  period?: string | undefined;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface MonitorImportReport {
  format: ImportFormat;
  fileName: string;
  written: boolean;
  created: number;
  updated: number;
  indicatorsCreated: number;
  skipped: number;
  rejected: Rejection[];
}

/** The format of a file: by extension, then by its first bytes and header. */
export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'xlsx';
  const start = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (name.endsWith('.json') || start.startsWith('{')) return 'cbs';
  const head = start.split(/\r?\n/, 1)[0] ?? '';
  if (/codering_?\d*|wijkenenbuurten/i.test(head) && !/geoitem/i.test(head)) return 'cbs';
  return 'csv';
}

async function context(db: DbOrTrx, input: MonitorImportInput, sourceNote: string): Promise<CheckContext> {
  const { tenantId, now } = input;
  const areas = new Map<string, AreaLevel>([[tenantId, 'municipality']]);
  for (const a of await listAreas(db, tenantId)) areas.set(a.code, a.level as AreaLevel);
  const indicators = new Map((await listIndicators(db, tenantId)).map((i) => [i.code, { unit: i.unit, source: i.source }]));
  return { tenantId, now, areas, crosswalk: await crosswalkRows(db, tenantId), indicators, sourceNote, onProgress: input.onProgress };
}

async function parseFile(format: ImportFormat, bytes: Buffer): Promise<Parsed> {
  if (format === 'xlsx') return parseXlsx(bytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (format === 'cbs' && text.trimStart().startsWith('{')) return parseCbsJson(text);
  return parseCsv(text);
}

/** Checks a monitor file and, when no row is refused, writes its figures; always logs the import. */
export async function importMonitorFile(db: DbOrTrx, principal: Principal, input: MonitorImportInput): Promise<MonitorImportReport> {
  authorize(can(principal, 'monitor.import', { tenantId: input.tenantId }));
  const format = input.format ?? detectFormat(input.fileName, input.bytes);
  const fileName = input.fileName.split(/[\\/]/).pop()!.slice(0, 200) || 'bestand';
  const report: MonitorImportReport = {
    format,
    fileName,
    written: false,
    created: 0,
    updated: 0,
    indicatorsCreated: 0,
    skipped: 0,
    rejected: [],
  };
  const log = (trx: DbOrTrx) =>
    insertImportLog(
      trx,
      input.tenantId,
      {
        fileName,
        format,
        outcome: report.written ? 'imported' : 'rejected',
        created: report.created,
        updated: report.updated,
        rejected: report.rejected,
        importedBy: principal.userId,
      },
      input.now,
    );

  const parsed = await parseFile(format, input.bytes);
  let checked: Checked;
  if (!parsed.ok) {
    checked = { measurements: [], definitions: [], rejected: [parsed.rejection], skipped: 0 };
  } else if (format === 'cbs') {
    const given = input.period?.trim() ? normalisePeriod(input.period) : cbsYearFromName(fileName);
    const ctx = await context(db, input, `CBS kerncijfers wijken en buurten ${given ?? ''} (Bron: CBS)`.replace('  ', ' '));
    checked = checkCbs(parsed.table, given, ctx);
  } else {
    const ctx = await context(db, input, `Import ${fileName}`);
    checked = checkLong(parsed.table, parsed.indicators, ctx);
  }
  report.skipped = checked.skipped;
  report.rejected = checked.rejected.sort((a, b) => a.row - b.row);
  input.onProgress?.(parsed.ok ? parsed.table.rows.length : 0, parsed.ok ? parsed.table.rows.length : 0);
  if (report.rejected.length > 0 || checked.measurements.length === 0) {
    if (report.rejected.length === 0) report.rejected.push({ row: 0, reason: 'monitor.import.reason.nothing' });
    await log(db);
    return report;
  }
  await inTransaction(db, async (trx) => {
    report.indicatorsCreated = await ensureIndicators(trx, input.tenantId, checked.definitions);
    const counts = await upsertMeasurements(trx, input.tenantId, checked.measurements, input.now);
    report.created = counts.created;
    report.updated = counts.updated;
    report.written = true;
    await log(trx);
  });
  return report;
}

/** The earlier imports of a municipality, newest first. */
export async function listMonitorImports(db: DbOrTrx, principal: Principal, tenantId: string): Promise<ImportLogEntry[]> {
  authorize(can(principal, 'monitor.import', { tenantId }));
  return listImportLog(db, tenantId, IMPORT_LOG_SHOWN);
}

export type { ImportLogEntry, Rejection };
