/** The maintenance pages' view models: an entry of the maintenance list and an open suggestion (camelCase, no rows). */
import type { KeepServiceRow, SuggestionRow } from './keep.store.ts';

/** One entry of the maintenance list. */
export interface KeepServiceItem {
  id: string;
  name: string;
  organizationName: string;
  status: string;
  lastCheckedAt: Date | null;
  openSuggestions: number;
}

/** An open correction suggestion, with its accept/reject form. */
export interface OpenSuggestion {
  id: string;
  serviceId: string;
  serviceName: string;
  message: string;
  /** The suggester left an e-mail address for a reply. */
  hasEmail: boolean;
  createdAt: Date;
}

export function keepServiceItem(r: KeepServiceRow): KeepServiceItem {
  return {
    id: r.id,
    name: r.name,
    organizationName: r.organization_name,
    status: r.status,
    lastCheckedAt: r.last_checked_at,
    openSuggestions: r.open_suggestions,
  };
}

export function openSuggestion(r: SuggestionRow): OpenSuggestion {
  return {
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    message: r.message,
    hasEmail: r.has_email,
    createdAt: r.created_at,
  };
}
