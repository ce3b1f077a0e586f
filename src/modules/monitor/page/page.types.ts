import type { AreaFigures } from '../../../ui/charts/area-figures.ts';
import type { IndicatorDirection, IndicatorSourceKind, IndicatorTheme, IndicatorUnit } from '../../../platform/module.ts';

/** The summary data of the monitor's parts of the neighbourhood page (JSON, computed by the job). */

export interface PointData {
  period: string;
  /** null unless status is ok: a suppressed figure never carries a number. */
  value: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  ciLow: number | null;
  ciHigh: number | null;
  isDemo: boolean;
}

export type Course = 'met' | 'on_course' | 'off_course' | 'unknown';
export type AreaClass = 'above' | 'around' | 'below';

export interface TargetData {
  value: number;
  year: number;
  comparator: 'at_least' | 'at_most';
  baselinePeriod: string;
  baselineValue: number | null;
  /** True when the target holds for the whole municipality (no target of this area itself). */
  municipalityWide: boolean;
  isDemo: boolean;
  course: Course;
}

export interface IndicatorSummary {
  code: string;
  nameNl: string;
  nameEn: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSourceKind;
  theme: IndicatorTheme;
  decimals: number;
  /** The last period with a figure (or a suppressed one); null when nothing is measured here. */
  latest: PointData | null;
  /** The last (up to 8) periods of the latest's kind, oldest first. */
  series: PointData[];
  /** The municipality in the latest's period (absent on the municipality's own page). */
  municipality: PointData | null;
  /** Mean of similar areas (same level, same class) in the latest's period. */
  similar: { value: number; areas: number } | null;
  /** The area against the municipality in the latest period: the method in `method`. */
  class: AreaClass | null;
  method: 'pp5' | 'z' | null;
  target: TargetData | null;
  /** Older CBS codes whose figures the trend includes (linked one to one by the crosswalk); absent when none. */
  olderCodes?: string[];
}

export interface SimilarBasis {
  /** Same CBS urbanity class (`cbs_stedelijkheid`) when measured, otherwise a band of population density. */
  basis: 'urbanity' | 'density' | null;
  /** The class or band the area is in (urbanity 1–5, or low/medium/high). */
  group: string | null;
}

export interface FunctionSummary {
  similar: SimilarBasis;
  indicators: IndicatorSummary[];
}

export interface RecordedClass {
  year: number;
  class: AreaClass;
  label: string;
  knelpunten: string[];
  method: string;
  sourceNote: string;
}

export interface OverviewSummary {
  /** The area against the municipality over the four functions' indicators; null on the municipality or without figures. */
  classification: {
    class: AreaClass;
    counts: Record<AreaClass, number>;
    methods: ('pp5' | 'z')[];
  } | null;
  recorded: RecordedClass[];
  /** Themes other than the four functions (population, care, liveability, participation, safety). */
  more: IndicatorSummary[];
  similar: SimilarBasis;
  /** Figures of the areas below this one (choropleth, the municipality's table of wijken). */
  figures: AreaFigures;
}
