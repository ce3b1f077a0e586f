import type { ColumnType } from 'kysely';

/**
 * What the area-summaries job computed for one section of the neighbourhood page of one area
 * (summaries.service.ts): the section's `summarize` result as JSON, and when. The page reads only
 * these rows (issue 13, speed).
 */
export interface AreaSummariesTable {
  tenant_id: string;
  area_code: string;
  /** `SummarySection.id`. */
  section_id: string;
  /** JSON as the section returned it (dates as ISO strings); JSON null when the section has nothing for this area. */
  data: ColumnType<unknown, string, string>;
  computed_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AreaSummaryTables {
  area_summaries: AreaSummariesTable;
}

declare module '../../../platform/db/schema.ts' {
  interface Database extends AreaSummaryTables {}
}
