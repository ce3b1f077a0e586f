/** The category pages' view model: a term as the list and the edit page show it (camelCase, no rows). */
import type { TaxonomyTerm } from './taxonomy.service.ts';

export interface TermItem {
  id: string;
  taxonomyId: string | null;
  name: string;
  description: string;
  nameEn: string | null;
  descriptionEn: string | null;
  code: string | null;
}

export function termItem(t: TaxonomyTerm): TermItem {
  return {
    id: t.id,
    taxonomyId: t.taxonomy_id,
    name: t.name,
    description: t.description,
    nameEn: t.name_en,
    descriptionEn: t.description_en,
    code: t.code,
  };
}
