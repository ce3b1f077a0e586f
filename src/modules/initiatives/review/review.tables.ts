import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** One payout of a decided initiative (several allowed; their sum never above the decision). */
export interface InitiativePayoutsTable {
  tenant_id: string;
  id: Generated<string>;
  application_id: string;
  paid_on: string;
  amount_cents: number;
  recorded_by: string | null;
  created_at: Stamp;
}

/** A deadline the review missed, marked once by the deadlines job (its mail goes out once). */
export interface InitiativeDeadlineMarksTable {
  tenant_id: string;
  application_id: string;
  kind: 'acknowledge' | 'decide';
  due_at: Stamp;
  marked_at: Stamp;
  mails: ColumnType<number, number | undefined, number>;
}

/** Row types of the tables added by the review feature (migration 20261207T0940). */
export interface ReviewTables {
  initiative_payouts: InitiativePayoutsTable;
  initiative_deadline_marks: InitiativeDeadlineMarksTable;
}

declare module '../../../platform/db/schema.ts' {
  interface Database extends ReviewTables {}
}
