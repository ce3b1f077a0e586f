/** What the merge and split pages show (view models, not rows): the likely duplicates and one side of the comparison. */
import type { CategoryRow } from '../config/categories.store.ts';
import type { SignalRow } from '../signals.store.ts';
import { signalDetail, type SignalDetail } from '../signals.presenter.ts';
import type { SignalState } from '../workflow.ts';
import type { MergeCandidate } from './merge.service.ts';

/** One likely duplicate in the list of step 1. */
export interface CandidateLine {
  publicId: string;
  state: SignalState;
  createdAt: Date;
  /** Metres from the signal, when both have a point (else: same buurt). */
  distance: number | null;
  description: string;
}

/** One signal of the comparison in step 2. */
export interface MergeSide {
  signal: SignalDetail;
  categoryName: string | null;
  organisation: string;
  followers: number;
}

/** A category to choose from (the split form). */
export interface CategoryChoice {
  id: string;
  name: string;
}

export function candidateLine(c: MergeCandidate): CandidateLine {
  return { publicId: c.public_id, state: c.state, createdAt: c.created_at, distance: c.distance, description: c.description };
}

export function mergeSide(
  signal: SignalRow,
  categories: readonly CategoryRow[],
  orgNames: ReadonlyMap<string, string>,
  followers: number,
): MergeSide {
  return {
    signal: signalDetail(signal),
    categoryName: categories.find((c) => c.id === signal.category_id)?.name ?? null,
    organisation: (signal.organisation_id && orgNames.get(signal.organisation_id)) || '—',
    followers,
  };
}

export function categoryChoice(c: Pick<CategoryRow, 'id' | 'name'>): CategoryChoice {
  return { id: c.id, name: c.name };
}
