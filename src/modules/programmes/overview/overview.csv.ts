/**
 * CSV exports of a programme: its cards (one line per card with its totals and gap) and its
 * budget lines (one line per line). `;`-separated (what Dutch Excel opens), UTF-8 with a BOM, the
 * spreadsheet-formula guard on text cells. Every amount twice: in euros with two decimals and a
 * decimal comma ("10000,00"), and in integer cents ("1000000"); an unknown amount is "onbekend" in
 * the euro column and empty in the cents column, never 0.
 */
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../../platform/csv.ts';
import type { Cents } from '../cards/money.ts';
import type { ProgrammeOverview } from './overview.service.ts';

export const UNKNOWN = 'onbekend';

export const CARD_COLUMNS = [
  'nummer',
  'titel',
  'status',
  'periode_bron',
  'gepland_begin',
  'gepland_eind',
  'werkelijk_begin',
  'werkelijk_eind',
  'gebieden',
  'kosten_euro',
  'kosten_cent',
  'dekking_euro',
  'dekking_cent',
  'ontbreekt_euro',
  'ontbreekt_cent',
  'demo',
] as const;

export const LINE_COLUMNS = [
  'project_nummer',
  'project',
  'soort',
  'jaar',
  'herhaling',
  'bron',
  'omschrijving',
  'bedrag_euro',
  'bedrag_cent',
  'bron_notitie',
] as const;

/** Cents as euros with two decimals and a decimal comma: 1000000 → "10000,00"; unknown → "onbekend". */
export function euros(cents: Cents): string {
  if (cents === null) return UNKNOWN;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

const centsCell = (cents: Cents) => (cents === null ? '' : String(cents));

function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + stringify([[...columns], ...rows.map((r) => r.map((c) => guardCell(c)))], { delimiter: ';', record_delimiter: '\r\n' });
}

/** One line per card: its period, areas and totals (a card without budget lines has empty amounts). */
export function cardsCsv(model: ProgrammeOverview): string {
  const rows = model.cards.map((c) => {
    const m = c.money;
    const amount = (v: Cents) => (m.hasLines ? [euros(v), centsCell(v)] : ['', '']);
    return [
      c.number,
      c.titleNl,
      c.status,
      c.periodText,
      c.plannedStart ?? '',
      c.plannedEnd ?? '',
      c.actualStart ?? '',
      c.actualEnd ?? '',
      c.areaCodes.join(' '),
      ...amount(m.total.costCents),
      ...amount(m.total.coverageCents),
      ...amount(m.total.gapCents),
      c.isDemo ? 'ja' : 'nee',
    ];
  });
  return toCsv(CARD_COLUMNS, rows);
}

/** One line per budget line of every card, in the cards' order. */
export function budgetCsv(model: ProgrammeOverview): string {
  const rows = model.cards.flatMap((c) =>
    c.lines.map((l) => [
      c.number,
      c.titleNl,
      l.kind === 'cost' ? 'kosten' : 'dekking',
      l.year === null ? '' : String(l.year),
      l.recurrence === 'per_year' ? 'per jaar' : 'eenmalig',
      l.source ?? '',
      l.label,
      euros(l.amountCents),
      centsCell(l.amountCents),
      l.sourceNote,
    ]),
  );
  return toCsv(LINE_COLUMNS, rows);
}
