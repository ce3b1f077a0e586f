import type { DbOrTrx } from '../../../platform/db/database.ts';
import { Invalid, NotFound } from '../../../platform/errors.ts';
import { authorize, type Principal } from '../../../platform/principal.ts';
import { localDate } from '../../../platform/time.ts';
import { getArea, listAreas } from '../../areas/areas.service.ts';
import { listOrganisations } from '../../people/people.service.ts';
import { listIndicators, listMeasurements } from '../core/core.store.ts';
import { can } from '../policies.ts';
import { DEMAND_INDICATORS, DEMAND_STATS, QUESTIONS, type ContributionKind, type DemandStat } from './perspective.questions.ts';
import * as store from './perspective.store.ts';

/**
 * The wijkperspectief of one wijk or buurt (Groningen, seed 003 §6a1): demand (CBS figures and the
 * platform's own figures), supply (the ten questions, answered by data or by partners), knelpunten
 * and SWOT by partners, and priorities agreed by the coordinator. A version is a snapshot of the
 * whole document (`PerspectiveContent`); the working view builds the same document from live data.
 */

/** One figure from the monitor, as it stood when the document was built. */
export interface FigureSnap {
  code: string;
  nameNl: string;
  nameEn: string;
  unit: string;
  decimals: number;
  value: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  period: string;
  isDemo: boolean;
}

export interface ContributionSnap {
  kind: ContributionKind;
  question: number | null;
  text: string;
  organisation: string | null;
  isDemo: boolean;
  createdOn: string;
}

export interface PerspectiveContent {
  schema: 1;
  areaName: string;
  /** Whose CBS figures: the area's own, or (a buurt without figures) its wijk's, named. */
  statsOf: string | null;
  stats: { key: DemandStat; value: number }[];
  demand: FigureSnap[];
  /** The figures per question the data answers (questions without indicators are absent). */
  supply: { n: number; figures: FigureSnap[] }[];
  contributions: ContributionSnap[];
  priorities: string[];
  /** Organisations the priorities were agreed with, by name. */
  agreedWith: string[];
  changeNote: string;
  builtOn: string;
}

export interface VersionSummary {
  version: number;
  status: 'draft' | 'agreed';
  createdOn: string;
  agreedOn: string | null;
  changeNote: string;
  /** Contributions added since the version before, and whether the priorities changed. */
  added: number;
  prioritiesChanged: boolean;
  isDemo: boolean;
}

export interface PerspectivePage {
  area: { code: string; name: string; level: 'district' | 'neighbourhood' };
  /** live: the working view (staff); version: a saved version; none: nothing the reader may see yet. */
  mode: 'live' | 'version' | 'none';
  shown: VersionSummary | null;
  content: PerspectiveContent | null;
  versions: VersionSummary[];
  canContribute: boolean;
  canEdit: boolean;
  /** The reader's organisations (to contribute as) and the municipality's (to agree priorities with). */
  myOrganisations: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
  /** The newest version when it is a draft (the coordinator can mark it agreed). */
  draftVersion: number | null;
  /** Priorities of the newest version (the coordinator's form starts from them). */
  latestPriorities: string[];
  latestAgreedWith: string[];
  /** The priorities shown come from a demo version (invented). */
  prioritiesDemo: boolean;
}

type Area = PerspectivePage['area'];

/** The wijk or buurt, or NotFound (a municipality has no wijkperspectief). */
export async function perspectiveArea(db: DbOrTrx, tenantId: string, code: string): Promise<Area & { parentCode: string | null }> {
  const a = await getArea(db, tenantId, code);
  if (!a || (a.level !== 'district' && a.level !== 'neighbourhood')) throw NotFound('areas.notFound');
  return { code: a.code, name: a.name, level: a.level, parentCode: a.parentCode };
}

const orgNames = async (db: DbOrTrx, tenantId: string) => new Map((await listOrganisations(db, tenantId)).map((o) => [o.id, o.name]));

/** The document built from today's data (figures, contributions), with the priorities given. */
export async function buildContent(
  db: DbOrTrx,
  tenantId: string,
  area: Area & { parentCode: string | null },
  now: Date,
  keep: { priorities: string[]; agreedWith: string[]; changeNote: string } = { priorities: [], agreedWith: [], changeNote: '' },
): Promise<PerspectiveContent> {
  const own = (await getArea(db, tenantId, area.code))?.stats ?? {};
  let stats: Record<string, number> = own;
  let statsOf: string | null = null;
  if (!DEMAND_STATS.some((k) => typeof own[k] === 'number') && area.parentCode) {
    const parent = await getArea(db, tenantId, area.parentCode);
    if (parent) [stats, statsOf] = [parent.stats, parent.name];
  }
  const codes = [...new Set([...DEMAND_INDICATORS, ...QUESTIONS.flatMap((q) => q.indicators)])];
  const [indicators, measurements, contributions, names] = await Promise.all([
    listIndicators(db, tenantId),
    listMeasurements(db, tenantId, { areaCodes: [area.code], indicatorCodes: codes }),
    store.listContributions(db, tenantId, area.code),
    orgNames(db, tenantId),
  ]);
  const defs = new Map(indicators.map((d) => [d.code, d]));
  // Measurements come oldest period first: the last one per indicator is the latest.
  const latest = new Map(measurements.map((m) => [m.indicatorCode, m]));
  const figure = (code: string): FigureSnap[] => {
    const m = latest.get(code);
    const d = defs.get(code);
    if (!m) return [];
    return [
      {
        code,
        nameNl: d?.nameNl ?? code,
        nameEn: d?.nameEn ?? code,
        unit: d?.unit ?? 'count',
        decimals: d?.decimals ?? 0,
        value: m.value,
        status: m.status,
        period: m.period,
        isDemo: m.isDemo || (d?.isDemo ?? false),
      },
    ];
  };
  return {
    schema: 1,
    areaName: area.name,
    statsOf,
    stats: DEMAND_STATS.flatMap((key) => (typeof stats[key] === 'number' ? [{ key, value: stats[key] }] : [])),
    demand: DEMAND_INDICATORS.flatMap(figure),
    supply: QUESTIONS.filter((q) => q.indicators.length > 0).map((q) => ({ n: q.n, figures: q.indicators.flatMap(figure) })),
    contributions: contributions.map((c) => ({
      kind: c.kind,
      question: c.question,
      text: c.text,
      organisation: c.organisationId ? (names.get(c.organisationId) ?? null) : null,
      isDemo: c.isDemo,
      createdOn: localDate(c.createdAt),
    })),
    priorities: keep.priorities,
    agreedWith: keep.agreedWith,
    changeNote: keep.changeNote,
    builtOn: localDate(now),
  };
}

function asContent(v: Record<string, unknown>): PerspectiveContent | null {
  return v['schema'] === 1 ? (v as unknown as PerspectiveContent) : null;
}

function summaries(rows: store.VersionRow[]): VersionSummary[] {
  let before: PerspectiveContent | null = null;
  return rows.map((r) => {
    const c = asContent(r.content);
    const s: VersionSummary = {
      version: r.version,
      status: r.status,
      createdOn: localDate(r.createdAt),
      agreedOn: r.agreedAt ? localDate(r.agreedAt) : null,
      changeNote: c?.changeNote ?? '',
      added: Math.max(0, (c?.contributions.length ?? 0) - (before?.contributions.length ?? 0)),
      prioritiesChanged: JSON.stringify(c?.priorities ?? []) !== JSON.stringify(before?.priorities ?? []),
      isDemo: r.isDemo,
    };
    before = c;
    return s;
  });
}

/**
 * The page: anyone reads the newest agreed version (or an earlier agreed one by number); staff
 * (`monitor.perspective.viewDraft`) read the working view and every version.
 */
export async function perspectivePage(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  code: string,
  version: number | null,
): Promise<PerspectivePage> {
  authorize(can(principal, 'monitor.perspective.view', { tenantId }));
  const area = await perspectiveArea(db, tenantId, code);
  const staff = can(principal, 'monitor.perspective.viewDraft', { tenantId });
  const canEdit = can(principal, 'monitor.perspective.edit', { tenantId });
  const canContribute = can(principal, 'monitor.perspective.contribute', { tenantId });
  const rows = await store.listVersions(db, tenantId, area.code);
  const all = summaries(rows);
  const visible = staff ? all : all.filter((v) => v.status === 'agreed');
  const newest = rows.at(-1);
  const newestContent = newest ? asContent(newest.content) : null;
  const base: PerspectivePage = {
    area: { code: area.code, name: area.name, level: area.level },
    mode: 'none',
    shown: null,
    content: null,
    versions: visible,
    canContribute,
    canEdit,
    myOrganisations: [],
    organisations: [],
    draftVersion: newest?.status === 'draft' ? newest.version : null,
    latestPriorities: newestContent?.priorities ?? [],
    latestAgreedWith: newestContent?.agreedWith ?? [],
    prioritiesDemo: newest?.isDemo ?? false,
  };
  if (canContribute || canEdit) {
    const names = await orgNames(db, tenantId);
    base.organisations = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    base.myOrganisations = base.organisations.filter((o) => principal.organisationIds.includes(o.id));
  }
  if (version !== null) {
    const shown = visible.find((v) => v.version === version);
    const row = rows.find((r) => r.version === version);
    if (!shown || !row) throw NotFound('monitor.perspective.versionNotFound');
    return { ...base, mode: 'version', shown, content: asContent(row.content), prioritiesDemo: row.isDemo };
  }
  if (staff) {
    const keep = { priorities: base.latestPriorities, agreedWith: base.latestAgreedWith, changeNote: '' };
    return { ...base, mode: 'live', content: await buildContent(db, tenantId, area, principal.now, keep) };
  }
  const agreed = visible.at(-1);
  if (!agreed) return base;
  const row = rows.find((r) => r.version === agreed.version)!;
  return { ...base, mode: 'version', shown: agreed, content: asContent(row.content), prioritiesDemo: row.isDemo };
}

/** A partner (or the coordinator) adds a knelpunt, a SWOT entry or an answer to one of the ten questions. */
export async function contribute(
  db: DbOrTrx,
  principal: Principal,
  input: {
    tenantId: string;
    areaCode: string;
    kind: ContributionKind;
    question: number | null;
    text: string;
    organisationId: string | null;
  },
): Promise<void> {
  authorize(can(principal, 'monitor.perspective.contribute', { tenantId: input.tenantId }));
  await perspectiveArea(db, input.tenantId, input.areaCode);
  const fields: Record<string, 'monitor.perspective.error.question' | 'monitor.perspective.error.organisation'> = {};
  if (input.kind === 'answer' && input.question === null) fields['question'] = 'monitor.perspective.error.question';
  // A partner writes as one of their own organisations; with exactly one, that one.
  let org = input.organisationId;
  if (org === null && principal.organisationIds.length === 1) org = principal.organisationIds[0]!;
  if (org !== null && !principal.organisationIds.includes(org)) fields['organisation'] = 'monitor.perspective.error.organisation';
  if (org === null && !can(principal, 'monitor.perspective.edit', { tenantId: input.tenantId })) {
    fields['organisation'] = 'monitor.perspective.error.organisation';
  }
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  await store.insertContribution(db, {
    tenantId: input.tenantId,
    areaCode: input.areaCode,
    kind: input.kind,
    question: input.kind === 'answer' ? input.question : null,
    text: input.text,
    organisationId: org,
    authorId: principal.userId,
    now: principal.now,
  });
}

/** The coordinator saves a new (draft) version: today's document with the priorities and who agreed them. */
export async function saveVersion(
  db: DbOrTrx,
  principal: Principal,
  input: { tenantId: string; areaCode: string; priorities: string[]; agreedWith: string[]; changeNote: string; isDemo?: boolean },
): Promise<number> {
  authorize(can(principal, 'monitor.perspective.edit', { tenantId: input.tenantId }));
  const area = await perspectiveArea(db, input.tenantId, input.areaCode);
  const names = await orgNames(db, input.tenantId);
  if (input.agreedWith.some((id) => !names.has(id))) throw Invalid({ agreedWith: 'monitor.perspective.error.organisation' });
  const content = await buildContent(db, input.tenantId, area, principal.now, {
    priorities: input.priorities,
    agreedWith: input.agreedWith.map((id) => names.get(id)!),
    changeNote: input.changeNote,
  });
  const version = await store.insertVersion(db, {
    tenantId: input.tenantId,
    areaCode: area.code,
    content: content as unknown as Record<string, unknown>,
    createdBy: principal.userId,
    now: principal.now,
    ...(input.isDemo ? { isDemo: true } : {}),
  });
  if (version === null) throw Invalid({ changeNote: 'monitor.perspective.error.busy' });
  return version;
}

/** The coordinator marks a draft version agreed (the date is today's). */
export async function agreeVersion(db: DbOrTrx, principal: Principal, tenantId: string, areaCode: string, version: number): Promise<void> {
  authorize(can(principal, 'monitor.perspective.edit', { tenantId }));
  if (!(await store.markAgreed(db, tenantId, areaCode, version, principal.now))) throw NotFound('monitor.perspective.versionNotFound');
}

export interface OverviewRow {
  code: string;
  name: string;
  newest: number | null;
  newestStatus: 'draft' | 'agreed' | null;
  agreed: number | null;
  contributions: number;
}

/** Staff's list of the wijken with the state of their wijkperspectief. */
export async function perspectiveOverview(db: DbOrTrx, principal: Principal, tenantId: string): Promise<OverviewRow[]> {
  authorize(can(principal, 'monitor.perspective.viewDraft', { tenantId }));
  const [wijken, { versions, contributions }] = await Promise.all([
    listAreas(db, tenantId, { level: 'district' }),
    store.overviewRows(db, tenantId),
  ]);
  return wijken
    .map((w) => {
      const v = versions.get(w.code);
      return {
        code: w.code,
        name: w.name,
        newest: v?.newest ?? null,
        newestStatus: v?.newestStatus ?? null,
        agreed: v?.agreed ?? null,
        contributions: contributions.get(w.code) ?? 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
