/** Parsing of the raw report form fields shared by the resident form and the wijkschouw form. */
import { MAX_ANSWER_INPUT } from '../signals.schemas.ts';

/** A typed coordinate ("51,915" or "51.915"): a number, null when empty, 'bad' when not a number. */
export function parseCoordinate(s: string): number | null | 'bad' {
  const v = s.trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : 'bad';
}

/** The answers to a category's extra questions from a form body (`answer_<key>` fields), each cut at MAX_ANSWER_INPUT characters. */
export function rawAnswers(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (k.startsWith('answer_') && typeof v === 'string') out[k.slice(7)] = v.slice(0, MAX_ANSWER_INPUT);
    }
  }
  return out;
}
