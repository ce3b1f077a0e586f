/**
 * The helpmatch module's facade for other modules. Plain data in, plain data out; aggregates only
 * (no person is named), so the caller authorizes. Days 'YYYY-MM-DD'.
 */
import type { DbOrTrx } from '../../platform/db/database.ts';
import { hoursInAreasAndPeriod } from './circle/period-hours.store.ts';

export interface HoursPart {
  hours: number;
  /** Matches, confirmed weeks or done turns counted. */
  count: number;
}

export interface VolunteerHours {
  /** One-off matches, done, hours confirmed by both sides (on the day of the help, else the day both had confirmed). */
  matches: HoursPart;
  /** Weeks of weekly arrangements confirmed by both sides (on the week's Monday). */
  weeks: HoursPart;
  /** Done turns of care circles with hours, noted by the member who did them (not confirmed by a second person). */
  circles: HoursPart;
}

/**
 * Hours of help given in these areas (buurt or wijk codes: a request counts when its buurt or its
 * wijk is listed, a care circle when its area is) from `from` to `to`, both included. Only hours the
 * help ledger counts; nothing estimated.
 */
export async function volunteerHoursIn(
  db: DbOrTrx,
  tenantId: string,
  f: { areaCodes: readonly string[]; from: string; to: string },
): Promise<VolunteerHours> {
  const rows = await hoursInAreasAndPeriod(db, tenantId, f.areaCodes, f.from, f.to);
  const part = (source: 'match' | 'week' | 'circle'): HoursPart => {
    const row = rows.find((r) => r.source === source);
    return { hours: Math.round((row?.hours ?? 0) * 100) / 100, count: row?.n ?? 0 };
  };
  return { matches: part('match'), weeks: part('week'), circles: part('circle') };
}
