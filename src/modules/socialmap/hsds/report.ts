/** The import report as plain lines (CLI) and as rows (upload page), in the reader's language. */
import type { Translate } from '../../../platform/i18n/index.ts';
import type { ImportReport } from './import.ts';

/** Counts per table, e.g. `service: 2 nieuw, 1 bijgewerkt`. */
export function reportCounts(report: ImportReport): { kind: string; created: number; updated: number }[] {
  const kinds = [...new Set([...Object.keys(report.created), ...Object.keys(report.updated)])] as (keyof ImportReport['created'])[];
  return kinds.map((kind) => ({ kind, created: report.created[kind] ?? 0, updated: report.updated[kind] ?? 0 }));
}

/** The report as text lines. */
export function reportLines(report: ImportReport, t: Translate): string[] {
  const lines: string[] = [];
  lines.push(report.written ? t('socialmap.import.written') : t('socialmap.import.rejected', { count: report.rejected.length }));
  for (const c of reportCounts(report)) {
    lines.push(`  ${c.kind}: ${t('socialmap.import.counts', { created: c.created, updated: c.updated })}`);
  }
  for (const p of report.rejected) lines.push(`  ✗ ${p.kind} ${p.id ?? '-'} ${p.field}: ${t(p.message)}`);
  for (const p of report.warnings) lines.push(`  ! ${p.kind} ${p.id ?? '-'} ${p.field}: ${t(p.message)}`);
  const ignored = Object.entries(report.ignored);
  if (ignored.length) lines.push(`  ${t('socialmap.import.ignored')}: ${ignored.map(([k, n]) => `${k} (${n})`).join(', ')}`);
  return lines;
}
