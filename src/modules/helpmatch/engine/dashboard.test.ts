import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeFigures, dashboardCsv } from './dashboard.ts';
import type { DashMatch, DashRequest } from './dashboard.store.ts';
import { translator } from '../../../platform/i18n/index.ts';
import './engine.messages.ts';

const now = new Date('2026-11-23T10:00:00Z');
const H = 3600_000;
const D = 24 * H;
const ago = (days: number) => new Date(now.getTime() - days * D);
const at = (r: DashRequest, hours: number) => new Date(r.createdAt.getTime() + hours * H);
const req = (id: string, days: number, state: DashRequest['state'], helpType: DashRequest['helpType'], category: string): DashRequest => ({
  id,
  createdAt: ago(days),
  state,
  helpType,
  category,
  buurtCode: 'BU05420101',
  wijkCode: 'WK054201',
});

const r1 = req('r1', 10, 'matched', 'incidental', 'tuin');
const r2 = req('r2', 20, 'open', 'structural', 'klussen');
const r3 = req('r3', 2, 'open', 'latent', 'boodschappen');
const r4 = req('r4', 100, 'open', 'incidental', 'tuin');
const r5 = req('r5', 8, 'done', 'incidental', 'tuin');
const m = (
  r: DashRequest,
  v: string,
  state: DashMatch['state'],
  reply: number | null,
  accept: number | null,
  hours: number | null = null,
): DashMatch => ({
  requestId: r.id,
  volunteerUserId: v,
  state,
  repliedAt: reply === null ? null : at(r, reply),
  acceptedAt: accept === null ? null : at(r, accept),
  hours,
});
const matches = [
  m(r1, 'v1', 'declined', 2, null),
  m(r1, 'v2', 'accepted', 4, 30),
  m(r2, 'v1', 'declined', 10, null),
  m(r5, 'v2', 'done', 1, 180, 3),
];
const offers = ['v1', 'v2', 'v3'].map((userId) => ({ userId, buurtCode: 'BU05420101', wijkCode: 'WK054201' }));

describe('dashboard figures on known data', () => {
  const f = computeFigures({ requests: [r1, r2, r3, r4, r5], matches, offers, now, since: ago(90) });

  it('counts requests in the period and open requests by age', () => {
    assert.equal(f.requests, 4);
    assert.deepEqual(f.openByAge, { under7: 1, from7to30: 1, over30: 1 });
  });
  it('takes medians of time to first reply and to match', () => {
    assert.equal(f.medianHoursToFirstReply, 2);
    assert.equal(f.medianHoursToMatch, 105);
  });
  it('gives the share matched within 7 days of requests at least a week old', () => {
    assert.equal(f.matchedWithin7Days, 1 / 3);
  });
  it('counts replies, matches, matches per reply, per help type and category, and hours', () => {
    assert.equal(f.replies, 4);
    assert.equal(f.matches, 2);
    assert.equal(f.matchesPerReply, 0.5);
    assert.deepEqual(f.matchesByHelpType, { latent: 0, incidental: 2, structural: 0 });
    assert.equal(f.matchesByCategory.tuin, 2);
    assert.equal(f.matchesByCategory.klussen, 0);
    assert.equal(f.hours, 3);
  });
  it('counts active volunteers and the Gini of matches per volunteer (offers without matches count as 0)', () => {
    assert.equal(f.activeOffers, 3);
    assert.equal(f.activeVolunteers, 1);
    assert.ok(Math.abs(f.gini - 2 / 3) < 1e-12);
  });
  it('gives nulls, not NaN, when there is nothing to measure', () => {
    const empty = computeFigures({ requests: [], matches: [], offers: [], now, since: ago(90) });
    assert.equal(empty.medianHoursToMatch, null);
    assert.equal(empty.matchedWithin7Days, null);
    assert.equal(empty.matchesPerReply, null);
    assert.equal(empty.gini, 0);
  });
  it('exports CSV with a header line and one line per area', () => {
    const csv = dashboardCsv(
      {
        selection: { code: '', name: 'Krimpen', figures: f },
        rows: [{ code: 'WK054201', name: 'Oost, "Noord"', figures: f }],
        period: 90,
        since: ago(90),
      },
      translator('nl'),
    );
    const lines = csv.trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^Code,Naam,Hulpvragen,/);
    assert.match(lines[2]!, /^WK054201,"Oost, ""Noord""",4,1,1,1,2,105,33,4,2,50,0,2,0,3,3,1,0\.667$/);
  });
  it('keeps spreadsheet formulas in area names out of the CSV', () => {
    const csv = dashboardCsv(
      {
        selection: { code: '', name: 'Krimpen', figures: f },
        rows: [{ code: 'WK054201', name: '=HYPERLINK("https://x")', figures: f }],
        period: 90,
        since: ago(90),
      },
      translator('nl'),
    );
    assert.match(csv.trim().split('\n')[2]!, /^WK054201,"'=HYPERLINK\(""https:\/\/x""\)",4,/);
  });
});
