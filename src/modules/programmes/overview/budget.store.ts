import type { DbOrTrx } from '../../../platform/db/database.ts';

/**
 * A programme's own budget tables (programme_budget_lines: Groningen's available Wmo budget and
 * its planned use), beside the cards' financing. "pm" lines are unknown (null), never 0: a total
 * over a side counts the known amounts and says how many lines are unknown.
 */
export interface BudgetLine {
  labelNl: string;
  labelEn: string;
  year: number | null;
  amountCents: number | null;
  sourceNote: string;
}

export interface BudgetSide {
  lines: BudgetLine[];
  knownCents: number;
  unknownLines: number;
}

export interface ProgrammeBudget {
  available: BudgetSide;
  plannedUse: BudgetSide;
}

function side(lines: BudgetLine[]): BudgetSide {
  return {
    lines,
    knownCents: lines.reduce((sum, l) => sum + (l.amountCents ?? 0), 0),
    unknownLines: lines.filter((l) => l.amountCents === null).length,
  };
}

/** The programme's budget tables in their order; null when it has none. */
export async function programmeBudget(db: DbOrTrx, tenantId: string, programmeId: string): Promise<ProgrammeBudget | null> {
  const rows = await db
    .selectFrom('programme_budget_lines')
    .select(['side', 'label_nl', 'label_en', 'year', 'amount_cents', 'source_note'])
    .where('tenant_id', '=', tenantId)
    .where('programme_id', '=', programmeId)
    .orderBy('sort')
    .execute();
  if (rows.length === 0) return null;
  const toLine = (r: (typeof rows)[number]): BudgetLine => ({
    labelNl: r.label_nl,
    labelEn: r.label_en,
    year: r.year,
    amountCents: r.amount_cents === null ? null : Number(r.amount_cents),
    sourceNote: r.source_note,
  });
  return {
    available: side(rows.filter((r) => r.side === 'available').map(toLine)),
    plannedUse: side(rows.filter((r) => r.side === 'planned_use').map(toLine)),
  };
}
