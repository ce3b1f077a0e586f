/** View models of the library pages: a card in the visitor's language, labels translated, money and numbers formatted. */
import { formatNumber, type Locale, type Translate } from '../../../platform/i18n/index.ts';
import { formatCents } from '../../programmes/programmes.service.ts';
import type { InterventionInput } from './library.schemas.ts';
import type { Intervention } from './library.store.ts';

export interface CardView {
  slug: string;
  title: string;
  what: string;
  forWhom: string;
  where: string;
  cost: string;
  costPerYear: string | null;
  effect: string;
  /** The estimate with its interval, when one was measured. */
  estimate: string | null;
  lessons: string;
  contact: string;
  functions: string[];
  targetGroups: string[];
  level: string;
  sourceNote: string;
  origin: string;
  isDemo: boolean;
  published: boolean;
}

const pick = (locale: Locale, nl: string, en: string) => (locale === 'en' && en ? en : nl);

function signed(locale: Locale, n: number): string {
  const digits = Number.isInteger(n) ? 0 : 1;
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(locale, Math.abs(n), digits)}`;
}

export function cardView(c: Intervention, t: Translate, locale: Locale, here: string): CardView {
  const e = c.effect;
  const estimate =
    e && e.estimate !== null && e.ciLow !== null && e.ciHigh !== null
      ? t('evaluation.library.card.estimate', {
          estimate: signed(locale, e.estimate),
          unit: e.unit ?? '',
          low: signed(locale, e.ciLow),
          high: signed(locale, e.ciHigh),
          level: formatNumber(locale, Math.round((e.level ?? 0.9) * 100)),
        })
      : null;
  const origin =
    c.origin === 'import'
      ? t('evaluation.library.card.origin.import', {
          municipality: c.originMunicipality || '?',
          installation: c.originInstallation ?? '?',
        })
      : c.origin === 'evaluation'
        ? t('evaluation.library.card.origin.evaluation', { reference: e?.evaluationReference ?? '' })
        : t('evaluation.library.card.origin.manual', { municipality: here });
  return {
    slug: c.slug,
    title: pick(locale, c.titleNl, c.titleEn),
    what: pick(locale, c.whatNl, c.whatEn),
    forWhom: pick(locale, c.forWhomNl, c.forWhomEn),
    where: c.whereText,
    cost: pick(locale, c.costNl, c.costEn),
    costPerYear: c.costCentsPerYear === null ? null : formatCents(c.costCentsPerYear, locale),
    effect: pick(locale, c.effectNl, c.effectEn),
    estimate,
    lessons: pick(locale, c.lessonsNl, c.lessonsEn),
    contact: c.contactOrganisation,
    functions: c.functions.map((f) => t(`evaluation.library.function.${f as 'ontmoeten'}`)),
    targetGroups: c.targetGroups,
    level: t(`evaluation.library.level.${c.level}`),
    sourceNote: c.sourceNote,
    origin,
    isDemo: c.isDemo,
    published: c.published,
  };
}

export type FormValues = Record<string, string | string[]>;

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
/** A number as typed in Dutch or English ("3,5", "-1", "1.5"); null when empty; NaN when not a number (refused by the schema). */
function num(v: string | string[] | undefined): number | null {
  const s = str(v).replace(/\s/g, '').replace('−', '-').replace(',', '.');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
/** Whole euros ("12.500" or "12500") to cents; null when empty; NaN otherwise. */
function euros(v: string | string[] | undefined): number | null {
  const s = str(v).replace(/\s/g, '').replace(/^€/, '');
  if (s === '') return null;
  return /^\d{1,3}(\.\d{3})+$|^\d+$/.test(s) ? Number(s.replace(/\./g, '')) * 100 : Number.NaN;
}

/** The card form's fields to the service input. */
export function formToInput(v: FormValues): InterventionInput {
  return {
    slug: str(v.slug),
    titleNl: str(v.titleNl),
    titleEn: str(v.titleEn),
    whatNl: str(v.whatNl),
    whatEn: str(v.whatEn),
    forWhomNl: str(v.forWhomNl),
    forWhomEn: str(v.forWhomEn),
    whereText: str(v.whereText),
    costNl: str(v.costNl),
    costEn: str(v.costEn),
    costCentsPerYear: euros(v.costEuros),
    effectNl: str(v.effectNl),
    effectEn: str(v.effectEn),
    estimate: num(v.estimate),
    ciLow: num(v.ciLow),
    ciHigh: num(v.ciHigh),
    effectUnit: str(v.effectUnit),
    effectIndicatorCode: str(v.effectIndicatorCode),
    effectVerdict: str(v.effectVerdict),
    effectLevel: num(v.effectLevel),
    lessonsNl: str(v.lessonsNl),
    lessonsEn: str(v.lessonsEn),
    contactOrganisation: str(v.contactOrganisation),
    functions: list(v.functions) as InterventionInput['functions'],
    targetGroups: str(v.targetGroups)
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    level: (str(v.level) || 'neighbourhood') as InterventionInput['level'],
    sourceNote: str(v.sourceNote),
  };
}

/** A card (or a prefilled input) back to the form's fields. */
export function inputToForm(c: InterventionInput): FormValues {
  const n = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return {
    slug: c.slug,
    titleNl: c.titleNl,
    titleEn: c.titleEn ?? '',
    whatNl: c.whatNl ?? '',
    whatEn: c.whatEn ?? '',
    forWhomNl: c.forWhomNl ?? '',
    forWhomEn: c.forWhomEn ?? '',
    whereText: c.whereText ?? '',
    costNl: c.costNl ?? '',
    costEn: c.costEn ?? '',
    costEuros: c.costCentsPerYear === null || c.costCentsPerYear === undefined ? '' : String(Math.round(c.costCentsPerYear / 100)),
    effectNl: c.effectNl,
    effectEn: c.effectEn ?? '',
    estimate: n(c.estimate),
    ciLow: n(c.ciLow),
    ciHigh: n(c.ciHigh),
    effectUnit: c.effectUnit ?? '',
    effectIndicatorCode: c.effectIndicatorCode ?? '',
    effectVerdict: c.effectVerdict ?? '',
    effectLevel: n(c.effectLevel),
    lessonsNl: c.lessonsNl ?? '',
    lessonsEn: c.lessonsEn ?? '',
    contactOrganisation: c.contactOrganisation ?? '',
    functions: [...(c.functions ?? [])],
    targetGroups: (c.targetGroups ?? []).join('\n'),
    level: c.level ?? 'neighbourhood',
    sourceNote: c.sourceNote ?? '',
  };
}

export function interventionToInput(c: Intervention): InterventionInput {
  return {
    slug: c.slug,
    titleNl: c.titleNl,
    titleEn: c.titleEn,
    whatNl: c.whatNl,
    whatEn: c.whatEn,
    forWhomNl: c.forWhomNl,
    forWhomEn: c.forWhomEn,
    whereText: c.whereText,
    costNl: c.costNl,
    costEn: c.costEn,
    costCentsPerYear: c.costCentsPerYear,
    effectNl: c.effectNl,
    effectEn: c.effectEn,
    estimate: c.effect?.estimate ?? null,
    ciLow: c.effect?.ciLow ?? null,
    ciHigh: c.effect?.ciHigh ?? null,
    effectUnit: c.effect?.unit ?? '',
    effectIndicatorCode: c.effect?.indicatorCode ?? '',
    effectVerdict: c.effect?.verdict ?? '',
    effectLevel: c.effect?.level ?? null,
    lessonsNl: c.lessonsNl,
    lessonsEn: c.lessonsEn,
    contactOrganisation: c.contactOrganisation,
    functions: c.functions as InterventionInput['functions'],
    targetGroups: c.targetGroups,
    level: c.level,
    sourceNote: c.sourceNote,
  };
}

/** Field paths of the service's messages to the form's field names. */
export function formField(path: string): string {
  if (path === 'costCentsPerYear') return 'costEuros';
  if (path.startsWith('functions')) return 'functions';
  if (path.startsWith('targetGroups')) return 'targetGroups';
  return path;
}
