/** Shared set-up of the surveys route tests: a municipality with a wijk and two buurten, a survey, codes, a filled-in form. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { buildArea, buildTenant } from '../../../../test/helpers/factories.ts';
import { itemSet } from '../itemsets/itemsets.ts';
import { makeCodes, saveSurvey } from '../builder/builder.service.ts';
import { surveyForm } from '../builder/builder.schemas.ts';

export const T = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' } as const;
export const WIJK = 'WK054201';
export const BUURT_A = 'BU05420101';
export const BUURT_B = 'BU05420102';
export const SETS = ['cohesion-vm', 'dsp-functions'] as const;

export async function setupAreas(db: DbOrTrx): Promise<void> {
  await buildTenant(db, T);
  await buildArea(db, { tenantId: T.id, level: 'district', code: WIJK, name: 'Centrum', bbox: [4.58, 51.9, 4.62, 51.93] });
  await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_A, name: 'Oud Krimpen', bbox: [4.58, 51.9, 4.6, 51.93] });
  await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_B, name: 'Lansingh', bbox: [4.6, 51.9, 4.62, 51.93] });
}

/** A survey through the builder service; `over` overrides form fields. Returns its id and open-link token. */
export async function buildSurvey(
  db: DbOrTrx,
  now: Date,
  over: Record<string, string | string[]> = {},
): Promise<{ id: string; token: string | null }> {
  const input = surveyForm.parse({
    title_nl: 'Buurtenquête',
    title_en: 'Neighbourhood survey',
    item_sets: [...SETS],
    period: '2026-Q4',
    opens_on: '2026-11-01',
    closes_on: '2026-12-31',
    open_link: '1',
    status: 'open',
    min_respondents: '30',
    ...over,
  });
  const principal = systemPrincipal(T.id, now);
  const id = await saveSurvey(db, principal, { tenantId: T.id, input, audit: { actorUserId: null, ip: null }, now });
  const row = await db
    .selectFrom('surveys')
    .select('open_link_token')
    .where('tenant_id', '=', T.id)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, token: row.open_link_token };
}

export async function buildCodes(db: DbOrTrx, now: Date, surveyId: string, kind: 'personal' | 'paper', count = 3): Promise<string[]> {
  const principal = systemPrincipal(T.id, now);
  return makeCodes(db, principal, { tenantId: T.id, surveyId, count, kind, audit: { actorUserId: null, ip: null }, now });
}

/** A complete form for the survey's sets (first option of each scale, 2 for numbers) in a buurt. */
export function filledForm(buurt = BUURT_A, sets: readonly { set: string; version: string }[] = defaultSets()): Record<string, string> {
  const out: Record<string, string> = { buurt };
  for (const ref of sets) {
    const s = itemSet(ref.set, ref.version);
    if (!s) throw new Error(`unknown set ${ref.set}@${ref.version}`);
    for (const it of s.items) out[`${s.set}.${it.key}`] = it.kind === 'scale' ? String(it.options?.[0]?.value) : '2';
  }
  return out;
}

function defaultSets(): { set: string; version: string }[] {
  return [
    { set: 'cohesion-vm', version: '2021' },
    { set: 'dsp-functions', version: '1' },
  ];
}
