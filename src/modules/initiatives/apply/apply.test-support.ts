/** Shared set-up of the initiatives tests: two municipalities, a wijk with two buurten, addresses, a fund with a round. */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import { systemPrincipal } from '../../../platform/principal.ts';
import { importAddresses } from '../../areas/areas.service.ts';
import { buildArea, buildTenant, GRONINGEN, KRIMPEN } from '../../../../test/helpers/factories.ts';
import { addRound, createFund, setBudgets } from '../funds/funds.service.ts';
import type { ApplicationInput } from './apply.service.ts';

export const T = KRIMPEN;
export const WIJK = 'WK054201';
export const BUURT_A = 'BU05420101';
export const BUURT_B = 'BU05420102';
/** Postcodes with addresses in buurt A (two) and in buurt B (one). */
export const PC_A1 = '2921AA';
export const PC_A2 = '2921AB';
export const PC_B = '2922BA';

const HEADER =
  'openbareruimte;huisnummer;huisletter;huisnummertoevoeging;postcode;woonplaats;gemeente;provincie;nummeraanduiding;verblijfsobjectgebruiksdoel;oppervlakteverblijfsobject;verblijfsobjectstatus;object_id;object_type;nevenadres;pandid;pandstatus;pandbouwjaar;x;y;lon;lat';
const line = (street: string, n: number, pc: string, id: string, lon: number, lat: number) =>
  `${street};${n};;;${pc};Krimpen aan den IJssel;Krimpen aan den IJssel;Zuid-Holland;05422000000${id};woonfunctie;80;Verblijfsobject in gebruik;05420100000${id};VBO;f;05421000000${id};Pand in gebruik;1980;;;${lon};${lat}`;

export async function setupAreas(db: DbOrTrx, now: Date): Promise<void> {
  await buildTenant(db, T);
  await buildTenant(db, GRONINGEN);
  await buildArea(db, { tenantId: T.id, level: 'district', code: WIJK, name: 'Centrum', bbox: [4.58, 51.9, 4.62, 51.93] });
  await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_A, name: 'Oud Krimpen', bbox: [4.58, 51.9, 4.6, 51.93] });
  await buildArea(db, { tenantId: T.id, level: 'neighbourhood', code: BUURT_B, name: 'Lansingh', bbox: [4.6, 51.9, 4.62, 51.93] });
  const csv = [
    HEADER,
    line('Bloemstraat', 1, PC_A1, '00001', 4.59, 51.915),
    line('Bloemstraat', 3, PC_A2, '00002', 4.591, 51.916),
    line('Lansinghweg', 2, PC_B, '00003', 4.61, 51.915),
  ].join('\n');
  const report = await importAddresses(db, { tenantId: T.id, csv, now });
  if (report.created !== 3) throw new Error(`setupAreas: ${JSON.stringify(report)}`);
}

/** A fund (max € 2.500, two co-signers, own contribution money or in kind, 14 days lead time) with an open dated round. */
export async function setupFund(db: DbOrTrx, now: Date, tenantId = T.id) {
  const sys = systemPrincipal(tenantId, now);
  const fund = await createFund(db, sys, tenantId, {
    slug: 'bewonersfonds',
    nameNl: 'Fonds bewonersinitiatieven',
    maxPerInitiativeCents: 250_000,
    minCosigners: 2,
    ownContribution: 'money_or_kind',
    leadTimeDays: 14,
  });
  await setBudgets(db, sys, tenantId, fund.id, {
    year: 2026,
    totalCents: 1_000_000,
    lines: [{ label: 'Hele gemeente', areaCodes: [], amountCents: 1_000_000 }],
  });
  const round = await addRound(db, sys, tenantId, fund.id, {
    nameNl: 'Ronde najaar',
    kind: 'dated',
    opensOn: '2026-11-01',
    closesOn: '2026-12-15',
  });
  return { fund, round };
}

/** A complete application in buurt A starting in January. */
export function goodApplication(fundId: string, over: Partial<ApplicationInput> = {}): ApplicationInput {
  return {
    fundId,
    groupName: 'Bewoners Bloemstraat',
    title: 'Straatfeest Bloemstraat',
    what: 'Een straatfeest met muziek en eten voor de hele straat.',
    forWhom: 'Alle bewoners van de straat, jong en oud.',
    areaCode: BUURT_A,
    startsOn: '2027-01-16',
    budgetLines: [
      { label: 'Muziek', amountCents: 30_000 },
      { label: 'Eten en drinken', amountCents: 45_000 },
    ],
    requestedCents: 75_000,
    ownInKind: 'Wij zetten zelf de tafels neer en ruimen op.',
    cosigners: [
      { displayName: 'Buurvrouw A.', postcode: PC_A1 },
      { displayName: 'Buurman B.', postcode: '2921 ab' },
    ],
    ...over,
  };
}
