/**
 * The addresses of a programme's pages that the overviews, the action table and the neighbourhood
 * section link to (the programme and card pages are the core's and cards' features).
 */
export const programmePath = (tenantSlug: string, programmeSlug: string): string =>
  `/${tenantSlug}/programmas/${encodeURIComponent(programmeSlug)}`;

export const actionsPath = (tenantSlug: string, programmeSlug: string): string => `${programmePath(tenantSlug, programmeSlug)}/acties`;

export const overviewPath = (tenantSlug: string, programmeSlug: string): string => `${programmePath(tenantSlug, programmeSlug)}/overzicht`;

export const documentPath = (tenantSlug: string, programmeSlug: string): string => `${programmePath(tenantSlug, programmeSlug)}/document`;

/** A project card's page. */
export const cardPath = (tenantSlug: string, programmeSlug: string, projectId: string): string =>
  `${programmePath(tenantSlug, programmeSlug)}/projecten/${projectId}`;

/** The new-card form, filled from an action-table row. */
export const cardFromActionPath = (tenantSlug: string, programmeSlug: string, actionId: string): string =>
  `${programmePath(tenantSlug, programmeSlug)}/projecten/nieuw?vanActie=${actionId}`;
