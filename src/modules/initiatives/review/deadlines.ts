/**
 * The review's deadlines (Rotterdam's Opzoomer Mee as the model: receipt within 3 working days, a
 * decision within about 6 weeks; both per fund). Counted from the moment the application was
 * submitted, in Amsterdam time:
 * - acknowledge by the end of the n-th working day after the day of submission (weekends and Dutch
 *   public holidays do not count: the signals module's calendar, src/modules/signals/workdays.ts);
 * - decide by the end of the same weekday `decide_weeks` weeks later (calendar weeks).
 */
import { DateTime } from 'luxon';
import { ZONE } from '../../../platform/time.ts';
import { addWorkingDays } from '../../signals/signals.service.ts';

export function acknowledgeBy(submittedAt: Date, workingDays: number): Date {
  return addWorkingDays(submittedAt, workingDays);
}

export function decideBy(submittedAt: Date, weeks: number): Date {
  return DateTime.fromJSDate(submittedAt, { zone: ZONE }).plus({ weeks }).endOf('day').toJSDate();
}

export interface DeadlineState {
  acknowledgeBy: Date;
  decideBy: Date;
  /** Not yet acknowledged after its deadline. */
  acknowledgeOverdue: boolean;
  /** Not yet decided after its deadline. */
  decideOverdue: boolean;
}

export function deadlineState(
  a: { submitted_at: Date; acknowledged_at: Date | null; decided_at: Date | null },
  fund: { acknowledge_working_days: number; decide_weeks: number },
  now: Date,
): DeadlineState {
  const ack = acknowledgeBy(a.submitted_at, fund.acknowledge_working_days);
  const dec = decideBy(a.submitted_at, fund.decide_weeks);
  return {
    acknowledgeBy: ack,
    decideBy: dec,
    acknowledgeOverdue: a.acknowledged_at === null && a.decided_at === null && now > ack,
    decideOverdue: a.decided_at === null && now > dec,
  };
}
