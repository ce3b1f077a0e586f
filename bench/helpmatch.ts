/**
 * Matching-engine benchmark (pure engine, no database), as ratios against ceilings measured in the
 * same run:
 *  (1) suggestions for one request among HM_OFFERS offers (default 100 000): p95 of the full scan
 *      through the hard filters and the score, and of the same via the spatial index; ceiling: a
 *      plain scan over the offers array (one category test per offer);
 *  (2) the weekly batch of HM_BATCH_REQUESTS × HM_BATCH_OFFERS (default 10 000 × 10 000): candidate
 *      generation (grid, hard filters, score, top-k) and the min-cost-flow assignment; ceiling: a
 *      plain nested scan over all request × offer pairs (one category test per pair). Goal (issue 17):
 *      the batch under 5 s, still optimal: the same run computes the plan the way it was computed
 *      before issue 17 (rankVolunteers over the old spatial index, the previous solver) and prints
 *      whether both reach the same total, and checks the new solver against the previous one on
 *      HM_PROPERTY_CASES (default 500) random small problems. HM_REFERENCE=0 skips the old plan.
 * Run: npx tsx bench/helpmatch.ts (about a minute). HM_SAMPLES sets the requests timed in (1).
 */
import { VolunteerIndex } from '../src/modules/helpmatch/matching/grid.ts';
import { rankVolunteers } from '../src/modules/helpmatch/matching/suggest.ts';
import { BATCH_TOP_K, planBatch } from '../src/modules/helpmatch/matching/batch-plan.ts';
import { emptyHistory } from '../src/modules/helpmatch/matching/test-support.ts';
import { solveAssignment, type AssignmentEdge, type AssignmentProblem } from '../src/modules/helpmatch/matching/assignment.ts';
import { solveAssignmentReference } from '../src/modules/helpmatch/matching/assignment-reference.test-support.ts';
import type { EngineRequest, EngineVolunteer, Reach, WeeklySlot } from '../src/modules/helpmatch/matching/types.ts';
import { CATEGORIES } from '../src/modules/helpmatch/categories.ts';

const OFFERS = Number(process.env.HM_OFFERS ?? 100_000);
const SAMPLES = Number(process.env.HM_SAMPLES ?? 100);
const BATCH_REQUESTS = Number(process.env.HM_BATCH_REQUESTS ?? 10_000);
const BATCH_OFFERS = Number(process.env.HM_BATCH_OFFERS ?? 10_000);
const REFERENCE = process.env.HM_REFERENCE !== '0';
const PROPERTY_CASES = Number(process.env.HM_PROPERTY_CASES ?? 500);
/** Issue 17: the weekly batch of 10 000 × 10 000 in under this many milliseconds. */
const BATCH_GOAL_MS = 5000;

// A deterministic generator (mulberry32), so runs are comparable.
let seed = 42;
function rand(): number {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
// Roughly the extent of a mid-sized municipality (about 14 × 11 km) around Krimpen aan den IJssel.
const place = () => ({ lon: 4.55 + rand() * 0.2, lat: 51.87 + rand() * 0.1 });
const REACHES: Reach[] = ['walk500', 'walk1000', 'cycle3000', 'cycle3000', 'municipality'];
function slots(n: number): WeeklySlot[] {
  return Array.from({ length: n }, () => {
    const from = Math.floor(rand() * 40) * 30;
    return { day: 1 + Math.floor(rand() * 7), from, to: Math.min(1440, from + 120 + Math.floor(rand() * 6) * 30) };
  });
}
const TALENTS = [
  'tuinieren en snoeien',
  'klussen in huis, schilderen',
  'boodschappen doen met de auto',
  'formulieren invullen',
  'wandelen',
  'computer en telefoon uitleggen',
  'koffie drinken en praten',
];

function offers(n: number): EngineVolunteer[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `o${String(i).padStart(7, '0')}`,
    userId: `u${i}`,
    categories: [...new Set([pick(CATEGORIES), pick(CATEGORIES), pick(CATEGORIES)])].slice(0, 1 + Math.floor(rand() * 3)),
    talents: pick(TALENTS),
    availability: slots(1 + Math.floor(rand() * 4)),
    reach: pick(REACHES),
    monthlyCap: 1 + Math.floor(rand() * 4),
    matchesThisMonth: Math.floor(rand() * 2),
    vogSeen: rand() < 0.5,
    blocked: false,
    ...place(),
    history: { ...emptyHistory(), done: Math.floor(rand() * 5), recentMatches: Math.floor(rand() * 3) },
  }));
}
function requests(n: number, helpType: EngineRequest['helpType']): EngineRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r${String(i).padStart(7, '0')}`,
    requesterIds: [`req${i}`],
    category: pick(CATEGORIES),
    helpType,
    vulnerable: rand() < 0.2,
    ...place(),
    buurtCode: null,
    radiusM: rand() < 0.5 ? null : pick([1000, 3000, 5000]),
    time: { kind: 'weekly' as const, slots: slots(1 + Math.floor(rand() * 2)) },
    text: 'hulp bij de tuin en snoeien van de heg',
  }));
}

/** The batch as computed before issue 17: every candidate via the old index and rankVolunteers, the previous solver. */
function referenceTotal(requests: readonly EngineRequest[], volunteers: readonly EngineVolunteer[]): number {
  const reqs = [...requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new VolunteerIndex(volunteers);
  const volIndex = new Map(volunteers.map((v, i) => [v.id, i]));
  const edges: AssignmentEdge[] = [];
  reqs.forEach((r, ri) => {
    for (const s of rankVolunteers(r, index.candidates(r), { limit: BATCH_TOP_K })) {
      edges.push({ request: ri, volunteer: volIndex.get(s.volunteerId)!, points: Math.round(s.score * 100) });
    }
  });
  const capacities = volunteers.map((v) => Math.max(0, v.monthlyCap - v.matchesThisMonth));
  return solveAssignmentReference({ requests: reqs.length, capacities, edges }).total / 100;
}

/** Random small problems (up to 12 requests, 6 volunteers): how many the new solver solves to the previous solver's optimum. */
function propertyCheck(cases: number): { equal: number; cases: number } {
  let equal = 0;
  for (let c = 0; c < cases; c++) {
    const requests = Math.floor(rand() * 13);
    const capacities = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * 4));
    const edges: AssignmentEdge[] = [];
    const ties = rand() < 0.5;
    for (let r = 0; r < requests; r++) {
      for (let v = 0; v < capacities.length; v++) {
        if (rand() < 0.5) edges.push({ request: r, volunteer: v, points: 1 + Math.floor(rand() * (ties ? 3 : 10_000)) });
      }
    }
    const p: AssignmentProblem = { requests, capacities, edges };
    if (solveAssignment(p).total === solveAssignmentReference(p).total) equal++;
  }
  return { equal, cases };
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]!;
}
function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const ratio = (x: number, ceiling: number) => `${(x / ceiling).toFixed(1)}×`;

function main(): void {
  const started = performance.now();
  // (1) One request among many offers.
  const pool = offers(OFFERS);
  const probes = requests(SAMPLES, 'incidental');
  let sink = 0;
  const scanTimes: number[] = [];
  const fullTimes: number[] = [];
  const indexedTimes: number[] = [];
  const [index, buildMs] = time(() => new VolunteerIndex(pool));
  for (const r of probes.slice(0, 10)) sink += rankVolunteers(r, pool, { limit: 20 }).length; // warm-up
  for (const r of probes) {
    scanTimes.push(
      time(() => {
        let n = 0;
        for (const o of pool) if (o.categories.includes(r.category)) n++;
        return n;
      })[1],
    );
    const [full, tFull] = time(() => rankVolunteers(r, pool, { limit: 20 }));
    const [viaIndex, tIndex] = time(() => rankVolunteers(r, index.candidates(r), { limit: 20 }));
    if (full.map((s) => s.volunteerId).join() !== viaIndex.map((s) => s.volunteerId).join()) {
      throw new Error('index and full scan disagree');
    }
    sink += full.length;
    fullTimes.push(tFull);
    indexedTimes.push(tIndex);
  }
  const scan95 = p95(scanTimes);

  // (2) The weekly batch.
  const batchOffers = offers(BATCH_OFFERS);
  const batchRequests = requests(BATCH_REQUESTS, 'structural');
  const [, nestedMs] = time(() => {
    let n = 0;
    for (const r of batchRequests) for (const o of batchOffers) if (o.categories.includes(r.category)) n++;
    return n;
  });
  const [plan, batchMs] = time(() => planBatch(batchRequests, batchOffers));
  sink += plan.assigned.length;
  const [refTotal, refMs] = REFERENCE ? time(() => referenceTotal(batchRequests, batchOffers)) : [null, 0];
  const property = propertyCheck(PROPERTY_CASES);
  const sameTotal = refTotal === null ? null : Math.round(refTotal * 100) === Math.round(plan.total * 100);

  const out = [
    '## Matching engine (bench/helpmatch.ts)',
    '',
    `Pure engine, no database; ${OFFERS.toLocaleString('en')} offers, ${SAMPLES} sample requests; batch ${BATCH_REQUESTS.toLocaleString('en')} × ${BATCH_OFFERS.toLocaleString('en')}. Node ${process.version}.`,
    '',
    '| measurement | time | ratio to ceiling |',
    '|---|---|---|',
    `| ceiling: plain scan over ${OFFERS.toLocaleString('en')} offers (p95) | ${ms(scan95)} | 1.0× |`,
    `| suggestions for one request, full scan with filters + score (p95) | ${ms(p95(fullTimes))} | ${ratio(p95(fullTimes), scan95)} |`,
    `| suggestions for one request via the spatial index (p95) | ${ms(p95(indexedTimes))} | ${ratio(p95(indexedTimes), scan95)} |`,
    `| building the spatial index (once) | ${ms(buildMs)} | ${ratio(buildMs, scan95)} |`,
    `| ceiling: plain nested scan over ${BATCH_REQUESTS.toLocaleString('en')} × ${BATCH_OFFERS.toLocaleString('en')} pairs | ${ms(nestedMs)} | 1.0× |`,
    `| batch total: candidates (top ${BATCH_TOP_K}) + min-cost-flow assignment | ${ms(batchMs)} | ${ratio(batchMs, nestedMs)} |`,
    `| – of which candidates (grid, hard filters, score, top-k) | ${ms(plan.timings.candidatesMs)} | ${ratio(plan.timings.candidatesMs, nestedMs)} |`,
    `| – of which the assignment (${plan.edges.toLocaleString('en')} edges) | ${ms(plan.timings.assignmentMs)} | ${ratio(plan.timings.assignmentMs, nestedMs)} |`,
    ...(REFERENCE
      ? [
          `| reference: the batch as before issue 17 (old index + rankVolunteers, previous solver) | ${ms(refMs)} | ${ratio(refMs, nestedMs)} |`,
        ]
      : []),
    '',
    `Batch result: ${plan.assigned.length.toLocaleString('en')} of ${BATCH_REQUESTS.toLocaleString('en')} requests assigned, total score ${plan.total.toFixed(2)}. Whole run ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    '',
    `Goal (issue 17): batch ${BATCH_REQUESTS.toLocaleString('en')} × ${BATCH_OFFERS.toLocaleString('en')} under ${ms(BATCH_GOAL_MS)}: ${ms(batchMs)} (${ratio(batchMs, nestedMs)} the nested-scan ceiling of this run${REFERENCE ? `, ${(batchMs / refMs).toFixed(2)}× the old batch` : ''}) — **goal ${batchMs < BATCH_GOAL_MS ? 'met' : 'not met'}**.`,
    `Optimality: ${sameTotal === null ? 'old plan skipped (HM_REFERENCE=0)' : `total ${plan.total.toFixed(2)} vs ${refTotal!.toFixed(2)} before issue 17 on the same input — **${sameTotal ? 'same optimum' : 'DIFFERENT'}**`}; property check: new solver = previous solver on ${property.equal} of ${property.cases} random small problems${property.equal === property.cases ? '' : ' — **MISMATCH**'}.`,
    '',
  ];
  process.stdout.write(out.join('\n'));
  if (sink < 0) process.stdout.write('\n');
}

main();
