import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { addressKey, coverageMatrix, findDuplicates, normaliseName, type CoverageArea, type CoverageEntry } from './coverage.ts';

const wijk: CoverageArea = { code: 'WK054201', name: 'Oud Krimpen', level: 'district', parentCode: null };
const buurtA: CoverageArea = { code: 'BU05420101', name: 'Centrum', level: 'neighbourhood', parentCode: 'WK054201' };
const buurtB: CoverageArea = { code: 'BU05420102', name: 'Langeland', level: 'neighbourhood', parentCode: 'WK054201' };
const wijk2: CoverageArea = { code: 'WK054202', name: 'Lansing', level: 'district', parentCode: null };

type Over = Partial<CoverageEntry> & { buurt?: string; wijk?: string; accessibility?: string[] };
/** An entry with functions and groups as short codes, at most one place. */
function entry(id: string, over: Over): CoverageEntry {
  const { buurt, wijk: w, accessibility = [], ...rest } = over;
  const places =
    buurt || w
      ? [{ buurtCode: buurt ?? null, wijkCode: w ?? 'WK054201', accessibility: accessibility.map((a) => `toegankelijkheid.${a}`) }]
      : [];
  return {
    id,
    name: id,
    targetGroups: [],
    stale: false,
    places,
    ...rest,
    functions: (rest.functions ?? []).map((f) => `functie.${f}`),
  };
}

describe('coverage matrix', () => {
  const entries = [
    entry('huiskamer', { functions: ['ontmoeting'], accessibility: ['rolstoeltoegankelijk'], buurt: 'BU05420101' }),
    entry('stip', { functions: ['informatie-advies', 'signalering'], buurt: 'BU05420101', stale: true }),
    entry('maatje', { functions: ['informele-ondersteuning'], targetGroups: ['doelgroep.beperking'], buurt: 'BU05420102' }),
    entry('telefoon', { functions: ['informatie-advies'] }),
  ];
  const m = coverageMatrix([wijk2, buurtB, wijk, buurtA], entries);

  it('lists each wijk followed by its buurten', () => {
    assert.deepEqual(
      m.rows.map((r) => r.area.code),
      ['WK054202', 'WK054201', 'BU05420102', 'BU05420101'],
    );
  });

  it('answers the questions of seed 003 §6a per area', () => {
    const row = (code: string) => m.rows.find((r) => r.area.code === code)!;
    const w = row('WK054201');
    assert.equal(w.questions.meetingPlace.state, 'yes');
    assert.equal(w.questions.meetingAccessible.state, 'yes');
    assert.equal(w.questions.informationPoint.state, 'staleOnly', 'only a stale Stip: not a white spot, but not sure either');
    assert.equal(w.questions.signallingNetwork.staleCount, 1);
    assert.equal(w.questions.disabilitySupport.state, 'yes');
    assert.equal(w.functions['functie.ontmoeting'].count, 1);
    assert.deepEqual(w.whiteSpots.functions, ['functie.beweging-gezondheid', 'functie.zorgondersteuning']);
    assert.deepEqual(w.whiteSpots.questions, []);
    const b = row('BU05420102');
    assert.deepEqual(b.whiteSpots.questions, ['meetingPlace', 'meetingAccessible', 'informationPoint', 'signallingNetwork']);
    assert.equal(b.questions.disabilitySupport.state, 'yes');
    const empty = row('WK054202');
    assert.equal(empty.whiteSpots.functions.length, 6);
    assert.equal(empty.whiteSpots.questions.length, 5);
  });

  it('an inaccessible meeting place is a meeting place but not an accessible one', () => {
    const mm = coverageMatrix([wijk], [entry('x', { functions: ['ontmoeting'], wijk: 'WK054201' })]);
    assert.equal(mm.rows[0]!.questions.meetingPlace.state, 'yes');
    assert.equal(mm.rows[0]!.questions.meetingAccessible.state, 'no');
  });

  it('support without the disability target group does not answer the disability question', () => {
    const mm = coverageMatrix(
      [wijk],
      [entry('x', { functions: ['zorgondersteuning'], targetGroups: ['doelgroep.ouderen'], wijk: 'WK054201' })],
    );
    assert.equal(mm.rows[0]!.questions.disabilitySupport.state, 'no');
    assert.equal(mm.rows[0]!.functions['functie.zorgondersteuning'].state, 'yes');
  });

  it('counts entries without a place in the matrix separately', () => {
    assert.equal(m.withoutArea, 1);
  });

  it('a wijk row counts every entry of its buurten (property)', () => {
    const arb = fc.array(
      fc.record({
        buurt: fc.constantFrom('BU05420101', 'BU05420102'),
        fn: fc.constantFrom('ontmoeting', 'signalering', 'zorgondersteuning'),
        stale: fc.boolean(),
      }),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(arb, (list) => {
        const es = list.map((x, i) => entry(`e${i}`, { functions: [x.fn], buurt: x.buurt, stale: x.stale }));
        const rows = coverageMatrix([wijk, buurtA, buurtB], es).rows;
        for (const fn of ['functie.ontmoeting', 'functie.signalering', 'functie.zorgondersteuning'] as const) {
          const sum = rows[1]!.functions[fn].count + rows[2]!.functions[fn].count;
          assert.equal(rows[0]!.functions[fn].count, sum);
          assert.equal(rows[0]!.functions[fn].state === 'no', sum === 0);
        }
      }),
    );
  });
});

describe('duplicates', () => {
  it('normalises names: case, accents, punctuation, articles', () => {
    assert.equal(normaliseName('De Open Eettafel!'), 'open eettafel');
    assert.equal(normaliseName('  open   eettafel '), 'open eettafel');
    assert.equal(normaliseName('Café “Het Hoekje”'), 'cafe hoekje');
    fc.assert(fc.property(fc.string(), (s) => assert.equal(normaliseName(normaliseName(s)), normaliseName(s))));
  });

  it('builds address keys only from a valid postcode and number', () => {
    assert.equal(addressKey('2922 ab', '12 a'), '2922AB 12A');
    assert.equal(addressKey('0123AB', '1'), null);
    assert.equal(addressKey('2922AB', ''), null);
    assert.equal(addressKey(null, '3'), null);
  });

  it('groups services by name and locations by name or address', () => {
    const groups = findDuplicates([
      { kind: 'service', id: 's1', name: 'Open eettafel' },
      { kind: 'service', id: 's2', name: 'open-eettafel' },
      { kind: 'service', id: 's3', name: 'Inloop' },
      { kind: 'location', id: 'l1', name: 'Buurthuis De Link', postalCode: '1703 AB', houseNumber: '1' },
      { kind: 'location', id: 'l2', name: 'Wijkcentrum', postalCode: '1703AB', houseNumber: '1' },
      { kind: 'location', id: 'l3', name: 'Open eettafel', postalCode: null, houseNumber: null },
    ]);
    assert.deepEqual(
      groups.map((g) => [g.reason, g.kind, g.key, g.members.map((x) => x.id)]),
      [
        ['address', 'location', '1703AB 1', ['l1', 'l2']],
        ['name', 'service', 'open eettafel', ['s1', 's2']],
      ],
    );
  });
});
