import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { listIndicatorDefinitions } from '../../monitor/monitor.service.ts';
import { listProgrammeActions, type ActionView } from '../actions/actions.service.ts';
import { programmeBudget, type ProgrammeBudget } from './budget.store.ts';

export type { BudgetLine, BudgetSide, ProgrammeBudget } from './budget.store.ts';
import {
  addBuckets,
  cardMoney,
  getProgramme,
  goalIndicators,
  listCards,
  listGoals,
  type CardMoney,
  type MoneyBucket,
  type ProjectCard,
} from '../programmes.service.ts';

/**
 * The overviews of a programme (issue 14 §4): the planning of its cards (timeline and table),
 * the financing per year and source with costs, coverage and the gap (per year, per card and in
 * total; unknown stays unknown), the printable programme document and the CSV exports. Every
 * amount is computed from the cards' budget lines with cards/money.ts, never typed in.
 */

export type CardStatus = ProjectCard['status'];

/** A card as the overviews show it. */
export interface OverviewCard {
  id: string;
  number: string;
  titleNl: string;
  titleEn: string;
  status: CardStatus;
  periodText: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  areaCodes: string[];
  flags: string[];
  isDemo: boolean;
  money: CardMoney;
  lines: ProjectCard['budgetLines'];
}

export interface Financing {
  /** Per calendar year over all cards (only years with a line), oldest first. */
  years: (MoneyBucket & { year: number })[];
  /** Lines without a year, over all cards. */
  noYear: MoneyBucket | null;
  total: MoneyBucket;
  /** Coverage sources that occur, in the order of cards/money.ts. */
  sources: string[];
  /** The sum of the gaps that are known, and the cards whose gap is unknown (so a total can say both). */
  knownGapCents: number;
  unknownGapCards: string[];
}

export interface ProgrammeHead {
  id: string;
  slug: string;
  titleNl: string;
  titleEn: string;
  summaryNl: string;
  summaryEn: string;
  ownerRole: string;
  startYear: number;
  endYear: number | null;
  status: 'draft' | 'active' | 'closed';
  sourceNote: string;
  isDemo: boolean;
}

export interface ProgrammeOverview {
  programme: ProgrammeHead;
  cards: OverviewCard[];
  financing: Financing;
  /** The programme's own budget tables (available and planned use), null when it has none. */
  budget: ProgrammeBudget | null;
}

const SOURCE_ORDER = ['wmo', 'participation', 'partner', 'province', 'innovation_fund', 'general_budget', 'other'];

/** Orders card numbers as people read them: "2" before "10", "1a" after "1". */
export function compareNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { numeric: true });
}

function toOverviewCard(c: ProjectCard): OverviewCard {
  return {
    id: c.id,
    number: c.number,
    titleNl: c.titleNl,
    titleEn: c.titleEn,
    status: c.status,
    periodText: c.periodText,
    plannedStart: c.plannedStart,
    plannedEnd: c.plannedEnd,
    actualStart: c.actualStart,
    actualEnd: c.actualEnd,
    areaCodes: c.areaCodes,
    flags: c.flags,
    isDemo: c.isDemo,
    money: cardMoney(c),
    lines: c.budgetLines,
  };
}

/** The programme's financing from its cards' money: per year and source, without a year, and in total. */
export function financingOf(cards: readonly Pick<OverviewCard, 'number' | 'money'>[]): Financing {
  const years = [...new Set(cards.flatMap((c) => c.money.years.map((y) => y.year)))].sort((a, b) => a - b);
  const perYear = years.map((year) => ({
    year,
    ...addBuckets(cards.flatMap((c) => c.money.years.filter((y) => y.year === year))),
  }));
  const noYears = cards.flatMap((c) => (c.money.noYear ? [c.money.noYear] : []));
  const total = addBuckets(cards.filter((c) => c.money.hasLines).map((c) => c.money.total));
  const present = new Set(cards.flatMap((c) => Object.keys(c.money.total.coverageBySource)));
  const sources = [...SOURCE_ORDER.filter((s) => present.has(s)), ...[...present].filter((s) => !SOURCE_ORDER.includes(s)).sort()];
  const withLines = cards.filter((c) => c.money.hasLines);
  return {
    years: perYear,
    noYear: noYears.length > 0 ? addBuckets(noYears) : null,
    total,
    sources,
    knownGapCents: withLines.reduce((sum, c) => sum + (c.money.total.gapCents ?? 0), 0),
    unknownGapCards: withLines.filter((c) => c.money.total.gapCents === null).map((c) => c.number),
  };
}

/** The programme (if the principal may read it) with its cards and financing. */
export async function programmeOverview(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<ProgrammeOverview> {
  const p = await getProgramme(db, principal, tenantId, slug);
  const cards = (await listCards(db, principal, tenantId, { programmeId: p.id })).map(toOverviewCard);
  cards.sort((a, b) => compareNumbers(a.number, b.number));
  return {
    programme: {
      id: p.id,
      slug: p.slug,
      titleNl: p.titleNl,
      titleEn: p.titleEn,
      summaryNl: p.summaryNl,
      summaryEn: p.summaryEn,
      ownerRole: p.ownerRole,
      startYear: p.startYear,
      endYear: p.endYear,
      status: p.status,
      sourceNote: p.sourceNote,
      isDemo: p.isDemo,
    },
    cards,
    financing: financingOf(cards),
    budget: await programmeBudget(db, tenantId, p.id),
  };
}

/** A goal in the programme document, with its indicators (monitor targets) and whether each is on course. */
export interface DocumentGoal {
  id: string;
  number: string;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  sourceNote: string;
  indicators: {
    code: string;
    /** The monitor's name of the indicator (the code when the monitor has none). */
    nameNl: string;
    nameEn: string;
    areaCode: string | null;
    baselinePeriod: string;
    baselineValue: number | null;
    targetValue: number;
    targetYear: number;
    comparator: 'at_least' | 'at_most';
    latest: { period: string; value: number | null } | null;
    status: 'reached' | 'on_course' | 'off_course' | 'no_data';
    isDemo: boolean;
  }[];
  children: DocumentGoal[];
}

export interface ProgrammeDocument extends ProgrammeOverview {
  goals: DocumentGoal[];
  actions: ActionView[];
}

/** Everything the printable programme document shows. */
export async function programmeDocument(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<ProgrammeDocument> {
  const overview = await programmeOverview(db, principal, tenantId, slug);
  const goals = await listGoals(db, principal, tenantId, overview.programme.id);
  const indicators = await goalIndicators(db, principal, tenantId, goals);
  const names = new Map((await listIndicatorDefinitions(db, principal, tenantId)).map((d) => [d.code, d]));
  const toDoc = (g: (typeof goals)[number]): DocumentGoal => ({
    id: g.id,
    number: g.number,
    titleNl: g.titleNl,
    titleEn: g.titleEn,
    descriptionNl: g.descriptionNl,
    descriptionEn: g.descriptionEn,
    sourceNote: g.sourceNote,
    indicators: (indicators.get(g.id) ?? []).map((i) => ({
      code: i.indicatorCode,
      nameNl: names.get(i.indicatorCode)?.nameNl ?? i.indicatorCode,
      nameEn: names.get(i.indicatorCode)?.nameEn || (names.get(i.indicatorCode)?.nameNl ?? i.indicatorCode),
      areaCode: i.areaCode,
      baselinePeriod: i.baselinePeriod,
      baselineValue: i.baselineValue,
      targetValue: i.targetValue,
      targetYear: i.targetYear,
      comparator: i.comparator,
      latest: i.course.latest ? { period: i.course.latest.period, value: i.course.latest.value } : null,
      status: i.course.status,
      isDemo: i.isDemo,
    })),
    children: goals
      .filter((c) => c.parentId === g.id)
      .sort((a, b) => a.sort - b.sort || compareNumbers(a.number, b.number))
      .map(toDoc),
  });
  const tactical = goals.filter((g) => g.parentId === null).sort((a, b) => a.sort - b.sort || compareNumbers(a.number, b.number));
  const actions = await listProgrammeActions(db, tenantId, overview.programme.id);
  return { ...overview, goals: tactical.map(toDoc), actions };
}
