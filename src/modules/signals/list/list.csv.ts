/**
 * CSV export of the list's current filter: `;`-separated (what Dutch Excel opens by default),
 * UTF-8 with a BOM, a guard against spreadsheet formulas, no reporter details, and for sensitive
 * signals no description, address or coordinates (only wijk and buurt).
 */
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { guardCell } from '../../../platform/csv.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { BadRequest } from '../../../platform/errors.ts';
import { countSignals, querySignals, type SignalFilter, type SignalListRow } from '../signals.store.ts';
import { ZONE } from '../../../platform/time.ts';
import type { Principal } from '../../../platform/principal.ts';
import { visibleFilter } from '../access.ts';
import type { SignalState } from '../workflow.ts';

export const EXPORT_LIMIT = 50_000;

export const CSV_COLUMNS = [
  'nummer',
  'onderwerp',
  'vertrouwelijk',
  'status',
  'wijk',
  'buurt',
  'organisatie',
  'adres',
  'breedtegraad',
  'lengtegraad',
  'gemeld_op',
  'afhandelen_voor',
  'te_laat',
  'gesloten_op',
  'bron',
  'omschrijving',
] as const;

function localTime(d: Date | null): string {
  return d ? DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm') : '';
}

/** One CSV record of a signal; sensitive signals without description, address and coordinates. */
export function csvRecord(
  r: SignalListRow,
  orgNames: ReadonlyMap<string, string>,
  stateLabel: (s: SignalState) => string,
  now: Date,
): string[] {
  const hidden = r.sensitive;
  const cells = [
    r.public_id,
    r.category_name,
    r.sensitive ? 'ja' : 'nee',
    stateLabel(r.state),
    r.wijk_code ?? '',
    r.buurt_code ?? '',
    (r.organisation_id && orgNames.get(r.organisation_id)) || '',
    hidden ? '' : (r.address ?? ''),
    hidden || r.latitude === null ? '' : String(r.latitude),
    hidden || r.longitude === null ? '' : String(r.longitude),
    localTime(r.created_at),
    localTime(r.deadline_at),
    r.deadline_at && !r.closed_at && r.deadline_at < now ? 'ja' : 'nee',
    localTime(r.closed_at),
    r.source,
    hidden ? '' : r.description,
  ];
  return cells.map(guardCell);
}

/** The CSV of every signal matching the filter that the principal may export (at most EXPORT_LIMIT; more is refused with a 400 asking for a narrower filter). */
export async function exportCsv(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  filter: SignalFilter,
  opts: { orgNames: ReadonlyMap<string, string>; stateLabel: (s: SignalState) => string; now: Date },
): Promise<{ csv: string; rows: number; sensitive: number }> {
  filter = visibleFilter(principal, 'signal.export', tenantId, filter);
  const total = await countSignals(db, tenantId, filter);
  if (total > EXPORT_LIMIT) throw BadRequest('signals.list.export.tooMany');
  const rows = total === 0 ? [] : await querySignals(db, tenantId, { ...filter, limit: EXPORT_LIMIT, offset: 0 });
  const csv = stringify(
    rows.map((r) => csvRecord(r, opts.orgNames, opts.stateLabel, opts.now)),
    { header: true, columns: [...CSV_COLUMNS], delimiter: ';', bom: true, record_delimiter: 'windows' },
  );
  return { csv, rows: rows.length, sensitive: rows.filter((r) => r.sensitive).length };
}
