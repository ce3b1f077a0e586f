/**
 * The social map's live indicators on the real database: a handful of services and locations
 * placed by hand in two buurten of Krimpen give hand-computed figures per buurt, wijk and
 * municipality, for the current quarter only; inactive services never count.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { TEST_NOW } from '../../../../test/helpers/factories.ts';
import type { IndicatorMeasurement } from '../../../platform/module.ts';
import { importDemoAreas, listAreas, type Area } from '../../areas/areas.service.ts';
import { createLocation } from '../records/locations.service.ts';
import { createOrganization } from '../records/organizations.service.ts';
import { createService } from '../records/services.service.ts';
import { ensureDefaultTaxonomies } from '../taxonomy/taxonomy.service.ts';
import { systemActor } from '../actor.ts';
import { DOELGROEP, FUNCTIE, TOEGANKELIJKHEID } from '../taxonomy/taxonomy.ts';
import { KRIMPEN } from '../keep/keep.test-support.ts';
import { computeSocialmapIndicators, socialmapIndicators } from './indicators.ts';

const Q = '2026-Q4';

describe('social map live indicators', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  let result: IndicatorMeasurement[] = [];
  let areas: Area[] = [];
  let buurtA: Area;
  let buurtB: Area;
  let other: Area;
  let wijk = '';

  const value = (code: string, area: string) => {
    const found = result.filter((m) => m.indicatorCode === code && m.areaCode === area && m.period === Q);
    assert.equal(found.length, 1, `${code} ${area}: one measurement`);
    return found[0]!.value;
  };

  before(async () => {
    await importDemoAreas(db(), { now: TEST_NOW, tenants: [KRIMPEN], dataDir: 'seed-data/cbs' });
    const actor = systemActor(TEST_NOW, KRIMPEN.id);
    await ensureDefaultTaxonomies(db(), actor, KRIMPEN.id);
    areas = await listAreas(db(), KRIMPEN.id);
    const labelled = areas.filter((a) => a.level === 'neighbourhood' && a.label !== null);
    [buurtA, buurtB, other] = labelled as [Area, Area, Area];
    wijk = buurtA.parentCode!;
    assert.equal(buurtB.parentCode, wijk, 'both buurten in one wijk');

    const org = (await createOrganization(db(), KRIMPEN.id, { name: 'Welzijn' }, actor)).id;
    const location = async (b: Area, name: string, accessible: boolean) =>
      (
        await createLocation(
          db(),
          KRIMPEN.id,
          {
            organization_id: org,
            name,
            latitude: b.label![1],
            longitude: b.label![0],
            ...(accessible ? { term_codes: [TOEGANKELIJKHEID.rolstoel] } : {}),
          },
          actor,
        )
      ).id;
    const l1 = await location(buurtA, 'Buurthuis', true);
    const l2 = await location(buurtA, 'Kerkzaal', false);
    const l3 = await location(buurtB, 'Wijkcentrum', true);
    const service = (name: string, locationIds: string[], termCodes: string[], status: 'active' | 'inactive' = 'active') =>
      createService(db(), KRIMPEN.id, { organization_id: org, name, status, location_ids: locationIds, term_codes: termCodes }, actor);
    await service('Open eettafel', [l1, l2], [FUNCTIE.ontmoeting]);
    await service('Koffie-inloop', [l1], [FUNCTIE.ontmoeting]);
    await service('Vragenuur', [l2], [FUNCTIE.informatieAdvies]);
    await service('Maatjes', [l3], [FUNCTIE.informeleOndersteuning, DOELGROEP.beperking]);
    await service('Gesloten soos', [l3], [FUNCTIE.ontmoeting], 'inactive');
    await service('Thuiszorg-telefoon', [], [FUNCTIE.zorgondersteuning, DOELGROEP.beperking]);

    result = await computeSocialmapIndicators({ db: db(), tenantId: KRIMPEN.id, now: TEST_NOW });
  });

  it('defines the fixed codes and gives the current quarter only, for every area', () => {
    assert.deepEqual(
      socialmapIndicators.definitions.map((d) => d.code),
      [
        'sm_meeting_per1000',
        'sm_meeting_places',
        'sm_meeting_places_accessible',
        'sm_info_points',
        'sm_disability_support',
        'sm_white_spots',
      ],
    );
    assert.deepEqual([...new Set(result.map((m) => m.period))], [Q]);
    const codes = new Set([KRIMPEN.id, ...areas.filter((a) => a.level !== 'municipality').map((a) => a.code)]);
    assert.deepEqual(new Set(result.map((m) => m.areaCode)), codes);
    assert.equal(result.length, 6 * codes.size);
  });

  it('counts meeting places per location, accessible ones apart; inactive services do not count', () => {
    assert.equal(value('sm_meeting_places', buurtA.code), 2);
    assert.equal(value('sm_meeting_places_accessible', buurtA.code), 1);
    assert.equal(value('sm_meeting_places', buurtB.code), 0);
    assert.equal(value('sm_meeting_places', wijk), 2);
    assert.equal(value('sm_meeting_places_accessible', wijk), 1);
    assert.equal(value('sm_meeting_places', KRIMPEN.id), 2);
    assert.equal(value('sm_meeting_places', other.code), 0);
  });

  it('counts information points and support for people with a disability as the coverage page does', () => {
    assert.equal(value('sm_info_points', buurtA.code), 1);
    assert.equal(value('sm_info_points', buurtB.code), 0);
    assert.equal(value('sm_disability_support', buurtB.code), 1);
    assert.equal(value('sm_disability_support', wijk), 1);
    // The municipality also counts what is offered without a place (by phone).
    assert.equal(value('sm_disability_support', KRIMPEN.id), 2);
  });

  it('counts the basic functions without any service as white spots', () => {
    // A: meeting, information; B: informal support; the wijk: those three; the municipality adds care support.
    assert.equal(value('sm_white_spots', buurtA.code), 4);
    assert.equal(value('sm_white_spots', buurtB.code), 5);
    assert.equal(value('sm_white_spots', wijk), 3);
    assert.equal(value('sm_white_spots', KRIMPEN.id), 2);
    assert.equal(value('sm_white_spots', other.code), 6);
  });

  it('gives meeting activities per 1,000 inhabitants (CBS), unknown where the inhabitants are', () => {
    // The demo areas know the inhabitants of the wijk and the municipality (CBS 2024), not of the buurten.
    const wijkPeople = areas.find((a) => a.code === wijk)!.stats.inhabitants;
    const allPeople = areas.find((a) => a.code === KRIMPEN.id)?.stats.inhabitants ?? wijkPeople;
    assert.equal(typeof wijkPeople, 'number');
    assert.equal(value('sm_meeting_per1000', wijk), Math.round(((1000 * 2) / wijkPeople!) * 100) / 100);
    assert.equal(value('sm_meeting_per1000', KRIMPEN.id), Math.round(((1000 * 2) / allPeople!) * 100) / 100);
    const buurt = result.find((x) => x.indicatorCode === 'sm_meeting_per1000' && x.areaCode === buurtA.code)!;
    assert.equal(buurtA.stats.inhabitants, undefined);
    assert.deepEqual([buurt.value, buurt.status], [null, 'unknown']);
  });
});
