/**
 * The exchange format of intervention cards (version 1, library.schemas.ts): a card to its
 * exchange shape and back, and the check of a file with every problem named (card, field path,
 * reason) so that an import is refused whole or stored whole.
 */
import type { z } from 'zod';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  LIMITS,
  exchangeCard,
  exchangeFile,
  type ExchangeCard,
  type ExchangeFile,
} from './library.schemas.ts';
import type { Intervention, InterventionFields } from './library.store.ts';

export interface Municipality {
  code: string;
  name: string;
}

/** One reason an import was refused: the card (0-based, null for the file), its slug when readable, the field path. */
export interface ImportProblem {
  card: number | null;
  slug: string | null;
  path: string;
  reason: MessageKey;
}

/** A card in the exchange shape. Cards made here carry this installation and municipality; imported ones keep theirs. */
export function toExchangeCard(c: Intervention, installation: string, here: Municipality): ExchangeCard {
  const imported = c.origin === 'import';
  const e = c.effect;
  return {
    slug: c.slug,
    title: { nl: c.titleNl, en: c.titleEn },
    what: { nl: c.whatNl, en: c.whatEn },
    forWhom: { nl: c.forWhomNl, en: c.forWhomEn },
    where: c.whereText,
    cost: { nl: c.costNl, en: c.costEn, centsPerYear: c.costCentsPerYear },
    effect: {
      nl: c.effectNl,
      en: c.effectEn,
      estimate: e?.estimate ?? null,
      ciLow: e?.ciLow ?? null,
      ciHigh: e?.ciHigh ?? null,
      level: e?.level ?? null,
      unit: e?.unit ?? '',
      indicatorCode: e?.indicatorCode ?? '',
      verdict: e?.verdict ?? '',
      evaluationReference: e?.evaluationReference ?? '',
    },
    lessons: { nl: c.lessonsNl, en: c.lessonsEn },
    contactOrganisation: c.contactOrganisation,
    functions: [...c.functions] as ExchangeCard['functions'],
    targetGroups: [...c.targetGroups],
    level: c.level,
    sourceNote: c.sourceNote,
    isDemo: c.isDemo,
    origin: imported
      ? {
          installation: c.originInstallation ?? installation,
          municipality: { code: c.originMunicipalityCode, name: c.originMunicipality },
          kind: c.effect?.evaluationReference ? 'evaluation' : 'manual',
        }
      : { installation, municipality: here, kind: c.origin === 'evaluation' ? 'evaluation' : 'manual' },
  };
}

export function exchangeFileOf(cards: readonly Intervention[], installation: string, here: Municipality, now: Date): ExchangeFile {
  return {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: now.toISOString(),
    installation,
    municipality: here,
    cards: cards.map((c) => toExchangeCard(c, installation, here)),
  };
}

/** The columns of an imported card: unpublished, its origin kept. */
export function fieldsOfExchangeCard(c: ExchangeCard): InterventionFields {
  const e = c.effect;
  const hasEffect = e.estimate !== null || e.indicatorCode !== '' || e.verdict !== '' || e.evaluationReference !== '';
  return {
    slug: c.slug,
    titleNl: c.title.nl,
    titleEn: c.title.en,
    whatNl: c.what.nl,
    whatEn: c.what.en,
    forWhomNl: c.forWhom.nl,
    forWhomEn: c.forWhom.en,
    whereText: c.where,
    costNl: c.cost.nl,
    costEn: c.cost.en,
    costCentsPerYear: c.cost.centsPerYear,
    effectNl: e.nl,
    effectEn: e.en,
    effect: hasEffect
      ? {
          estimate: e.estimate,
          ciLow: e.ciLow,
          ciHigh: e.ciHigh,
          ...(e.level !== null ? { level: e.level } : {}),
          ...(e.unit ? { unit: e.unit } : {}),
          ...(e.indicatorCode ? { indicatorCode: e.indicatorCode } : {}),
          ...(e.verdict ? { verdict: e.verdict } : {}),
          ...(e.evaluationReference ? { evaluationReference: e.evaluationReference } : {}),
        }
      : null,
    lessonsNl: c.lessons.nl,
    lessonsEn: c.lessons.en,
    contactOrganisation: c.contactOrganisation,
    functions: [...c.functions],
    targetGroups: [...c.targetGroups],
    level: c.level,
    origin: 'import',
    evaluationId: null,
    originInstallation: c.origin.installation,
    originMunicipality: c.origin.municipality.name,
    originMunicipalityCode: c.origin.municipality.code,
    published: false,
    sourceNote: c.sourceNote,
    isDemo: c.isDemo,
  };
}

function reasonOf(issue: z.core.$ZodIssue): MessageKey {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'evaluation.library.import.missing' : 'evaluation.library.import.badType';
    case 'too_big':
      return 'evaluation.library.import.tooBig';
    case 'too_small':
      return 'evaluation.library.import.tooSmall';
    case 'invalid_value':
    case 'invalid_format':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'not_multiple_of':
      return 'evaluation.library.import.badValue';
    case 'unrecognized_keys':
      return 'evaluation.library.import.unknownField';
    case 'custom':
      return 'evaluation.library.import.interval';
  }
}

const pathOf = (parts: readonly PropertyKey[]) =>
  parts.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');

/**
 * Check an exchange file (its text): JSON, the format and version, every card's fields, slugs
 * unique in the file and not yet used in the municipality (`taken`). Every problem is listed.
 */
export async function checkExchange(
  textOrValue: unknown,
  taken: (slugs: string[]) => Promise<Set<string>>,
): Promise<{ ok: true; file: ExchangeFile } | { ok: false; problems: ImportProblem[] }> {
  let value: unknown = textOrValue;
  if (typeof textOrValue === 'string') {
    if (Buffer.byteLength(textOrValue) > LIMITS.fileBytes) {
      return { ok: false, problems: [{ card: null, slug: null, path: '', reason: 'evaluation.library.import.tooLarge' }] };
    }
    try {
      value = JSON.parse(textOrValue);
    } catch {
      return { ok: false, problems: [{ card: null, slug: null, path: '', reason: 'evaluation.library.import.notJson' }] };
    }
  }
  const head = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!head || head.format !== EXCHANGE_FORMAT) {
    return { ok: false, problems: [{ card: null, slug: null, path: 'format', reason: 'evaluation.library.import.unknownFormat' }] };
  }
  if (head.version !== EXCHANGE_VERSION) {
    return { ok: false, problems: [{ card: null, slug: null, path: 'version', reason: 'evaluation.library.import.unknownVersion' }] };
  }

  const problems: ImportProblem[] = [];
  const cards = Array.isArray(head.cards) ? head.cards : null;
  const slugOf = (i: number): string | null => {
    const s = (cards?.[i] as { slug?: unknown } | undefined)?.slug;
    return typeof s === 'string' ? s : null;
  };
  const parsed = exchangeFile.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, ...rest] = issue.path;
      if (first === 'cards' && typeof index === 'number') {
        problems.push({ card: index, slug: slugOf(index), path: pathOf(rest), reason: reasonOf(issue) });
      } else problems.push({ card: null, slug: null, path: pathOf(issue.path), reason: reasonOf(issue) });
    }
  }
  // Slugs: unique within the file and unused in the municipality (checked on every readable slug).
  const seen = new Map<string, number>();
  (cards ?? []).forEach((_, i) => {
    const s = slugOf(i);
    if (s === null || !exchangeCard.shape.slug.safeParse(s).success) return;
    if (seen.has(s)) problems.push({ card: i, slug: s, path: 'slug', reason: 'evaluation.library.import.duplicateInFile' });
    else seen.set(s, i);
  });
  const used = await taken([...seen.keys()]);
  for (const [s, i] of seen) {
    if (used.has(s)) problems.push({ card: i, slug: s, path: 'slug', reason: 'evaluation.library.import.slugTaken' });
  }
  if (problems.length > 0 || !parsed.success) {
    problems.sort((a, b) => (a.card ?? -1) - (b.card ?? -1) || a.path.localeCompare(b.path));
    return { ok: false, problems };
  }
  return { ok: true, file: parsed.data };
}
