import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import type { DbOrTrx, Trx } from './db/database.ts';
import type { Role } from './roles.ts';
import type { ViewContext } from '../ui/context.ts';
import type { Config } from './config.ts';
import type { MessageKey } from './i18n/index.ts';
import type { Principal } from './principal.ts';

/**
 * The few top-level items of the main menu; a module's navigation items go under one of them
 * (src/ui/layout.tsx shows a group with one item as a plain link, with more as a menu).
 */
export const NAV_GROUPS = ['start', 'areas', 'socialmap', 'help', 'signals', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** A navigation item contributed by a module, shown when the user has one of the roles (or to all when absent). */
export interface ModuleNavItem {
  path: (tenantSlug: string) => string;
  labelKey: MessageKey;
  /** The top-level menu item it is listed under. */
  group: NavGroup;
  roles?: readonly Role[];
  /** Only when a tenant is selected. */
  tenantOnly?: boolean;
  /** A further condition on who sees it (e.g. "is a member of an organisation"): never a link that answers 403. */
  visible?: (principal: Principal) => boolean;
}

/** One line of the staff start page ("Wat vraagt nu mijn aandacht"): a count with a link. */
export interface AttentionItem {
  id: string;
  /** What is counted, shown beside the number ("Meldingen over de termijn"). */
  labelKey: MessageKey;
  count: number;
  href: string;
  /** Work that is late: shown first and marked. */
  urgent?: boolean;
}

/**
 * What a module adds to the staff start page. `items` returns only what the principal may see
 * (the module's policies) and counts with cheap indexed queries: it runs on every visit.
 */
export interface AttentionSource {
  id: string;
  /** Lower comes first. */
  order: number;
  items(args: AttentionArgs): Promise<AttentionItem[]>;
}

export interface AttentionArgs {
  /** The request's database handle, scoped to the municipality. */
  db: DbOrTrx;
  principal: Principal;
  tenantId: string;
  tenantSlug: string;
  now: Date;
}

export interface JobHandlerArgs {
  db: DbOrTrx;
  config: Config;
  payload: Record<string, unknown>;
  tenantId: string | null;
  now: Date;
  /** Aborted when the worker stops: a long job (summaries, recompute) stops between its parts and schedules its next run at once. */
  signal?: AbortSignal;
}

/** What the demo seed hands to each module's `demoSeed`, after tenants, areas, organisations and accounts exist. */
export interface DemoSeedArgs {
  tenants: readonly { id: string; slug: string; name: string }[];
  /** Organisation ids per tenant id, by organisation name (as in `DEMO_ORGANISATIONS`). */
  organisations: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Demo user ids by e-mail address (see `src/seed/demo-accounts.ts`). */
  users: ReadonlyMap<string, string>;
  now: Date;
}

/** The four functions of social cohesion (DSP study, seed 004): meet, know, help, do together. */
export const COHESION_FUNCTIONS = ['meet', 'know', 'help', 'together'] as const;
export type CohesionFunction = (typeof COHESION_FUNCTIONS)[number];

/**
 * A part of the neighbourhood page whose data is computed by the area-summaries job (never on a
 * request) and stored as JSON per area; the page only renders the stored data (issue 13, speed).
 * `summarize` must return JSON-serialisable data (dates as ISO strings).
 */
export interface SummarySection<T = unknown> {
  id: string;
  /** Lower comes first within its function (or among the sections without one). */
  order: number;
  /**
   * Where the section goes: in the block of one of the four functions of cohesion, `overview` at the
   * top (classification, targets at a glance), absent: after the four functions.
   */
  fn?: CohesionFunction | 'overview';
  summarize(args: AreaSummaryArgs): Promise<T>;
  render(args: SummaryRenderArgs<T>): VNode | null;
}

export interface AreaSummaryArgs {
  db: DbOrTrx;
  tenantId: string;
  area: { code: string; level: 'municipality' | 'district' | 'neighbourhood'; name: string };
  /** Codes of this area and every area below it (a wijk with its buurten). */
  areaCodes: readonly string[];
  /** The job's moment: "this week", "open now" and periods count from it. */
  now: Date;
  /**
   * One job run's shared reads (issue 17): the same key gives the same promise for every area of
   * the run (one tenant, one `now`), so a read that does not depend on the area (a tenant's
   * indicators, every figure of one level) runs once per run instead of once per area. Keys start
   * with the module's name. Absent outside the job: read directly (see `sharedRead`).
   */
  shared?: <T>(key: string, read: () => Promise<T>) => Promise<T>;
}

/** `read()` through the run's shared reads when there are any (AreaSummaryArgs.shared), else directly. */
export function sharedRead<T>(args: Pick<AreaSummaryArgs, 'shared'>, key: string, read: () => Promise<T>): Promise<T> {
  return args.shared ? args.shared(key, read) : read();
}

export interface SummaryRenderArgs<T> {
  ctx: ViewContext;
  tenantSlug: string;
  area: { code: string; level: 'municipality' | 'district' | 'neighbourhood'; name: string };
  data: T;
  /** When the job computed `data`; the page says so. */
  computedAt: Date;
}

/**
 * A part another module shows on a project card (programmes), after the card's own sections, so
 * that programmes never imports that module (e.g. evaluation's results). `render` gets the
 * request's database handle and principal and returns only what the principal may see; it reads
 * stored data only (no heavy computation on a request). null: nothing to show.
 */
export interface ProjectCardPart {
  id: string;
  /** Lower comes first. */
  order: number;
  render(args: {
    db: DbOrTrx;
    principal: Principal;
    tenantId: string;
    tenantSlug: string;
    cardId: string;
    ctx: ViewContext;
  }): Promise<VNode | null>;
}

/** Units an indicator is measured in (shown with the value: "23 %", "6,4", "12 per 1.000 inwoners"). */
export const INDICATOR_UNITS = ['percent', 'score', 'count', 'per1000', 'hours', 'days', 'euro', 'ratio'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
/** Which way is better: `up` higher is better, `down` lower is better, `neutral` neither. */
export type IndicatorDirection = 'up' | 'down' | 'neutral';
/** Where the figures come from: CBS, a survey, the platform's own data, or a monitor import. */
export type IndicatorSourceKind = 'cbs' | 'survey' | 'platform' | 'import';
/** The theme an indicator is shown under: one of the four functions of cohesion, or a context theme. */
export const INDICATOR_THEMES = [
  'meet',
  'know',
  'help',
  'together',
  'liveability',
  'population',
  'care',
  'safety',
  'participation',
] as const;
export type IndicatorTheme = (typeof INDICATOR_THEMES)[number];

/** An indicator as a module defines it (the monitor stores it per municipality; see monitor_indicators). */
export interface IndicatorDefinition {
  /** Stable code, at most 50 characters (as Swing allows): `signals.closed_in_time`, `wm09_active`. */
  code: string;
  nameNl: string;
  nameEn: string;
  descriptionNl?: string;
  descriptionEn?: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSourceKind;
  theme: IndicatorTheme;
  /** For derived indicators: how it is computed, in words or as a formula over base codes. */
  formula?: string | null;
  /** Below this many respondents or cases a value is suppressed (default 30, never below 5). */
  minRespondents?: number;
  decimals?: number;
}

/** One figure of an indicator for one area in one period. */
export interface IndicatorMeasurement {
  indicatorCode: string;
  areaCode: string;
  /** `2024`, `2026-Q3` or `2026-11` (see src/modules/monitor/core/periods.ts). */
  period: string;
  /** null when unknown or suppressed (see `status`). */
  value: number | null;
  /** Respondents (surveys) or cases (platform data) behind the value. */
  respondents?: number | null;
  ciLow?: number | null;
  ciHigh?: number | null;
  status?: 'ok' | 'suppressed' | 'unknown';
  /** Invented demo values (the seeds give none) are marked and labelled on every page. */
  isDemo?: boolean;
  sourceNote?: string;
}

/**
 * Live indicators a module computes from its own data (signals, help, social map, surveys…). The
 * monitor's recompute job calls `compute` per municipality and stores the result; never on a request.
 */
export interface IndicatorSource {
  id: string;
  definitions: readonly IndicatorDefinition[];
  compute(args: { db: DbOrTrx; tenantId: string; now: Date }): Promise<IndicatorMeasurement[]>;
}

/** Where a resident starts with one function in a municipality. */
export interface CohesionFunctionEntry {
  fn: CohesionFunction;
  path: (tenantSlug: string) => string;
}

/**
 * What a module brings to the app; app.ts lists modules explicitly, in order. A module's schema is
 * not here: its `migrations/index.ts` is listed in `src/modules/migrations.ts`, which loads without
 * the app (test/lint/migrations-import.test.ts checks that every module folder is listed).
 */
export interface ModuleDefinition {
  name: string;
  routes?: (app: FastifyInstance) => Promise<void>;
  nav?: ModuleNavItem[];
  /** Counts for the staff start page (`/{tenant}/beheer`). */
  attention?: AttentionSource[];
  /** Live indicators computed from this module's data (the monitor's recompute job stores them). */
  indicators?: IndicatorSource[];
  /** Parts of the neighbourhood page computed by the area-summaries job (see SummarySection). */
  summarySections?: SummarySection[];
  /** Parts shown on a project card (see ProjectCardPart). */
  projectCardParts?: ProjectCardPart[];
  /** Which of the four functions of cohesion the module serves, and where a resident starts (the municipality home links it). */
  cohesionFunctions?: CohesionFunctionEntry[];
  jobs?: Record<string, (args: JobHandlerArgs) => Promise<void>>;
  /** Job kinds (handled in `jobs`) that run periodically; each run must enqueue the next. */
  recurringJobs?: string[];
  /** A person's data held by this module: included in their export, removed or anonymised when they delete their account. */
  userData?: {
    export(db: DbOrTrx, userId: string): Promise<Record<string, unknown>>;
    forget(trx: Trx, userId: string, now: Date): Promise<void>;
  };
  /** Adds this module's demo data (from the seeds) inside the demo seed's transaction. */
  demoSeed?: (trx: Trx, args: DemoSeedArgs) => Promise<void>;
}
