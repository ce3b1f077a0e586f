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

/** A category's extra question: already a plain shape (the JSON stored with the category), shown as it is. */
export type { CategoryQuestion };

export interface CategoryGroup {
  id: string;
  code: string;
  name: string;
  description: string;
}

export interface Category {
  id: string;
  groupId: string;
  serviceCode: string;
  name: string;
  description: string;
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
}

export function groupModel(g: CategoryGroupRow): CategoryGroup {
  return { id: g.id, code: g.code, name: g.name, description: g.description };
}

export function categoryModel(c: CategoryRow): Category {
  return {
    id: c.id,
    groupId: c.group_id,
    serviceCode: c.service_code,
    name: c.name,
    description: c.description,
    deadlineDays: c.deadline_days,
    questions: c.questions,
    sensitive: c.sensitive,
    active: c.active,
    position: c.position,
  };
}

/** Groups with their categories, in order (the category choice of intake and wijkschouw). */
export interface CategoryTree {
  group: CategoryGroup;
  categories: Category[];
}

export function categoryTree(tree: readonly CategoryTreeGroup[]): CategoryTree[] {
  return tree.map((t) => ({ group: groupModel(t.group), categories: t.categories.map(categoryModel) }));
}

export function routingRule(r: RoutingRuleRow): RoutingRule {
  return { id: r.id, groupId: r.group_id, categoryId: r.category_id, areaCode: r.area_code, organisationId: r.organisation_id };
}

export function standardText(t: StandardTextRow): StandardText {
  return { categoryId: t.category_id, state: t.state, text: t.text };
}
