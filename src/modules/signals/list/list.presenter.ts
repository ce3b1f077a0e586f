/** The staff list's view model: one signal as the list and the map show it (camelCase, only what the page uses). */
import type { SignalListRow } from '../signals.store.ts';
import type { SignalState } from '../workflow.ts';

export interface SignalListItem {
  publicId: string;
  categoryName: string;
  /** The English name, '' when none is stored (the view falls back to the Dutch one). */
  categoryNameEn: string;
  /** The category is sensitive: the map draws the signal at its buurt, never at the reported spot. */
  sensitive: boolean;
  state: SignalState;
  buurtCode: string | null;
  wijkCode: string | null;
  organisationId: string | null;
  deadlineAt: Date | null;
  closed: boolean;
  latitude: number | null;
  longitude: number | null;
}

export function signalListItem(r: SignalListRow): SignalListItem {
  return {
    publicId: r.public_id,
    categoryName: r.category_name,
    categoryNameEn: r.category_name_en,
    sensitive: r.sensitive,
    state: r.state,
    buurtCode: r.buurt_code,
    wijkCode: r.wijk_code,
    organisationId: r.organisation_id,
    deadlineAt: r.deadline_at,
    closed: r.closed_at !== null,
    latitude: r.latitude,
    longitude: r.longitude,
  };
}
