/**
 * Fixtures for the review and accountability tests: a fund and a submitted application, inserted
 * directly (the apply feature's own flow is tested in apply/), and a coordinator or applicant principal.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { principalOf, type Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';

let seq = 0;

export async function seedFund(
  db: DbOrTrx,
  tenantId: string,
  over: { acknowledgeWorkingDays?: number; decideWeeks?: number; spotCheckPercent?: number } = {},
): Promise<string> {
  seq++;
  const row = await db
    .insertInto('initiative_funds')
    .values({
      tenant_id: tenantId,
      slug: `testfonds-${seq}`,
      name_nl: `Testfonds ${seq}`,
      name_en: `Test fund ${seq}`,
      ...(over.acknowledgeWorkingDays !== undefined ? { acknowledge_working_days: over.acknowledgeWorkingDays } : {}),
      ...(over.decideWeeks !== undefined ? { decide_weeks: over.decideWeeks } : {}),
      ...(over.spotCheckPercent !== undefined ? { spot_check_percent: over.spotCheckPercent } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedApplication(
  db: DbOrTrx,
  a: {
    tenantId: string;
    fundId: string;
    submittedAt: Date;
    applicantUserId?: string | null;
    requestedCents?: number;
    status?: 'submitted' | 'acknowledged';
  },
): Promise<{ id: string; reference: string }> {
  seq++;
  const reference = `INI-2026-${String(9000 + seq).padStart(4, '0')}`;
  const requested = a.requestedCents ?? 125_000;
  const row = await db
    .insertInto('initiative_applications')
    .values({
      tenant_id: a.tenantId,
      reference,
      fund_id: a.fundId,
      applicant_user_id: a.applicantUserId ?? null,
      group_name: 'Bewoners Bloemstraat',
      title: 'Straatfeest Bloemstraat',
      what: 'Een straatfeest met muziek en een buurtbarbecue.',
      area_code: 'BU05420000',
      budget_lines: JSON.stringify([
        { label: 'Muziek', amount_cents: 50_000 },
        { label: 'Eten en drinken', amount_cents: requested - 50_000 },
      ]) as never,
      requested_cents: requested,
      status: a.status ?? 'submitted',
      submitted_at: a.submittedAt,
      ...(a.status === 'acknowledged' ? { acknowledged_at: a.submittedAt } : {}),
    })
    .returning(['id', 'reference'])
    .executeTakeFirstOrThrow();
  return row;
}

/** A principal with one role in one municipality, at `now`. */
export function principalAs(userId: string | null, tenantId: string, role: Role | null, now: Date): Principal {
  return principalOf(
    userId ? { id: userId, mfaVerified: true, memberships: role ? [{ tenantId, organisationId: null, role }] : [] } : null,
    tenantId,
    now,
  );
}
