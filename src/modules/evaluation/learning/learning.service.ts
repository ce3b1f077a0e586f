/**
 * Learning together (issue 16, scope 6).
 *
 * - `municipalityLearning`: one municipality's experiments (its evaluations: published ones for
 *   everybody, every one for its staff, through the facade's `listEvaluations`) with status, areas,
 *   question and latest results, and its published intervention cards (`listPublishedInterventions`).
 * - `installationLearning`: per municipality of this installation, ONLY what it chose to publish.
 *   This is the module's one cross-municipality read and an exception to tenant scoping: it takes
 *   the unscoped handle and reads through learning.store.ts, whose queries say `published = true`
 *   themselves. A draft, an unpublished evaluation or an unpublished card never reaches it, so a
 *   change to one leaves this page exactly as it was (learning.test.ts proves both).
 */
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Locale } from '../../../platform/i18n/index.ts';
import { principalOf, type Principal } from '../../../platform/principal.ts';
import { listTenants } from '../../../platform/tenants/tenants.service.ts';
import { getArea } from '../../areas/areas.service.ts';
import { listEvaluations, resultsOf, type EvaluationStatus } from '../evaluation.service.ts';
import type { Verdict } from '../estimate/estimate.types.ts';
import { listPublishedInterventions } from '../library/library.service.ts';
import { selectPublishedCardsEverywhere, selectPublishedEvaluationsEverywhere } from './learning.store.ts';

/** One outcome's latest result in a plain sentence (results/sentence.ts); null: not computed yet. */
export interface ExperimentOutcome {
  indicatorCode: string;
  indicatorName: string;
  verdict: Verdict | null;
  sentence: string | null;
}

/** One experiment (an evaluation) as the learning pages show it. */
export interface ExperimentItem {
  reference: string;
  title: string;
  question: string;
  status: EvaluationStatus;
  published: boolean;
  isDemo: boolean;
  startDay: string;
  endDay: string | null;
  /** Area names (the code when the area is unknown). */
  intervention: string[];
  comparison: string[];
  /** Outcomes in the evaluation's order, with the latest result's sentence. */
  outcomes: ExperimentOutcome[];
}

export interface CardItem {
  slug: string;
  title: string;
  what: string;
  whereText: string;
  isDemo: boolean;
}

export interface MunicipalityLearning {
  experiments: ExperimentItem[];
  cards: CardItem[];
}

export interface SharedMunicipality {
  slug: string;
  name: string;
  experiments: ExperimentItem[];
  cards: CardItem[];
}

const pick = (locale: Locale, nl: string, en: string) => (locale === 'en' && en) || nl;
/** Running first, then drafts (staff), then finished; within a status as listed (newest start first). */
const STATUS_ORDER: Record<EvaluationStatus, number> = { running: 0, draft: 1, finished: 2 };

async function areaNames(db: DbOrTrx, tenantId: string, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  const areas = await Promise.all(unique.map((c) => getArea(db, tenantId, c)));
  return new Map(unique.map((c, i) => [c, areas[i]?.name ?? c]));
}

/**
 * The latest results of one evaluation the principal may see, through the results service (which
 * checks again that it is published, unless the principal is staff of the municipality).
 */
async function outcomesOf(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  reference: string,
  locale: Locale,
): Promise<{ outcomes: ExperimentOutcome[]; demoFigures: boolean }> {
  const r = await resultsOf(db, principal, tenantId, reference);
  return {
    demoFigures: r.isDemo,
    outcomes: r.outcomes.map((o) => ({
      indicatorCode: o.indicatorCode,
      indicatorName: pick(locale, o.nameNl, o.nameEn),
      verdict: o.verdict,
      sentence: o.sentence ? o.sentence[locale] : null,
    })),
  };
}

function cardItem(
  locale: Locale,
  c: { slug: string; titleNl: string; titleEn: string; whatNl: string; whatEn: string; whereText: string; isDemo: boolean },
): CardItem {
  return {
    slug: c.slug,
    title: pick(locale, c.titleNl, c.titleEn),
    what: pick(locale, c.whatNl, c.whatEn),
    whereText: c.whereText,
    isDemo: c.isDemo,
  };
}

interface ExperimentSource {
  reference: string;
  titleNl: string;
  titleEn: string;
  questionNl: string;
  questionEn: string;
  status: EvaluationStatus;
  published: boolean;
  isDemo: boolean;
  startDay: string;
  endDay: string | null;
  areas: readonly { code: string; role: 'intervention' | 'comparison' }[];
}

/** The experiments as the pages show them: area names, the latest results, running first. */
async function experimentItems(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  sources: readonly ExperimentSource[],
  locale: Locale,
): Promise<ExperimentItem[]> {
  const names = await areaNames(
    db,
    tenantId,
    sources.flatMap((e) => e.areas.map((a) => a.code)),
  );
  const items: ExperimentItem[] = [];
  for (const e of sources) {
    const { outcomes, demoFigures } = await outcomesOf(db, principal, tenantId, e.reference, locale);
    const named = (role: 'intervention' | 'comparison') => e.areas.filter((a) => a.role === role).map((a) => names.get(a.code) ?? a.code);
    items.push({
      reference: e.reference,
      title: pick(locale, e.titleNl, e.titleEn),
      question: pick(locale, e.questionNl, e.questionEn),
      status: e.status,
      published: e.published,
      isDemo: e.isDemo || demoFigures,
      startDay: e.startDay,
      endDay: e.endDay,
      intervention: named('intervention'),
      comparison: named('comparison'),
      outcomes,
    });
  }
  return items.sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status]);
}

/** The municipality's experiments (published ones; staff: all) and its published cards (`/{tenant}/samen-leren`). */
export async function municipalityLearning(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  locale: Locale,
): Promise<MunicipalityLearning> {
  const [evaluations, cards] = await Promise.all([
    listEvaluations(db, principal, tenantId),
    listPublishedInterventions(db, principal, tenantId),
  ]);
  const sources = evaluations.map(({ evaluation: e, areas }) => ({
    ...e,
    areas: areas.map((a) => ({ code: a.areaCode, role: a.role })),
  }));
  return {
    experiments: await experimentItems(db, principal, tenantId, sources, locale),
    cards: cards.map((c) => cardItem(locale, c)),
  };
}

/**
 * What every municipality of this installation published (`/samen-leren`), by municipality name;
 * a municipality that published nothing is listed with empty lists. `db` is the unscoped handle
 * (the page belongs to no municipality); only published rows are read (learning.store.ts), and
 * the results are read as an anonymous visitor of each municipality would read them.
 */
export async function installationLearning(db: DbOrTrx, now: Date, locale: Locale): Promise<SharedMunicipality[]> {
  const [tenants, evaluations, cards] = await Promise.all([
    listTenants(db),
    selectPublishedEvaluationsEverywhere(db),
    selectPublishedCardsEverywhere(db),
  ]);
  const out: SharedMunicipality[] = [];
  for (const tenant of [...tenants].sort((a, b) => a.name.localeCompare(b.name, 'nl'))) {
    const visitor = principalOf(null, tenant.id, now);
    out.push({
      slug: tenant.slug,
      name: tenant.name,
      experiments: await experimentItems(
        db,
        visitor,
        tenant.id,
        evaluations.filter((e) => e.tenantId === tenant.id).map((e) => ({ ...e, published: true })),
        locale,
      ),
      cards: cards.filter((c) => c.tenantId === tenant.id).map((c) => cardItem(locale, c)),
    });
  }
  return out;
}
