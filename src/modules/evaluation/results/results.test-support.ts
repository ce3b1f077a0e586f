/**
 * Test data for the results feature (tests only): six wijken of Krimpen, an indicator with four
 * years of figures (a jump of 5 points in Oud-Krimpen from 2024), and evaluations registered
 * through the module's facade.
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import type { Role } from '../../../platform/roles.ts';
import { KRIMPEN, TEST_NOW, buildArea, buildTenant } from '../../../../test/helpers/factories.ts';
import { defineIndicator, recordMeasurements } from '../../monitor/monitor.service.ts';
import { createCard, createGoal, saveProgramme } from '../../programmes/programmes.service.ts';
import { registerEvaluation, type EvaluationInput } from '../evaluation.service.ts';

export const who = (tenantId: string, roles: Role[] = []): Principal => ({
  userId: roles.length ? '00000000-0000-4000-8000-0000000000aa' : null,
  tenantId,
  roles,
  organisationIds: [],
  memberships: roles.map((role) => ({ role, organisationId: null })),
  mfaVerified: true,
  now: TEST_NOW,
});

export const INDICATOR = 'actief_in_wijk';
export const WIJKEN = [
  ['WK054201', 'Oud-Krimpen', 30],
  ['WK054202', 'Lansingh-Zuid', 32],
  ['WK054203', 'Boveneind', 35],
  ['WK054204', 'Kortland', 28],
  ['WK054205', 'Langeland', 31],
  ['WK054206', 'Oud-Krimpen Noord', 33],
] as const;
const YEARS = [2022, 2023, 2024, 2025];
/** Small fixed wobble per area and year, so areas differ a little. */
const WOBBLE = [0.4, -0.3, 0.2, -0.1, 0.3, -0.4];

/** The figure of one wijk in one year: its base, +1 a year, +5 in Oud-Krimpen from 2024 (the project). */
export function figure(areaIndex: number, year: number): number {
  const [, , base] = WIJKEN[areaIndex]!;
  const jump = areaIndex === 0 && year >= 2024 ? 5 : 0;
  return Math.round((base + (year - 2022) + jump + WOBBLE[(areaIndex + year) % WOBBLE.length]!) * 10) / 10;
}

export async function buildResultsWorld(db: DbOrTrx): Promise<void> {
  await buildTenant(db, KRIMPEN);
  for (const [i, [code, name]] of WIJKEN.entries()) {
    await buildArea(db, { tenantId: KRIMPEN.id, level: 'district', code, name, bbox: [4.5 + i * 0.02, 51.9, 4.52 + i * 0.02, 51.92] });
  }
  const coordinator = who(KRIMPEN.id, ['coordinator']);
  await defineIndicator(db, coordinator, KRIMPEN.id, {
    code: INDICATOR,
    nameNl: 'Actief in de wijk',
    nameEn: 'Active in the neighbourhood',
    unit: 'percent',
    direction: 'up',
    source: 'survey',
    theme: 'together',
    minRespondents: 30,
    decimals: 0,
  });
  await recordMeasurements(
    db,
    coordinator,
    KRIMPEN.id,
    WIJKEN.flatMap(([code], i) =>
      YEARS.map((year) => ({ indicatorCode: INDICATOR, areaCode: code, period: String(year), value: figure(i, year), respondents: 120 })),
    ),
    TEST_NOW,
  );
}

export function evaluationInput(over: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    cardId: null,
    titleNl: 'Buurtkamer Oud-Krimpen',
    titleEn: 'Neighbourhood living room Oud-Krimpen',
    questionNl: 'Zijn bewoners van Oud-Krimpen actiever in de wijk dan in vergelijkbare wijken?',
    questionEn: 'Are residents of Oud-Krimpen more active in the neighbourhood than in similar ones?',
    interventionCodes: ['WK054201'],
    comparisonCodes: ['WK054202', 'WK054203', 'WK054204', 'WK054205', 'WK054206'],
    indicatorCodes: [INDICATOR],
    startDay: '2024-01-01',
    endDay: null,
    status: 'running',
    published: true,
    ...over,
  };
}

/** Register through the facade; returns id and reference. */
export async function registerForTest(db: DbOrTrx, over: Partial<EvaluationInput> = {}): Promise<{ id: string; reference: string }> {
  const r = await registerEvaluation(db, who(KRIMPEN.id, ['coordinator']), KRIMPEN.id, evaluationInput(over));
  return { id: r.id, reference: r.reference };
}

/** A programme `buurtkamers` with one project card in Oud-Krimpen; returns the card's id. */
export async function buildCard(db: DbOrTrx): Promise<string> {
  const coordinator = who(KRIMPEN.id, ['coordinator']);
  const programmeId = await saveProgramme(db, coordinator, KRIMPEN.id, {
    slug: 'buurtkamers',
    titleNl: 'Buurtkamers',
    ownerRole: 'beleidsmedewerker Wmo',
    startYear: 2023,
    endYear: 2026,
    status: 'active',
  });
  const goalId = await createGoal(db, coordinator, KRIMPEN.id, programmeId, {
    parentId: null,
    number: '1',
    titleNl: 'Meer bewoners doen mee',
  });
  return createCard(db, coordinator, KRIMPEN.id, {
    programmeId,
    number: '1',
    titleNl: 'Buurtkamer Oud-Krimpen',
    plannedStart: '2024-01-01',
    plannedEnd: '2026-12-31',
    areaCodes: ['WK054201'],
    goalIds: [goalId],
  });
}
