/** Fixtures of the monitoring tests: a programme with one project card, written straight into this module's tables. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';

let seq = 0;

export async function buildProgrammeWithProject(
  db: DbOrTrx,
  tenantId: string,
  over: { plannedEnd?: string | null; actualEnd?: string | null; ownerOrganisationId?: string | null; slug?: string } = {},
): Promise<{ programmeId: string; slug: string; projectId: string }> {
  const n = ++seq;
  const slug = over.slug ?? `programma-${n}`;
  const g = await db
    .insertInto('programmes')
    .values({ tenant_id: tenantId, slug, title_nl: `Programma ${n}`, start_year: 2026 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const p = await db
    .insertInto('programme_projects')
    .values({
      tenant_id: tenantId,
      programme_id: g.id,
      number: '1',
      title_nl: `Samen koken ${n}`,
      planned_start: '2026-09-01',
      planned_end: over.plannedEnd === undefined ? '2026-12-31' : over.plannedEnd,
      actual_end: over.actualEnd ?? null,
      owner_organisation_id: over.ownerOrganisationId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId: g.id, slug, projectId: p.id };
}

export function principal(tenantId: string, now: Date, roles: Role[] = [], organisationIds: string[] = []): Principal {
  return {
    userId: roles.length ? '00000000-0000-4000-8000-000000000001' : null,
    tenantId,
    roles,
    organisationIds,
    memberships: roles.map((role) => ({ role, organisationId: organisationIds[0] ?? null })),
    mfaVerified: true,
    now,
  };
}

export const fullAnswers = (phase: 'expectation' | 'effect', v = '4') => ({
  added: v,
  contact: v,
  participation: v,
  meaning: v,
  ...(phase === 'effect' ? { expectations_met: v } : {}),
  open: '',
});
