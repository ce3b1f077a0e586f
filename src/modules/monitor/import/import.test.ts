import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import writeExcelFile from 'write-excel-file/node';
import { useTestDb } from '../../../../test/helpers/app.ts';
import { listIndicators, listMeasurements } from '../core/core.store.ts';
import { importMonitorFile, listMonitorImports } from './import.service.ts';
import {
  BUURT_1,
  BUURT_2,
  coordinatorOf,
  GRONINGEN,
  KRIMPEN,
  OLD_WIJK,
  setupMonitorImport,
  TEST_NOW,
  WIJK,
} from './import.test-support.ts';

const csv = (lines: string[]) => Buffer.from(lines.join('\n') + '\n');

describe('monitor import: round trips', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  const run = (fileName: string, bytes: Buffer, extra: { period?: string } = {}) =>
    importMonitorFile(db(), coordinatorOf(KRIMPEN.id), { tenantId: KRIMPEN.id, fileName, bytes, now: TEST_NOW, ...extra });
  before(async () => setupMonitorImport(db()));

  it('reads a semicolon CSV with Dutch decimal commas, writes it, and reads the same values back; a second import updates', async () => {
    const file = csv([
      'PERIOD;GEOLEVEL;GEOITEM;wm09_active;wm07_cohesion;buurthuis_bezoeken',
      `2024;gemeente;${KRIMPEN.id};21,5;6,4;1.234`,
      `2024;wijk;${WIJK};19;6,1;`,
      `2025-Q3;buurt;${BUURT_1};23,25;.;17`,
      `2025-11;neighbourhood;05420002;0;10;0`,
    ]);
    const report = await run('wijkmonitor.csv', file);
    assert.deepEqual(report.rejected, []);
    assert.equal(report.written, true);
    assert.equal(report.created, 11);
    assert.equal(report.updated, 0);
    const rows = await listMeasurements(db(), KRIMPEN.id, { indicatorCodes: ['wm09_active', 'wm07_cohesion', 'buurthuis_bezoeken'] });
    const get = (code: string, area: string, period: string) =>
      rows.find((r) => r.indicatorCode === code && r.areaCode === area && r.period === period);
    assert.equal(get('wm09_active', KRIMPEN.id, '2024')?.value, 21.5);
    assert.equal(get('wm07_cohesion', KRIMPEN.id, '2024')?.value, 6.4);
    assert.equal(get('buurthuis_bezoeken', KRIMPEN.id, '2024')?.value, 1234, 'Dutch thousands separator');
    assert.equal(get('buurthuis_bezoeken', WIJK, '2024'), undefined, 'an empty cell writes nothing');
    assert.equal(get('wm09_active', BUURT_1, '2025-Q3')?.value, 23.25);
    assert.equal(get('wm09_active', BUURT_1, '2025-Q3')?.periodStart, '2025-07-01');
    assert.equal(get('wm07_cohesion', BUURT_1, '2025-Q3')?.status, 'unknown', '"." is unknown');
    assert.equal(get('wm07_cohesion', BUURT_1, '2025-Q3')?.value, null);
    assert.equal(get('wm07_cohesion', BUURT_2, '2025-11')?.value, 10, 'a bare buurt number gets its BU prefix');
    assert.equal(get('wm09_active', WIJK, '2024')?.sourceNote, 'Import wijkmonitor.csv');

    const again = await run('wijkmonitor-2.csv', csv(['PERIOD,GEOLEVEL,GEOITEM,wm09_active', `2024,wijk,${WIJK},"20,5"`]));
    assert.deepEqual([again.written, again.created, again.updated], [true, 0, 1]);
    const after = await listMeasurements(db(), KRIMPEN.id, { areaCodes: [WIJK], indicatorCodes: ['wm09_active'] });
    assert.equal(after[0]?.value, 20.5);
    const log = await listMonitorImports(db(), coordinatorOf(KRIMPEN.id), KRIMPEN.id);
    const entry = log.find((l) => l.fileName === 'wijkmonitor-2.csv');
    assert.equal(entry?.outcome, 'imported');
    assert.equal(entry?.updated, 1);
  });

  it('reads an XLSX file whose sheet "indicators" defines a new indicator', async () => {
    const bytes = await writeExcelFile([
      {
        sheet: 'monitor',
        data: [
          ['PERIOD', 'GEOLEVEL', 'GEOITEM', 'ontmoetingsplekken_tevreden', 'wm07_cohesion'],
          [2023, 'wijk', WIJK, 64.2, 6.3],
          ['2023', 'buurt', BUURT_1, '58,9', null],
        ],
      },
      {
        sheet: 'indicators',
        data: [
          ['code', 'name_nl', 'name_en', 'unit', 'direction', 'theme', 'source', 'min_respondents'],
          [
            'ontmoetingsplekken_tevreden',
            'Tevreden over ontmoetingsplekken',
            'Satisfied with meeting places',
            'percent',
            'up',
            'meet',
            'survey',
            40,
          ],
        ],
      },
    ]).toBuffer();
    const report = await run('monitor.xlsx', bytes);
    assert.deepEqual(report.rejected, []);
    assert.equal(report.format, 'xlsx');
    assert.equal(report.indicatorsCreated, 1);
    assert.equal(report.created, 3);
    const def = (await listIndicators(db(), KRIMPEN.id)).find((i) => i.code === 'ontmoetingsplekken_tevreden');
    assert.equal(def?.minRespondents, 40);
    assert.equal(def?.unit, 'percent');
    const rows = await listMeasurements(db(), KRIMPEN.id, { indicatorCodes: ['ontmoetingsplekken_tevreden'] });
    assert.deepEqual(
      rows.map((r) => [r.areaCode, r.period, r.value]),
      [
        [BUURT_1, '2023', 58.9],
        [WIJK, '2023', 64.2],
      ],
    );
  });

  it('reads the CBS JSON shape: the year from the file name, sentinels as unknown, other municipalities skipped, 65+ as a share', async () => {
    const json = JSON.stringify(
      {
        [KRIMPEN.id]: { AantalInwoners_5: 29625, Woningvoorraad_35: 13000, k_65JaarOfOuder_12: 7406, OppervlakteLand_123: 800 },
        [WIJK]: { AantalInwoners_5: 29625, Woningvoorraad_35: -99997, k_65JaarOfOuder_12: 7406 },
        WK001400: { AantalInwoners_5: 5000 },
        WK054299: { AantalInwoners_5: 12 },
        GM1980: { AantalInwoners_5: 90076 },
      },
      null,
      1,
    );
    const report = await run('cbs_kwb_2024_pilotgemeenten_basis.json', Buffer.from(json));
    assert.deepEqual(report.rejected, []);
    assert.equal(report.format, 'cbs');
    assert.equal(report.skipped, 3, 'two municipalities and a wijk of the CBS municipality that is not an area here');
    const rows = await listMeasurements(db(), KRIMPEN.id, {
      indicatorCodes: ['cbs_inwoners', 'cbs_woningen', 'cbs_65plus', 'cbs_65plus_pct'],
    });
    const get = (code: string, area: string) => rows.find((r) => r.indicatorCode === code && r.areaCode === area && r.period === '2024');
    assert.equal(get('cbs_inwoners', WIJK)?.value, 29625);
    assert.equal(get('cbs_woningen', KRIMPEN.id)?.value, 13000);
    assert.equal(get('cbs_woningen', WIJK)?.status, 'unknown', '−99997 is unknown, never 0 or negative');
    assert.equal(get('cbs_woningen', WIJK)?.value, null);
    assert.equal(get('cbs_65plus_pct', WIJK)?.value, 25);
    assert.ok((await listIndicators(db(), KRIMPEN.id)).some((i) => i.code === 'cbs_inwoners' && i.source === 'cbs'));
  });

  it("reads a StatLine-style CSV by base column name, whatever next year's suffixes are", async () => {
    const file = csv([
      'ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_6;WmoClientenRelatief_81;MateVanStedelijkheid_117',
      `1;"${WIJK}  ";"Krimpen aan den IJssel";"Wijk";"${WIJK}  ";"30001";"71";"2"`,
      `2;"${BUURT_1}";"Krimpen aan den IJssel";"Buurt";"${BUURT_1}";"4200";"-99995";"1"`,
      `3;"NL00";"Nederland";"Land";"NL00";"17942942";"62";"2"`,
    ]);
    const report = await run('85984NED_kerncijfers.csv', file);
    assert.deepEqual(report.rejected, []);
    assert.equal(report.format, 'cbs');
    assert.equal(report.skipped, 1);
    const rows = await listMeasurements(db(), KRIMPEN.id, { indicatorCodes: ['cbs_inwoners', 'cbs_wmo_per1000', 'cbs_stedelijkheid'] });
    const get = (code: string, area: string) => rows.find((r) => r.indicatorCode === code && r.areaCode === area && r.period === '2024');
    assert.equal(get('cbs_inwoners', WIJK)?.value, 30001);
    assert.equal(get('cbs_wmo_per1000', WIJK)?.value, 71);
    assert.equal(get('cbs_wmo_per1000', BUURT_1)?.status, 'unknown');
    assert.equal(get('cbs_stedelijkheid', BUURT_1)?.value, 1);
  });

  it('a CBS file without a year in its name needs the period', async () => {
    const json = Buffer.from(JSON.stringify({ [WIJK]: { AantalInwoners_5: 1 } }));
    const without = await run('kerncijfers.json', json);
    assert.equal(without.written, false);
    assert.deepEqual(without.rejected, [{ row: 0, reason: 'monitor.import.reason.cbsPeriod' }]);
    const given = await run('kerncijfers.json', json, { period: '2022' });
    assert.equal(given.written, true);
  });

  it('refuses a principal of another municipality and a resident', async () => {
    const bytes = csv(['PERIOD;GEOLEVEL;GEOITEM;wm09_active', `2024;wijk;${WIJK};1`]);
    const input = { tenantId: KRIMPEN.id, fileName: 'x.csv', bytes, now: TEST_NOW };
    await assert.rejects(importMonitorFile(db(), coordinatorOf(GRONINGEN.id), input), { status: 403 });
    await assert.rejects(importMonitorFile(db(), { ...coordinatorOf(KRIMPEN.id), roles: ['resident'] }, input), { status: 403 });
  });
});

describe('monitor import: bad input is refused with row and reason, and nothing is written', () => {
  const ctx = useTestDb();
  const db = () => ctx.database.db;
  before(async () => setupMonitorImport(db()));

  const HEADER = 'PERIOD;GEOLEVEL;GEOITEM;wm09_active;wm07_cohesion;buurthuis_bezoeken';
  const GOOD = `2024;wijk;${WIJK};20;6;10`;
  const cases: { name: string; lines: string[]; row: number; reason: string; sheet?: 'indicators' }[] = [
    { name: 'unknown area', lines: [GOOD, `2024;buurt;BU05429999;20;6;10`], row: 3, reason: 'unknownArea' },
    { name: 'area of another municipality', lines: [GOOD, `2024;wijk;WK001400;20;6;10`], row: 3, reason: 'unknownArea' },
    { name: 'malformed period', lines: [GOOD, `2024-Q5;wijk;${WIJK};20;6;10`], row: 3, reason: 'badPeriod' },
    { name: 'period in the future', lines: [GOOD, `2031;wijk;${WIJK};20;6;10`], row: 3, reason: 'periodFuture' },
    { name: 'percent over 100', lines: [GOOD, `2023;wijk;${WIJK};140;6;10`], row: 3, reason: 'percent' },
    { name: 'score over 10', lines: [GOOD, `2023;wijk;${WIJK};20;11;10`], row: 3, reason: 'score' },
    { name: 'negative count', lines: [GOOD, `2023;wijk;${WIJK};20;6;-3`], row: 3, reason: 'negativeCount' },
    { name: 'not a number', lines: [GOOD, `2023;wijk;${WIJK};veel;6;10`], row: 3, reason: 'notNumber' },
    { name: 'unknown level', lines: [GOOD, `2023;stadsdeel;${WIJK};20;6;10`], row: 3, reason: 'badLevel' },
    { name: 'level that does not fit the area', lines: [GOOD, `2023;buurt;${WIJK};20;6;10`], row: 3, reason: 'twoLevels' },
    { name: 'a buurt code given as a wijk', lines: [GOOD, `2024;wijk;${BUURT_1};20;6;10`], row: 3, reason: 'levelMismatch' },
    { name: 'the same area and period twice', lines: [GOOD, GOOD], row: 3, reason: 'duplicate' },
    { name: 'an old code the crosswalk maps away', lines: [GOOD, `2024;wijk;${OLD_WIJK};20;6;10`], row: 3, reason: 'twoDivisions' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const report = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
        tenantId: KRIMPEN.id,
        fileName: `bad-${cases.indexOf(c)}.csv`,
        bytes: csv([HEADER, ...c.lines]),
        now: TEST_NOW,
      });
      assert.equal(report.written, false);
      assert.ok(
        report.rejected.some((r) => r.row === c.row && r.reason === `monitor.import.reason.${c.reason}`),
        JSON.stringify(report.rejected),
      );
      assert.deepEqual(await listMeasurements(db(), KRIMPEN.id), [], 'nothing written');
      const log = await listMonitorImports(db(), coordinatorOf(KRIMPEN.id), KRIMPEN.id);
      const entry = log.find((l) => l.fileName === `bad-${cases.indexOf(c)}.csv`);
      assert.equal(entry?.outcome, 'rejected');
      assert.ok(entry?.rejected.some((r) => r.row === c.row && r.reason === `monitor.import.reason.${c.reason}`));
    });
  }

  it('an old code is accepted for a period of its own division', async () => {
    const report = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
      tenantId: KRIMPEN.id,
      fileName: 'oud.csv',
      bytes: csv(['PERIOD;GEOLEVEL;GEOITEM;wm09_active', `2016;wijk;${OLD_WIJK};18`]),
      now: TEST_NOW,
    });
    assert.deepEqual(report.rejected, []);
    assert.equal((await listMeasurements(db(), KRIMPEN.id, { areaCodes: [OLD_WIJK] }))[0]?.value, 18);
    await db().deleteFrom('monitor_measurements').where('tenant_id', '=', KRIMPEN.id).execute();
  });

  it('an unknown indicator column and a figure the platform computes are refused on the header line', async () => {
    for (const [column, reason] of [
      ['onbekend_cijfer', 'unknownIndicator'],
      ['sig_received', 'computedIndicator'],
    ] as const) {
      const report = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
        tenantId: KRIMPEN.id,
        fileName: 'kolom.csv',
        bytes: csv([`PERIOD;GEOLEVEL;GEOITEM;wm09_active;${column}`, `2024;wijk;${WIJK};20;3`]),
        now: TEST_NOW,
      });
      assert.equal(report.written, false);
      assert.deepEqual(report.rejected[0], {
        row: 1,
        reason: `monitor.import.reason.${reason}`,
        params: { [reason === 'unknownIndicator' ? 'column' : 'code']: column },
      });
    }
    assert.deepEqual(await listMeasurements(db(), KRIMPEN.id), []);
  });

  it('a threshold below 5 in the sheet "indicators" refuses the whole file', async () => {
    const bytes = await writeExcelFile([
      {
        sheet: 'monitor',
        data: [
          ['PERIOD', 'GEOLEVEL', 'GEOITEM', 'klein_getal'],
          ['2024', 'wijk', WIJK, 12],
        ],
      },
      {
        sheet: 'indicators',
        data: [
          ['code', 'name_nl', 'name_en', 'unit', 'direction', 'theme', 'min_respondents'],
          ['klein_getal', 'Klein getal', 'Small figure', 'percent', 'up', 'meet', 3],
        ],
      },
    ]).toBuffer();
    const report = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
      tenantId: KRIMPEN.id,
      fileName: 'klein.xlsx',
      bytes,
      now: TEST_NOW,
    });
    assert.equal(report.written, false);
    assert.ok(report.rejected.some((r) => r.sheet === 'indicators' && r.row === 2 && r.reason === 'monitor.import.reason.threshold'));
    assert.equal(
      (await listIndicators(db(), KRIMPEN.id)).some((i) => i.code === 'klein_getal'),
      false,
    );
    assert.deepEqual(await listMeasurements(db(), KRIMPEN.id), []);
  });

  it('a file that is not CSV, XLSX or JSON is refused as a whole', async () => {
    const notXlsx = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
      tenantId: KRIMPEN.id,
      fileName: 'x.xlsx',
      bytes: Buffer.from('PK nonsense'),
      now: TEST_NOW,
    });
    assert.deepEqual(notXlsx.rejected, [{ row: 0, reason: 'monitor.import.reason.notXlsx' }]);
    const notJson = await importMonitorFile(db(), coordinatorOf(KRIMPEN.id), {
      tenantId: KRIMPEN.id,
      fileName: 'x.json',
      bytes: Buffer.from('{"a":'),
      now: TEST_NOW,
    });
    assert.deepEqual(notJson.rejected, [{ row: 0, reason: 'monitor.import.reason.notJson' }]);
  });
});
