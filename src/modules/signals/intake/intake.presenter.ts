/** The report form's view model for the nearby signals a resident may follow instead of reporting again (camelCase, no row). */
import type { SignalState } from '../workflow.ts';

/** A nearby open signal, as the report form lists it. */
export interface NearbyItem {
  publicId: string;
  description: string;
  /** Metres from the reported point, rounded. */
  distance: number;
  state: SignalState;
}

export function nearbyItem(n: { public_id: string; description: string; distance: number; state: SignalState }): NearbyItem {
  return { publicId: n.public_id, description: n.description, distance: n.distance, state: n.state };
}
