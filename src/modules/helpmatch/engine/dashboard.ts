/**
 * Figures of the coordinator dashboard, computed from plain rows (dashboard.store.ts) so they can be
 * tested on known data: open requests by age, time to first reply and to a match, share matched
 * within 7 days, replies per match, matches per help type and category, hours, active volunteers
 * and the Gini coefficient of matches per volunteer.
 */
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../../platform/csv.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Translate } from '../../../platform/i18n/index.ts';
import { descendantCodes, listAreas } from '../../areas/areas.service.ts';
import { CATEGORIES } from '../categories.ts';
import { gini } from '../matching/gini.ts';
import { areaCounts, loadDashboardRows, type AreaCounts, type DashMatch, type DashOffer, type DashRequest } from './dashboard.store.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { can } from '../policies.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface DashboardFigures {
  /** Requests created in the period. */
  requests: number;
  /** Requests open now, by age. */
  openByAge: { under7: number; from7to30: number; over30: number };
  /** Median hours from a request to its first reply (null: none yet). */
  medianHoursToFirstReply: number | null;
  /** Median hours from a request to its first accepted match. */
  medianHoursToMatch: number | null;
  /** Of the period's requests at least 7 days old, the share matched within 7 days (0–1; null when none). */
  matchedWithin7Days: number | null;
  /** Replies by volunteers (a match with a reply) and matches (accepted at some point). */
  replies: number;
  matches: number;
  /** Matches per reply (0–1; NLvoorelkaar: about 1 in 4). */
  matchesPerReply: number | null;
  matchesByHelpType: Record<'latent' | 'incidental' | 'structural', number>;
  matchesByCategory: Record<string, number>;
  hours: number;
  /** Volunteers with an active offer, and those with a match in the period. */
  activeOffers: number;
  activeVolunteers: number;
  /** Gini of matches per volunteer, over volunteers with an active offer or a match (0 = evenly shared). */
  gini: number;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Compute the figures for the requests, matches and offers in one area selection. */
export function computeFigures(input: {
  requests: readonly DashRequest[];
  matches: readonly DashMatch[];
  offers: readonly DashOffer[];
  now: Date;
  since: Date;
}): DashboardFigures {
  const { now, since } = input;
  const byRequest = new Map<string, DashMatch[]>();
  for (const m of input.matches) byRequest.set(m.requestId, [...(byRequest.get(m.requestId) ?? []), m]);
  const inPeriod = input.requests.filter((r) => r.createdAt >= since && r.createdAt <= now);
  const openByAge = { under7: 0, from7to30: 0, over30: 0 };
  for (const r of input.requests) {
    if (r.state !== 'open') continue;
    const age = now.getTime() - r.createdAt.getTime();
    if (age < 7 * DAY) openByAge.under7 += 1;
    else if (age <= 30 * DAY) openByAge.from7to30 += 1;
    else openByAge.over30 += 1;
  }
  const toReply: number[] = [];
  const toMatch: number[] = [];
  let cohort = 0;
  let within7 = 0;
  let replies = 0;
  let matches = 0;
  let hours = 0;
  const matchesByHelpType = { latent: 0, incidental: 0, structural: 0 };
  const matchesByCategory: Record<string, number> = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  const perVolunteer = new Map<string, number>();
  for (const r of inPeriod) {
    const ms = byRequest.get(r.id) ?? [];
    const firstReply = Math.min(...ms.filter((m) => m.repliedAt).map((m) => m.repliedAt!.getTime()));
    const firstAccept = Math.min(...ms.filter((m) => m.acceptedAt).map((m) => m.acceptedAt!.getTime()));
    if (Number.isFinite(firstReply)) toReply.push((firstReply - r.createdAt.getTime()) / HOUR);
    if (Number.isFinite(firstAccept)) toMatch.push((firstAccept - r.createdAt.getTime()) / HOUR);
    if (now.getTime() - r.createdAt.getTime() >= 7 * DAY) {
      cohort += 1;
      if (Number.isFinite(firstAccept) && firstAccept - r.createdAt.getTime() <= 7 * DAY) within7 += 1;
    }
    for (const m of ms) {
      if (m.repliedAt) replies += 1;
      if (!m.acceptedAt) continue;
      matches += 1;
      matchesByHelpType[r.helpType] += 1;
      matchesByCategory[r.category] = (matchesByCategory[r.category] ?? 0) + 1;
      if (m.hours !== null) hours += m.hours;
      if (m.volunteerUserId) perVolunteer.set(m.volunteerUserId, (perVolunteer.get(m.volunteerUserId) ?? 0) + 1);
    }
  }
  const volunteers = new Set([...input.offers.map((o) => o.userId), ...perVolunteer.keys()]);
  return {
    requests: inPeriod.length,
    openByAge,
    medianHoursToFirstReply: median(toReply),
    medianHoursToMatch: median(toMatch),
    matchedWithin7Days: cohort === 0 ? null : within7 / cohort,
    replies,
    matches,
    matchesPerReply: replies === 0 ? null : Math.min(1, matches / replies),
    matchesByHelpType,
    matchesByCategory,
    hours: Math.round(hours * 100) / 100,
    activeOffers: input.offers.length,
    activeVolunteers: perVolunteer.size,
    gini: gini([...volunteers].map((u) => perVolunteer.get(u) ?? 0)),
  };
}

export const PERIODS = [30, 90, 365] as const;
export type Period = (typeof PERIODS)[number];

export interface DashboardRow {
  code: string;
  name: string;
  figures: DashboardFigures;
}

export interface Dashboard {
  /** The selection (the municipality or one wijk/buurt) and one row per area below it. */
  selection: DashboardRow;
  rows: DashboardRow[];
  period: Period;
  since: Date;
}

const inCodes = (codes: ReadonlySet<string>) => (x: { buurtCode: string | null; wijkCode: string | null }) =>
  (x.buurtCode !== null && codes.has(x.buurtCode)) || (x.wijkCode !== null && codes.has(x.wijkCode));

/** The dashboard of a tenant for an area code (null: the whole municipality) over the last `period` days. */
export async function loadDashboard(
  db: DbOrTrx,
  tenant: { id: string; name: string },
  principal: Principal,
  opts: { areaCode: string | null; areaName?: string; period: Period; now: Date },
): Promise<Dashboard> {
  authorize(can(principal, 'dashboard.view', { tenantId: tenant.id }));
  const since = new Date(opts.now.getTime() - opts.period * DAY);
  const data = await loadDashboardRows(db, tenant.id, since);
  const figuresFor = async (code: string | null) => {
    if (code === null) return computeFigures({ ...data, now: opts.now, since });
    const keep = inCodes(new Set(await descendantCodes(db, tenant.id, code)));
    const requests = data.requests.filter(keep);
    const ids = new Set(requests.map((r) => r.id));
    return computeFigures({
      requests,
      matches: data.matches.filter((m) => ids.has(m.requestId)),
      offers: data.offers.filter(keep),
      now: opts.now,
      since,
    });
  };
  const below =
    opts.areaCode === null
      ? await listAreas(db, tenant.id, { level: 'district' })
      : await listAreas(db, tenant.id, { parentCode: opts.areaCode });
  const rows: DashboardRow[] = [];
  for (const a of below) rows.push({ code: a.code, name: a.name, figures: await figuresFor(a.code) });
  return {
    selection: { code: opts.areaCode ?? '', name: opts.areaName ?? tenant.name, figures: await figuresFor(opts.areaCode) },
    rows,
    period: opts.period,
    since,
  };
}

const pct = (x: number | null) => (x === null ? '' : String(Math.round(x * 100)));
const num = (x: number | null) => (x === null ? '' : String(Math.round(x * 10) / 10));

/** The dashboard as CSV (one line per area, the selection first), with headers in the reader's language. */
export function dashboardCsv(d: Dashboard, t: Translate): string {
  const header = [
    'code',
    'name',
    'requests',
    'openUnder7',
    'open7to30',
    'openOver30',
    'hoursToFirstReply',
    'hoursToMatch',
    'matchedWithin7Pct',
    'replies',
    'matches',
    'matchesPerReplyPct',
    'latent',
    'incidental',
    'structural',
    'hours',
    'activeOffers',
    'activeVolunteers',
    'gini',
  ] as const;
  const line = (r: DashboardRow) => {
    const f = r.figures;
    return [
      r.code,
      r.name,
      f.requests,
      f.openByAge.under7,
      f.openByAge.from7to30,
      f.openByAge.over30,
      num(f.medianHoursToFirstReply),
      num(f.medianHoursToMatch),
      pct(f.matchedWithin7Days),
      f.replies,
      f.matches,
      pct(f.matchesPerReply),
      f.matchesByHelpType.latent,
      f.matchesByHelpType.incidental,
      f.matchesByHelpType.structural,
      f.hours,
      f.activeOffers,
      f.activeVolunteers,
      f.gini.toFixed(3),
    ];
  };
  return stringify(
    [header.map((h) => t(`helpmatch.engine.csv.${h}`)), line(d.selection), ...d.rows.map(line)].map((row) => row.map(guardCell)),
  );
}

export type { AreaCounts } from './dashboard.store.ts';

/** Counts for the neighbourhood page (public: counts only, no names, addresses or texts) in these areas. */
export function neighbourhoodCounts(db: DbOrTrx, tenantId: string, areaCodes: readonly string[]): Promise<AreaCounts> {
  return areaCounts(db, tenantId, areaCodes);
}
