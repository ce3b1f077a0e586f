/**
 * The coordinator's coverage matrix (seed 003, "Vitale buurten" §6a) and duplicate detection.
 * Pure functions over plain entries: the store reads the entries, these functions judge them.
 */
import { DOELGROEP, FUNCTIE, TOEGANKELIJKHEID, type FunctieCode } from '../taxonomy/taxonomy.ts';

/** Stable codes of the basic functions (taxonomy terms of the socialmap module), in the order of seed 003. */
export const BASIC_FUNCTIONS = [
  FUNCTIE.informatieAdvies,
  FUNCTIE.signalering,
  FUNCTIE.ontmoeting,
  FUNCTIE.bewegingGezondheid,
  FUNCTIE.informeleOndersteuning,
  FUNCTIE.zorgondersteuning,
] as const;
export type BasicFunction = FunctieCode;

/** Target group code for people with a disability, and the accessibility features that make a meeting place accessible. */
export const DISABILITY_GROUP: string = DOELGROEP.beperking;
export const ACCESSIBLE_FEATURES: readonly string[] = [TOEGANKELIJKHEID.rolstoel];

/** The questions of seed 003 §6a the matrix answers per area. */
export const COVERAGE_QUESTIONS = [
  'meetingPlace',
  'meetingAccessible',
  'informationPoint',
  'signallingNetwork',
  'disabilitySupport',
] as const;
export type CoverageQuestion = (typeof COVERAGE_QUESTIONS)[number];

/** One service as the coverage matrix sees it: its functions, groups, accessibility and where it is. */
export interface CoverageEntry {
  id: string;
  name: string;
  functions: readonly string[];
  targetGroups: readonly string[];
  /** The locations where the service is offered (empty: no place, e.g. by phone or online). */
  places: readonly CoveragePlace[];
  /** Not checked for 9 months (freshness.ts). */
  stale: boolean;
}

/** A location of a service: its buurt/wijk and accessibility features. */
export interface CoveragePlace {
  buurtCode: string | null;
  wijkCode: string | null;
  accessibility: readonly string[];
}

export interface CoverageArea {
  code: string;
  name: string;
  level: 'district' | 'neighbourhood';
  /** The wijk of a buurt. */
  parentCode: string | null;
}

/**
 * How well something is covered in an area:
 * - `yes`: at least one entry that is up to date;
 * - `staleOnly`: only entries not checked for 9 months (may no longer exist);
 * - `no`: nothing: a white spot.
 */
export type CoverageState = 'yes' | 'staleOnly' | 'no';

export interface CoverageCell {
  state: CoverageState;
  /** Entries that count (up to date and stale). */
  count: number;
  staleCount: number;
}

export interface CoverageRow {
  area: CoverageArea;
  functions: Record<BasicFunction, CoverageCell>;
  questions: Record<CoverageQuestion, CoverageCell>;
  /** Functions and questions answered `no`. */
  whiteSpots: { functions: BasicFunction[]; questions: CoverageQuestion[] };
}

export interface CoverageMatrix {
  /** Each wijk followed by its buurten, in the order given. */
  rows: CoverageRow[];
  /** Entries offered without a place in any area of the matrix (municipality-wide, by phone, online). */
  withoutArea: number;
}

function cell(entries: readonly CoverageEntry[]): CoverageCell {
  const staleCount = entries.filter((e) => e.stale).length;
  const count = entries.length;
  return { count, staleCount, state: count === 0 ? 'no' : staleCount === count ? 'staleOnly' : 'yes' };
}

const has = (list: readonly string[], code: string) => list.includes(code);

/** Whether an entry answers a question with yes, given its places in the area. */
export const QUESTION_TESTS: Record<CoverageQuestion, (e: CoverageEntry, places: readonly CoveragePlace[]) => boolean> = {
  meetingPlace: (e) => has(e.functions, FUNCTIE.ontmoeting),
  meetingAccessible: (e, places) =>
    has(e.functions, FUNCTIE.ontmoeting) && places.some((p) => ACCESSIBLE_FEATURES.some((f) => has(p.accessibility, f))),
  informationPoint: (e) => has(e.functions, FUNCTIE.informatieAdvies),
  signallingNetwork: (e) => has(e.functions, FUNCTIE.signalering),
  disabilitySupport: (e) =>
    (has(e.functions, FUNCTIE.informeleOndersteuning) || has(e.functions, FUNCTIE.zorgondersteuning)) &&
    has(e.targetGroups, DISABILITY_GROUP),
};

/** The places of an entry inside an area: in the buurt itself, or anywhere in the wijk for a wijk. */
export function placesIn(area: Pick<CoverageArea, 'code' | 'level'>, entry: CoverageEntry): CoveragePlace[] {
  return entry.places.filter((p) => (area.level === 'district' ? p.wijkCode === area.code : p.buurtCode === area.code));
}

/** One row of the matrix from the entries found in that area. */
export function coverageRow(area: CoverageArea, entries: readonly CoverageEntry[]): CoverageRow {
  const functions = Object.fromEntries(BASIC_FUNCTIONS.map((f) => [f, cell(entries.filter((e) => has(e.functions, f)))])) as Record<
    BasicFunction,
    CoverageCell
  >;
  const questions = Object.fromEntries(
    COVERAGE_QUESTIONS.map((q) => [q, cell(entries.filter((e) => QUESTION_TESTS[q](e, placesIn(area, e))))]),
  ) as Record<CoverageQuestion, CoverageCell>;
  return {
    area,
    functions,
    questions,
    whiteSpots: {
      functions: BASIC_FUNCTIONS.filter((f) => functions[f].state === 'no'),
      questions: COVERAGE_QUESTIONS.filter((q) => questions[q].state === 'no'),
    },
  };
}

/** Entries offered in an area: in the buurt itself, or anywhere in the wijk for a wijk row. */
export function entriesIn(area: Pick<CoverageArea, 'code' | 'level'>, entries: readonly CoverageEntry[]): CoverageEntry[] {
  return entries.filter((e) => placesIn(area, e).length > 0);
}

/**
 * The coverage matrix: one row per wijk followed by rows for its buurten, each cell the entries
 * with that basic function in the area, and the answers to the questions of seed 003 §6a.
 */
export function coverageMatrix(areas: readonly CoverageArea[], entries: readonly CoverageEntry[]): CoverageMatrix {
  const wijken = areas.filter((a) => a.level === 'district');
  const rows: CoverageRow[] = [];
  for (const wijk of wijken) {
    rows.push(coverageRow(wijk, entriesIn(wijk, entries)));
    for (const buurt of areas.filter((a) => a.level === 'neighbourhood' && a.parentCode === wijk.code)) {
      rows.push(coverageRow(buurt, entriesIn(buurt, entries)));
    }
  }
  const known = new Set(areas.map((a) => a.code));
  const placed = (e: CoverageEntry) => e.places.some((p) => known.has(p.wijkCode ?? '') || known.has(p.buurtCode ?? ''));
  return { rows, withoutArea: entries.filter((e) => !placed(e)).length };
}

// --- duplicates ---

/** Words that do not tell two names apart. */
const FILLER = new Set(['de', 'het', 'een', 'the', 'a']);

/** A name reduced for comparison: lower case, no accents or punctuation, no articles, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !FILLER.has(w))
    .join(' ');
}

/** A Dutch postcode + house number (+ addition) as one key ("2922AB 12A"), or null when either is missing or invalid. */
export function addressKey(postalCode: string | null | undefined, houseNumber: string | null | undefined): string | null {
  const pc = (postalCode ?? '').replace(/\s+/g, '').toUpperCase();
  const nr = (houseNumber ?? '').replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[1-9]\d{3}[A-Z]{2}$/.test(pc) || !/^\d+[A-Z0-9]*$/.test(nr)) return null;
  return `${pc} ${nr}`;
}

/** What duplicate detection needs of a service or location. */
export interface DuplicateCandidate {
  kind: 'service' | 'location';
  id: string;
  name: string;
  postalCode?: string | null;
  houseNumber?: string | null;
}

export interface DuplicateGroup {
  reason: 'name' | 'address';
  kind: 'service' | 'location';
  /** The normalised name or the address key the members share. */
  key: string;
  members: DuplicateCandidate[];
}

function groupBy(items: readonly DuplicateCandidate[], keyOf: (c: DuplicateCandidate) => string | null): Map<string, DuplicateCandidate[]> {
  const groups = new Map<string, DuplicateCandidate[]>();
  for (const c of items) {
    const key = keyOf(c);
    if (!key) continue;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/**
 * Likely duplicates: services or locations with the same normalised name, and locations with the
 * same postcode + house number. Each group has two or more members; groups sorted by key.
 */
export function findDuplicates(candidates: readonly DuplicateCandidate[]): DuplicateGroup[] {
  const out: DuplicateGroup[] = [];
  for (const kind of ['service', 'location'] as const) {
    const ofKind = candidates.filter((c) => c.kind === kind);
    for (const [key, members] of groupBy(ofKind, (c) => normaliseName(c.name) || null)) {
      if (members.length > 1) out.push({ reason: 'name', kind, key, members });
    }
  }
  const locations = candidates.filter((c) => c.kind === 'location');
  for (const [key, members] of groupBy(locations, (c) => addressKey(c.postalCode, c.houseNumber))) {
    if (members.length > 1) out.push({ reason: 'address', kind: 'location', key, members });
  }
  return out.sort((a, b) => a.reason.localeCompare(b.reason) || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
}
