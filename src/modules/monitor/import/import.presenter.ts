import { translateChecked, type Translate } from '../../../platform/i18n/index.ts';
import type { MonitorImportReport, Rejection } from './import.service.ts';

/** How the page and the command line name a refused row and its reason. */
export function rejectionWhere(t: Translate, r: Rejection): string {
  if (r.sheet === 'indicators') return t('monitor.import.sheetLine', { line: r.row });
  return r.row === 0 ? t('monitor.import.wholeFile') : String(r.row);
}

export function rejectionReason(t: Translate, r: Rejection): string {
  return translateChecked(t, r.reason, r.params);
}

/** The summary printed by `samenhang import-monitor` (the page shows the same in a table). */
export function importSummaryText(t: Translate, report: MonitorImportReport, shown = 50): string {
  const lines = [
    report.written ? t('monitor.import.written') : t('monitor.import.rejected', { count: report.rejected.length }),
    `${t('monitor.import.created')}: ${report.created}`,
    `${t('monitor.import.updated')}: ${report.updated}`,
    `${t('monitor.import.rejectedCount')}: ${report.rejected.length}`,
  ];
  if (report.indicatorsCreated > 0) lines.push(`${t('monitor.import.indicatorsCreated')}: ${report.indicatorsCreated}`);
  if (report.skipped > 0) lines.push(`${t('monitor.import.skipped')}: ${report.skipped}`);
  for (const r of report.rejected.slice(0, shown)) {
    const where = r.row === 0 || r.sheet ? rejectionWhere(t, r) : `${t('monitor.import.line').toLowerCase()} ${r.row}`;
    lines.push(`  - ${where}: ${rejectionReason(t, r)}`);
  }
  if (report.rejected.length > shown) lines.push(`  … +${report.rejected.length - shown}`);
  return lines.join('\n') + '\n';
}
