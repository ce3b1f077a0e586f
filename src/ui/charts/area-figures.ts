import type { CohesionFunction, IndicatorTheme, IndicatorUnit } from '../../platform/module.ts';

/**
 * Figures of the areas below one area (the wijken of a municipality, the buurten of a wijk), as the
 * monitor's overview summary holds them: the municipality page's table and the choropleths draw
 * from these, with the names and shapes the page has. Plain JSON (a summary's data).
 */
export interface AreaFigures {
  indicators: readonly {
    code: string;
    nameNl: string;
    nameEn: string;
    unit: IndicatorUnit;
    decimals: number;
    theme: IndicatorTheme;
    /** The figure that stands for its function in the table of areas. */
    headlineOf?: CohesionFunction;
  }[];
  /** Per indicator code, per area code: the latest figure. */
  values: Readonly<Record<string, Readonly<Record<string, FigureCell>>>>;
  /** Per area code: how the area compares with the area above (see docs/neighbourhood-page.md). */
  classes: Readonly<Record<string, 'above' | 'around' | 'below' | null>>;
}

export interface FigureCell {
  period: string;
  /** null when suppressed or unknown: never a number then. */
  value: number | null;
  status: 'ok' | 'suppressed' | 'unknown';
  isDemo: boolean;
}
