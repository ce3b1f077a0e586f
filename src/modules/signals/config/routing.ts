/** Routing: the first rule (by position) whose category, group and area match decides the organisation. */
export interface RoutingRule {
  groupId: string | null;
  categoryId: string | null;
  areaCode: string | null;
  organisationId: string;
}

export interface RoutingInput {
  categoryId: string;
  groupId: string;
  buurtCode: string | null;
  wijkCode: string | null;
}

/** The organisation of the first matching rule (rules in order), else the default desk (may be null). */
export function routeSignal(rules: readonly RoutingRule[], input: RoutingInput, defaultOrganisationId: string | null): string | null {
  for (const r of rules) {
    if (r.categoryId && r.categoryId !== input.categoryId) continue;
    if (r.groupId && r.groupId !== input.groupId) continue;
    if (r.areaCode && r.areaCode !== input.buurtCode && r.areaCode !== input.wijkCode) continue;
    return r.organisationId;
  }
  return defaultOrganisationId;
}
