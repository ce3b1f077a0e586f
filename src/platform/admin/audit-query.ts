import { z } from 'zod';
import type { AuditFilters } from '../audit/audit.search.ts';
import { ZONE } from '../time.ts';
import { UUID_RE } from '../ids.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Empty or blank query values count as "not given". */
const blankToUndefined = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);

const optionalText = z.preprocess(blankToUndefined, z.string('form.invalidValue').max(200, 'form.tooLong').optional());

function isRealDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && y >= 2000 && y <= 2999;
}

const optionalDate = z.preprocess(
  blankToUndefined,
  z.string('admin.audit.invalidDate').refine(isRealDate, 'admin.audit.invalidDate').optional(),
);

/** The page number of a list (`?pagina=`): 1 when absent. */
export const pageSchema = z.preprocess(
  blankToUndefined,
  z.coerce.number('admin.invalidPage').int('admin.invalidPage').min(1, 'admin.invalidPage').max(100_000, 'admin.invalidPage').default(1),
);

/** The audit search form (GET): Dutch field names as they appear in the address. */
export const auditQuerySchema = z
  .object({
    actie: optionalText,
    soort: optionalText,
    'record-id': optionalText,
    'gebruiker-id': z.preprocess(
      blankToUndefined,
      z.string('admin.audit.invalidUserId').regex(UUID_RE, 'admin.audit.invalidUserId').optional(),
    ),
    van: optionalDate,
    tot: optionalDate,
    pagina: pageSchema,
  })
  .refine((q) => !q.van || !q.tot || q.van <= q.tot, { message: 'admin.audit.dateOrder', path: ['tot'] });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

const requiredDate = (key: string) => z.string(key).trim().refine(isRealDate, key);

/** The form that keeps a period of the audit log longer (audit/audit.retention.ts). */
export const auditHoldForm = z
  .object({
    van: requiredDate('admin.hold.error.date'),
    tot: requiredDate('admin.hold.error.date'),
    reden: z.string('admin.hold.error.reason').trim().min(5, 'admin.hold.error.reason').max(500, 'admin.hold.error.reasonLong'),
  })
  .refine((f) => f.van <= f.tot, { message: 'admin.hold.error.order', path: ['tot'] });

/** Milliseconds Amsterdam's wall clock is ahead of UTC at an instant (1 or 2 hours). */
function amsterdamOffsetMs(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at.getTime();
}

/** The instant a calendar day (yyyy-mm-dd, plus `addDays`) starts in Europe/Amsterdam. */
export function amsterdamStartOfDay(isoDate: string, addDays = 0): Date {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error('Not an ISO date');
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + addDays);
  const first = wall - amsterdamOffsetMs(new Date(wall));
  return new Date(wall - amsterdamOffsetMs(new Date(first)));
}

/** Turn the validated form into query filters: `tot` includes the whole day. */
export function auditFiltersOf(q: AuditQuery): AuditFilters {
  return {
    action: q.actie,
    entity: q.soort,
    entityId: q['record-id'],
    actorUserId: q['gebruiker-id']?.toLowerCase(),
    from: q.van ? amsterdamStartOfDay(q.van) : undefined,
    until: q.tot ? amsterdamStartOfDay(q.tot, 1) : undefined,
  };
}
