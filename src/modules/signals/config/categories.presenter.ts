/**
 * What the pages show of groups, categories, routing rules and standard texts (view models, not
 * rows): camelCase, only what the pages need. Used by the settings pages and by every page that
 * shows or offers a category (intake, wijkschouw, list, handling, merge); routes map the services'
 * rows with these.
 */
import type { CategoryTreeGroup } from './categories.service.ts';
import type { CategoryGroupRow, CategoryRow, RoutingRuleRow } from './categories.store.ts';
import type { StandardTextRow } from './config.store.ts';
import type { CategoryQuestion } from '../signals.tables.ts';
import type { SignalState } from '../workflow.ts';
import type { Locale } from '../../../platform/i18n/index.ts';

/** A category's extra question: already a plain shape (the JSON stored with the category), shown as it is. */
export type { CategoryQuestion };

export interface CategoryGroup {
  id: string;
  code: string;
  /** In the page's language: the English text when the locale is English and one is stored. */
  name: string;
  description: string;
  /** The stored English texts ('' when none), for the settings pages. */
  nameEn: string;
  descriptionEn: string;
}

export interface Category {
  id: string;
  groupId: string;
  serviceCode: string;
  /** In the page's language (see CategoryGroup). */
  name: string;
  description: string;
  nameEn: string;
  descriptionEn: string;
  deadlineDays: number;
  questions: readonly CategoryQuestion[];
  sensitive: boolean;
  active: boolean;
  position: number;
}

export interface RoutingRule {
  id: string;
  groupId: string | null;
  categoryId: string | null;
  /** A wijk or buurt code; null matches everywhere. */
  areaCode: string | null;
  organisationId: string;
}

export interface StandardText {
  /** Null: the default for every category. */
  categoryId: string | null;
  state: SignalState;
  text: string;
  /** '' when none: English reporters get the Dutch text. */
  textEn: string;
}

/** The English text when the page is English and one is stored, else the Dutch one. */
export const inLocale = (locale: Locale, nl: string, en: string | undefined) => (locale === 'en' && en ? en : nl);

/** A question in the page's language: its label; options keep their Dutch value (the stored answer), `optionsEn` labels them. */
export function questionIn(locale: Locale, q: CategoryQuestion): CategoryQuestion {
  return locale === 'en' && q.labelEn ? { ...q, label: q.labelEn } : q;
}

function localGroup(g: CategoryGroupRow, locale: Locale): CategoryGroup {
  return {
    id: g.id,
    code: g.code,
    name: inLocale(locale, g.name, g.name_en),
    description: inLocale(locale, g.description, g.description_en),
    nameEn: g.name_en,
    descriptionEn: g.description_en,
  };
}

function localCategory(c: CategoryRow, locale: Locale): Category {
  return {
    id: c.id,
    groupId: c.group_id,
    serviceCode: c.service_code,
    name: inLocale(locale, c.name, c.name_en),
    description: inLocale(locale, c.description, c.description_en),
    nameEn: c.name_en,
    descriptionEn: c.description_en,
    deadlineDays: c.deadline_days,
    questions: c.questions.map((q) => questionIn(locale, q)),
    sensitive: c.sensitive,
    active: c.active,
    position: c.position,
  };
}

/** A group / category with its Dutch texts (settings pages, staff pages). */
export const groupModel = (g: CategoryGroupRow): CategoryGroup => localGroup(g, 'nl');
export const categoryModel = (c: CategoryRow): Category => localCategory(c, 'nl');
/** Mappers for a page in a language: English texts where stored (resident pages, Open311). */
export const groupIn =
  (locale: Locale) =>
  (g: CategoryGroupRow): CategoryGroup =>
    localGroup(g, locale);
export const categoryIn =
  (locale: Locale) =>
  (c: CategoryRow): Category =>
    localCategory(c, locale);

/** Groups with their categories, in order (the category choice of intake and wijkschouw). */
export interface CategoryTree {
  group: CategoryGroup;
  categories: Category[];
}

export function categoryTree(tree: readonly CategoryTreeGroup[], locale: Locale = 'nl'): CategoryTree[] {
  return tree.map((t) => ({ group: localGroup(t.group, locale), categories: t.categories.map(categoryIn(locale)) }));
}

export function routingRule(r: RoutingRuleRow): RoutingRule {
  return { id: r.id, groupId: r.group_id, categoryId: r.category_id, areaCode: r.area_code, organisationId: r.organisation_id };
}

export function standardText(t: StandardTextRow): StandardText {
  return { categoryId: t.category_id, state: t.state, text: t.text, textEn: t.text_en };
}
