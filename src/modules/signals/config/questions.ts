/** Checking the answers to a category's extra questions. */
import type { CategoryQuestion } from '../signals.tables.ts';
import type { FieldErrors } from '../../../platform/errors.ts';

export const MAX_ANSWER_LENGTH = 500;

/** The hard-stop question whose answer was given, if any (its message must be shown instead of submitting). */
export function findHardStop(questions: readonly CategoryQuestion[], answers: Readonly<Record<string, string>>): CategoryQuestion | null {
  for (const q of questions) {
    if (q.hardStop && (answers[q.key] ?? '').trim().toLowerCase() === q.hardStop.answer.toLowerCase()) return q;
  }
  return null;
}

/** Valid answers (only known keys, trimmed, non-empty) and per-question errors (i18n keys), keyed `answer_<key>`. */
export function checkAnswers(
  questions: readonly CategoryQuestion[],
  raw: Readonly<Record<string, unknown>>,
): { answers: Record<string, string>; errors: FieldErrors } {
  const answers: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const q of questions) {
    const v = raw[q.key];
    const value = typeof v === 'string' ? v.trim() : '';
    const field = `answer_${q.key}`;
    if (!value) {
      if (q.required) errors[field] = 'signals.error.answerRequired';
      continue;
    }
    if (value.length > MAX_ANSWER_LENGTH) {
      errors[field] = 'signals.error.answerTooLong';
      continue;
    }
    const allowed = q.type === 'yesno' ? ['ja', 'nee'] : q.type === 'select' ? (q.options ?? []) : null;
    if (allowed && !allowed.includes(value)) {
      errors[field] = 'signals.error.answerChoice';
      continue;
    }
    answers[q.key] = value;
  }
  return { answers, errors };
}
