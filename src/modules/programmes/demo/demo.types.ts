import type { Angle } from '../programmes.tables.ts';

/**
 * Shapes of the demo data taken from the seeds (seed number + line in every `sourceNote`). The
 * demo seed (demo.ts) writes them into the module's tables; nothing here is invented unless it
 * says `isDemo`.
 */

export interface DemoProgramme {
  slug: string;
  titleNl: string;
  titleEn: string;
  summaryNl: string;
  summaryEn: string;
  /** A role, never a person from the seeds. */
  ownerRole: string;
  startYear: number;
  endYear: number | null;
  sourceNote: string;
}

export interface DemoGoal {
  /** "1", "1a", … as the document numbers it. */
  number: string;
  /** The tactical goal's number for an operational goal; null for a tactical goal. */
  parent: string | null;
  titleNl: string;
  titleEn: string;
  descriptionNl?: string;
  descriptionEn?: string;
  sourceNote: string;
}

export interface DemoLineActivity {
  number: number;
  titleNl: string;
  titleEn: string;
  sourceNote: string;
}

export interface DemoBudgetLine {
  kind: 'cost' | 'coverage';
  /** null: for the whole project (no year in the source). */
  year: number | null;
  recurrence: 'one_off' | 'per_year';
  /** Integer cents; null = unknown (never 0). */
  amountCents: number | null;
  /** Coverage source key (see cards/money.ts COVERAGE_SOURCES); null for costs. */
  source: string | null;
  label: string;
  sourceNote: string;
}

export interface DemoCard {
  number: string;
  titleNl: string;
  titleEn: string;
  aimNl: string;
  aimEn: string;
  plannedStart: string;
  /** null: open-ended ("2010 ev"). */
  plannedEnd: string | null;
  periodText: string;
  /** Name of a demo organisation (src/seed/demo.ts DEMO_ORGANISATIONS) that holds the card, if any. */
  ownerOrganisation: string | null;
  ownerText: string;
  parties: string[];
  targetGroups: string[];
  /** CBS 2024 wijk codes. */
  areaCodes: string[];
  /** Leads as roles (the seed names people: never copied); areaCodes empty = all of the card's areas. */
  leads: { roleLabel: string; areaCodes: string[] }[];
  /** Numbers of the programme goals the card serves. */
  goals: string[];
  lines: DemoBudgetLine[];
  /** Inconsistencies of the source, kept and shown. */
  flags: string[];
  sourceNote: string;
}

export interface DemoForum {
  name: string;
  kind: 'working_group' | 'network' | 'panel' | 'sounding_board' | 'other';
  rhythmMonths: number | null;
  descriptionNl: string;
  descriptionEn: string;
  sourceNote: string;
}

export interface DemoAction {
  number: number;
  targetGroup: string;
  actionNl: string;
  actionEn: string;
  initiator: string;
  planning: string;
  angles: Angle[];
  anchoring: string[];
  flags: string[];
  sourceNote: string;
}

export interface DemoProgrammeBudgetLine {
  side: 'available' | 'planned_use';
  year: number | null;
  labelNl: string;
  labelEn: string;
  /** null: "pm" or no amount in the source (unknown). */
  amountCents: number | null;
  sourceNote: string;
}

/** Euros to integer cents (the demo data is written in euros as the seeds give them). */
export const eur = (euros: number): number => euros * 100;
