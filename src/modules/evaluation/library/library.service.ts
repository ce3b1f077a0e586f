/**
 * The intervention library (issue 16, scope 5): cards entered by hand or published from a finished
 * evaluation (`intervention.manage`), published and unpublished, searched, exported as JSON
 * (published cards only) and imported from another installation (`intervention.import`: refused
 * whole with every reason, or stored whole in one transaction, unpublished, origin kept).
 * Everybody sees published cards; staff of the municipality see drafts too.
 */
import { inTransaction, type DbOrTrx } from '../../../platform/db/database.ts';
import { Conflict, Invalid, NotFound } from '../../../platform/errors.ts';
import { checkForm } from '../../../platform/http/forms.ts';
import type { Principal } from '../../../platform/principal.ts';
import { allow, seesDrafts } from '../register/register.access.ts';
import { checkExchange, exchangeFileOf, fieldsOfExchangeCard, type ImportProblem, type Municipality } from './library.exchange.ts';
import {
  SLUG,
  intervalErrors,
  interventionInput,
  type ExchangeFile,
  type InterventionData,
  type InterventionInput,
  type SearchQuery,
} from './library.schemas.ts';
import * as store from './library.store.ts';
import type { Intervention, InterventionFields } from './library.store.ts';

export type { Intervention } from './library.store.ts';

/** The municipality's cards: published ones, and drafts for its staff; filtered by the search when given. */
export async function listInterventions(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  search?: Partial<SearchQuery>,
): Promise<Intervention[]> {
  allow(principal, tenantId, 'intervention.view');
  const cards = await store.selectInterventions(db, tenantId, { includeDrafts: seesDrafts(principal, tenantId) });
  return search ? searchInterventions(cards, search) : cards;
}

/** Published cards only, whoever asks (the public library and the export are the same for everybody). */
export async function listPublishedInterventions(db: DbOrTrx, principal: Principal, tenantId: string): Promise<Intervention[]> {
  allow(principal, tenantId, 'intervention.view');
  return store.selectInterventions(db, tenantId, { includeDrafts: false });
}

/** One card by slug (NotFound for a draft unless the principal is staff of the municipality). */
export async function getIntervention(db: DbOrTrx, principal: Principal, tenantId: string, slug: string): Promise<Intervention> {
  allow(principal, tenantId, 'intervention.view');
  if (!SLUG.test(slug)) throw NotFound();
  const [card] = await store.selectInterventions(db, tenantId, { includeDrafts: seesDrafts(principal, tenantId), slugs: [slug] });
  if (!card) throw NotFound();
  return card;
}

/** Words (in title, what, for whom, where, lessons, organisation), function, target group and level; all given must match. */
export function searchInterventions(cards: readonly Intervention[], search: Partial<SearchQuery>): Intervention[] {
  const words = (search.q ?? '').toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const group = (search.doelgroep ?? '').toLocaleLowerCase('nl');
  return cards.filter((c) => {
    if (search.functie && !c.functions.includes(search.functie)) return false;
    if (search.niveau && c.level !== search.niveau) return false;
    if (group && !c.targetGroups.some((g) => g.toLocaleLowerCase('nl') === group)) return false;
    if (words.length === 0) return true;
    const hay = [
      c.titleNl,
      c.titleEn,
      c.whatNl,
      c.whatEn,
      c.forWhomNl,
      c.forWhomEn,
      c.whereText,
      c.lessonsNl,
      c.lessonsEn,
      c.contactOrganisation,
      ...c.targetGroups,
    ]
      .join(' ')
      .toLocaleLowerCase('nl');
    return words.every((w) => hay.includes(w));
  });
}

function parse(input: InterventionInput): InterventionData {
  const parsed = checkForm(interventionInput, input);
  // The interval rule runs after the fields parse; when they do not, it is added so every message shows at once.
  if (!parsed.ok) throw Invalid({ ...intervalErrors(input.estimate, input.ciLow, input.ciHigh), ...parsed.errors });
  return parsed.data;
}

function fieldsOf(
  d: InterventionData,
  extra: Pick<InterventionFields, 'origin' | 'evaluationId' | 'published' | 'isDemo'>,
): InterventionFields {
  const hasNumbers = d.estimate !== null || d.effectIndicatorCode !== '' || d.effectVerdict !== '';
  return {
    slug: d.slug,
    titleNl: d.titleNl,
    titleEn: d.titleEn,
    whatNl: d.whatNl,
    whatEn: d.whatEn,
    forWhomNl: d.forWhomNl,
    forWhomEn: d.forWhomEn,
    whereText: d.whereText,
    costNl: d.costNl,
    costEn: d.costEn,
    costCentsPerYear: d.costCentsPerYear,
    effectNl: d.effectNl,
    effectEn: d.effectEn,
    effect: hasNumbers
      ? {
          estimate: d.estimate,
          ciLow: d.ciLow,
          ciHigh: d.ciHigh,
          ...(d.effectLevel !== null ? { level: d.effectLevel } : {}),
          ...(d.effectUnit ? { unit: d.effectUnit } : {}),
          ...(d.effectIndicatorCode ? { indicatorCode: d.effectIndicatorCode } : {}),
          ...(d.effectVerdict ? { verdict: d.effectVerdict } : {}),
        }
      : null,
    lessonsNl: d.lessonsNl,
    lessonsEn: d.lessonsEn,
    contactOrganisation: d.contactOrganisation,
    functions: [...new Set(d.functions)],
    targetGroups: [...new Set(d.targetGroups)],
    level: d.level,
    originInstallation: null,
    originMunicipality: '',
    originMunicipalityCode: '',
    sourceNote: d.sourceNote,
    ...extra,
  };
}

/** A new card (a draft unless `published`); refused with field messages, the slug unique in the municipality. */
export async function createIntervention(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  input: InterventionInput,
  opts: { evaluationId?: string | null; evaluationReference?: string; published?: boolean; isDemo?: boolean } = {},
): Promise<string> {
  allow(principal, tenantId, 'intervention.manage');
  const d = parse(input);
  const fields = fieldsOf(d, {
    origin: opts.evaluationId ? 'evaluation' : 'manual',
    evaluationId: opts.evaluationId ?? null,
    published: opts.published ?? false,
    isDemo: opts.isDemo ?? false,
  });
  if (opts.evaluationReference) {
    fields.effect = { ...(fields.effect ?? { estimate: null, ciLow: null, ciHigh: null }), evaluationReference: opts.evaluationReference };
  }
  return inTransaction(db, async (trx) => {
    if ((await store.takenSlugs(trx, tenantId, [d.slug])).length > 0) {
      throw Conflict('error.conflict', { slug: 'evaluation.library.error.slugTaken' });
    }
    await store.insertIntervention(trx, tenantId, fields, principal.userId, principal.now);
    return d.slug;
  });
}

/** Change a card (its publication and origin stay); a new slug must be free. */
export async function updateIntervention(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  input: InterventionInput,
): Promise<string> {
  allow(principal, tenantId, 'intervention.manage');
  const d = parse(input);
  return inTransaction(db, async (trx) => {
    const old = await getIntervention(trx, principal, tenantId, slug);
    if (d.slug !== old.slug && (await store.takenSlugs(trx, tenantId, [d.slug])).length > 0) {
      throw Conflict('error.conflict', { slug: 'evaluation.library.error.slugTaken' });
    }
    const fields = fieldsOf(d, { origin: old.origin, evaluationId: old.evaluationId, published: old.published, isDemo: old.isDemo });
    if (old.effect?.evaluationReference) {
      fields.effect = {
        ...(fields.effect ?? { estimate: null, ciLow: null, ciHigh: null }),
        evaluationReference: old.effect.evaluationReference,
      };
    }
    Object.assign(fields, {
      originInstallation: old.originInstallation,
      originMunicipality: old.originMunicipality,
      originMunicipalityCode: old.originMunicipalityCode,
    });
    await store.updateIntervention(trx, tenantId, old.id, fields, principal.now);
    return d.slug;
  });
}

/** Publish or unpublish a card. */
export async function publishIntervention(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  slug: string,
  published: boolean,
): Promise<void> {
  allow(principal, tenantId, 'intervention.manage');
  const card = await getIntervention(db, principal, tenantId, slug);
  if (card.published !== published) await store.setPublished(db, tenantId, card.id, published, principal.now);
}

/** The exchange file of the municipality's published cards (or one of them, by slug): the same for everybody. */
export async function exportInterventions(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  opts: { installation: string; municipality: Municipality; now: Date; slug?: string },
): Promise<ExchangeFile> {
  allow(principal, tenantId, 'intervention.view');
  let cards = await store.selectInterventions(db, tenantId, { includeDrafts: false, ...(opts.slug ? { slugs: [opts.slug] } : {}) });
  if (opts.slug !== undefined) {
    cards = cards.filter((c) => c.slug === opts.slug);
    if (cards.length === 0) throw NotFound();
  }
  return exchangeFileOf(cards, opts.installation, opts.municipality, opts.now);
}

export interface ImportReport {
  ok: boolean;
  /** Slugs of the cards stored (unpublished); empty when refused. */
  imported: string[];
  problems: ImportProblem[];
}

/**
 * Import an exchange file (its text, or the parsed value): refused whole with every reason (unknown
 * format or version, broken fields, a slug twice in the file or already used here), or every card
 * stored in one transaction, unpublished, keeping its origin.
 */
export async function importInterventions(db: DbOrTrx, principal: Principal, tenantId: string, file: unknown): Promise<ImportReport> {
  allow(principal, tenantId, 'intervention.import');
  return inTransaction(db, async (trx) => {
    const checked = await checkExchange(file, async (slugs) => new Set(await store.takenSlugs(trx, tenantId, slugs)));
    if (!checked.ok) return { ok: false, imported: [], problems: checked.problems };
    for (const card of checked.file.cards) {
      await store.insertIntervention(trx, tenantId, fieldsOfExchangeCard(card), principal.userId, principal.now);
    }
    return { ok: true, imported: checked.file.cards.map((c) => c.slug), problems: [] };
  });
}
