/**
 * Schedules through the HSDS import and API (issue 12, item 11): DAILY and past-midnight times
 * are accepted as the docs say, `timezone` and offsets on times are honoured, and what we publish
 * carries `timezone` (valid HSDS 3.0) so a strict reader places activities at the right hour.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { systemActor } from '../actor.ts';
import { occurrences } from '../schedule.ts';
import { GRONINGEN, KRIMPEN, setupSocialmapTenants } from '../socialmap.test-support.ts';
import { importHsds } from './import.ts';
import { hsdsValidator } from './validate.test-support.ts';

type Json = Record<string, unknown>;
const actor = systemActor(new Date('2026-11-23T10:00:00Z'));
const ORG = '11111111-1111-4111-8111-111111111111';
const uuid = (n: number) => `${'a'.repeat(8)}-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

const service = (n: number, name: string, schedules: Json[]) => ({ id: uuid(n), name, status: 'active', schedules });
const dataset = (services: Json[]) => ({ id: ORG, name: 'Stips', description: 'Welzijn', services });

describe('HSDS schedules: DAILY, past midnight and time zones', () => {
  const ctx = useTestApp();
  const v = hsdsValidator();
  const get = async (url: string) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 200, url);
    return res;
  };
  const stored = async (id: string) =>
    await ctx.database.db
      .selectFrom('socialmap_schedules')
      .selectAll()
      .where('tenant_id', '=', GRONINGEN.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  before(async () => {
    await setupSocialmapTenants(ctx.database.db);
    const report = await importHsds(
      ctx.database.db,
      GRONINGEN.id,
      dataset([
        service(1, 'Inloop elke dag', [{ id: uuid(101), freq: 'DAILY', opens_at: '09:00', closes_at: '17:00' }]),
        service(2, 'Om de twee weken', [{ id: uuid(102), freq: 'DAILY', interval: 14, dtstart: '2026-11-26', opens_at: '10:00' }]),
        service(3, 'Nachtopvang', [{ id: uuid(103), freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '02:00' }]),
        service(4, 'Spreekuur in UTC', [
          { id: uuid(104), freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '11:00', timezone: 0 },
        ]),
        service(5, 'Zomermarkt', [
          { id: uuid(105), dtstart: '2027-07-01', valid_from: '2027-07-01', opens_at: '12:00', closes_at: '16:00' },
        ]),
        service(6, 'Herfstcursus', [{ id: uuid(106), freq: 'WEEKLY', byday: 'MO', byweekno: '41,42', opens_at: '19:00' }]),
      ]),
      actor,
    );
    assert.equal(report.written, true, JSON.stringify(report.rejected));
  });

  it('accepts DAILY as the docs say, stored as its HSDS 3.0 equivalent', async () => {
    const daily = await stored(uuid(101));
    assert.deepEqual([daily.freq, daily.byday, daily.interval], ['WEEKLY', 'MO,TU,WE,TH,FR,SA,SU', null]);
    const week = occurrences({ ...daily, id: daily.id }, new Date('2026-11-23T00:00:00Z'), new Date('2026-11-30T00:00:00Z'));
    assert.equal(week.length, 7, 'every day');
    const fortnight = await stored(uuid(102));
    assert.deepEqual([fortnight.freq, fortnight.byday, fortnight.interval], ['WEEKLY', 'TH', 2]);
    assert.deepEqual(
      occurrences({ ...fortnight, id: fortnight.id }, new Date('2026-11-23T00:00:00Z'), new Date('2026-12-25T00:00:00Z')).map(
        (o) => o.date,
      ),
      ['2026-11-26', '2026-12-10', '2026-12-24'],
    );
  });

  it('accepts a closing time after midnight (the next day) and refuses what it cannot store, with a message', async () => {
    const night = await stored(uuid(103));
    assert.deepEqual([night.opens_at, night.closes_at], ['22:00', '02:00']);
    const [friday] = occurrences({ ...night, id: night.id }, new Date('2026-11-27T00:00:00Z'), new Date('2026-11-28T00:00:00Z'));
    assert.equal(friday!.start.toISOString(), '2026-11-27T21:00:00.000Z');
    assert.equal(friday!.end.toISOString(), '2026-11-28T01:00:00.000Z', 'Saturday 02:00');
    const cases: [Json, string, string][] = [
      [{ freq: 'DAILY', interval: 2, dtstart: '2026-12-01' }, 'interval', 'socialmap.error.dailyInterval'],
      [{ freq: 'DAILY', byday: '1MO' }, 'byday', 'socialmap.error.dailyByday'],
      [{ freq: 'YEARLY' }, 'freq', 'socialmap.error.freq'],
      [{ freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '22:00' }, 'closes_at', 'socialmap.error.closesBeforeOpens'],
    ];
    for (const [schedule, field, message] of cases) {
      const report = await importHsds(
        ctx.database.db,
        GRONINGEN.id,
        dataset([service(9, 'Fout', [{ id: uuid(109), ...schedule }])]),
        actor,
      );
      assert.equal(report.written, false, JSON.stringify(schedule));
      assert.ok(
        report.rejected.some((p) => p.field === field && p.message === message),
        JSON.stringify(report.rejected),
      );
    }
  });

  it('honours HSDS timezone and byweekno when dates are expanded', async () => {
    const utc = await stored(uuid(104));
    const [summer] = occurrences({ ...utc, id: utc.id }, new Date('2027-06-07T00:00:00Z'), new Date('2027-06-08T00:00:00Z'));
    const [winter] = occurrences({ ...utc, id: utc.id }, new Date('2026-11-23T00:00:00Z'), new Date('2026-11-24T00:00:00Z'));
    assert.equal(summer!.start.toISOString(), '2027-06-07T10:00:00.000Z', '12:00 in Amsterdam');
    assert.equal(winter!.start.toISOString(), '2026-11-23T10:00:00.000Z', '11:00 in Amsterdam');
    const autumn = await stored(uuid(106));
    assert.deepEqual(
      occurrences({ ...autumn, id: autumn.id }, new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z')).map((o) => o.date),
      ['2027-10-11', '2027-10-18'],
      'two Mondays, not every Monday',
    );
  });

  it('publishes timezone (valid HSDS 3.0) so a strict reader gets the right hour, and timezone_name', async () => {
    ctx.clock.set('2026-11-23T10:00:00Z');
    const body = (await get(`/${GRONINGEN.slug}/hsds/services?full=true&per_page=50`)).json() as { contents: Json[] };
    const byName = new Map(body.contents.map((s) => [s.name as string, s]));
    const schedule = (name: string) => (byName.get(name)!.schedules as Json[])[0]!;
    for (const s of body.contents) assert.deepEqual(v.errors('service', s), [], String(s.name));
    assert.deepEqual(
      [schedule('Inloop elke dag').timezone, schedule('Inloop elke dag').timezone_name],
      [1, 'Europe/Amsterdam'],
      'winter: +1',
    );
    assert.deepEqual(
      [schedule('Zomermarkt').timezone, schedule('Zomermarkt').timezone_name],
      [2, 'Europe/Amsterdam'],
      'its date is in summer',
    );
    assert.deepEqual([schedule('Spreekuur in UTC').timezone, schedule('Spreekuur in UTC').timezone_name], [0, undefined], 'as imported');

    // A strict reader: the date at opens_at in UTC+timezone. It lands on our own start instant.
    for (const name of ['Inloop elke dag', 'Zomermarkt', 'Spreekuur in UTC', 'Nachtopvang']) {
      const s = schedule(name);
      const row = await stored(s.id as string);
      const [next] = occurrences({ ...row, id: row.id }, new Date('2026-11-23T10:00:00Z'), new Date('2027-12-31T00:00:00Z'));
      const [h, m] = (s.opens_at as string).split(':').map(Number);
      const strict = Date.parse(`${next!.date}T00:00:00Z`) + ((h! - (s.timezone as number)) * 60 + m!) * 60_000;
      assert.equal(new Date(strict).toISOString(), next!.start.toISOString(), name);
    }

    ctx.clock.set('2027-06-01T10:00:00Z');
    const summer = (await get(`/${GRONINGEN.slug}/hsds/services/${uuid(1)}`)).json() as Json;
    assert.equal((summer.schedules as Json[])[0]!.timezone, 2, 'summer: +2');
    ctx.clock.set('2026-11-23T10:00:00Z');

    const csv = (await get(`/${GRONINGEN.slug}/hsds/export/schedules.csv`)).body.trim().split('\n');
    const header = csv[0]!.split(',');
    const tz = header.indexOf('timezone');
    const name = header.indexOf('timezone_name');
    assert.ok(tz >= 0 && name > tz, header.join(','));
    // Rows without quoted commas: the night shelter (FR, winter) and the autumn course (weeks 41–42 of 2027, summer).
    const row = (id: string) => csv.find((l) => l.startsWith(id))!.split(',');
    assert.deepEqual([row(uuid(103))[tz], row(uuid(103))[name]], ['1', 'Europe/Amsterdam']);
    assert.deepEqual([row(uuid(104))[tz], row(uuid(104))[name]], ['0', '']);
  });

  it('reads its own export back as wall-clock times in Amsterdam (timezone_name), not as a fixed offset', async () => {
    ctx.clock.set('2026-11-23T10:00:00Z');
    const exported = (await get(`/${GRONINGEN.slug}/hsds/export.json`)).json() as Json;
    const report = await importHsds(ctx.database.db, KRIMPEN.id, { ...exported, organizations: [] }, actor, { outside: 'keep' });
    assert.equal(report.written, true, JSON.stringify(report.rejected));
    const row = await ctx.database.db
      .selectFrom('socialmap_schedules')
      .selectAll()
      .where('tenant_id', '=', KRIMPEN.id)
      .where('id', '=', uuid(101))
      .executeTakeFirstOrThrow();
    assert.equal(row.timezone, null, 'published +1 with Europe/Amsterdam: stored as wall-clock');
    const [june] = occurrences({ ...row, id: row.id }, new Date('2027-06-01T00:00:00Z'), new Date('2027-06-02T00:00:00Z'));
    assert.equal(june!.start.toISOString(), '2027-06-01T07:00:00.000Z', '09:00 in summer too');
  });
});
