/** Forms of the signals settings pages (zod; messages are i18n keys) and the checks on extra questions. */
import { z } from 'zod';
import type { CategoryQuestion } from './signals.tables.ts';
import { SIGNAL_STATES } from './workflow.ts';
import { UUID_RE, UUID_SOURCE } from '../../platform/ids.ts';

const UUID_OR_EMPTY = new RegExp(`^$|^${UUID_SOURCE}$`, 'i');
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const MAX_TEXT = 5000;
export const MAX_OPTIONS = 20;

const text = (max: number, required = true) =>
  required
    ? z.string('form.required').trim().min(1, 'form.required').max(max, 'signals.config.error.tooLong')
    : z.string().trim().max(max, 'signals.config.error.tooLong').optional().default('');
const checkbox = z
  .union([z.literal('1'), z.literal('on'), z.literal('')])
  .optional()
  .transform((v) => v === '1' || v === 'on');
const int = (min: number, max: number, message: string) =>
  z
    .string(message)
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

export const groupForm = z.object({
  code: z
    .string('form.required')
    .trim()
    .min(1, 'form.required')
    .max(60, 'signals.config.error.slug')
    .regex(SLUG, 'signals.config.error.slug'),
  name: text(120),
  description: text(500, false),
});

const categoryFields = {
  name: text(120),
  description: text(500, false),
  groupId: z.string('signals.config.error.group').regex(UUID_RE, 'signals.config.error.group'),
  deadlineDays: int(0, 365, 'signals.config.error.deadline'),
  position: int(0, 9999, 'signals.config.error.position'),
  sensitive: checkbox,
  active: checkbox,
};
export const categoryEditForm = z.object(categoryFields);
export const categoryCreateForm = z.object({
  ...categoryFields,
  serviceCode: z
    .string('form.required')
    .trim()
    .min(1, 'form.required')
    .max(60, 'signals.config.error.slug')
    .regex(SLUG, 'signals.config.error.slug'),
});
export type CategoryEditInput = z.infer<typeof categoryEditForm>;
export type CategoryCreateInput = z.infer<typeof categoryCreateForm>;

export const questionForm = z.object({
  key: z.string().trim().max(40, 'signals.config.error.questionKey').optional().default(''),
  label: text(200),
  type: z.enum(['text', 'select', 'yesno'], 'signals.config.error.questionType'),
  required: checkbox,
  options: z.string().max(4000, 'signals.config.error.tooLong').optional().default(''),
  hardStopAnswer: text(100, false),
  hardStopMessage: text(500, false),
});
export type QuestionInput = z.infer<typeof questionForm>;

/**
 * Turn a question form into a question, checking the rules a zod schema cannot see alone: a key that
 * is a slug and unique in the category, options for a select, and a hard-stop answer that can be given.
 * Returns field errors (i18n keys) or the question.
 */
export function buildQuestion(
  input: QuestionInput,
  key: string,
  otherKeys: readonly string[],
): { ok: true; question: CategoryQuestion } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!QUESTION_KEY.test(key)) errors.key = 'signals.config.error.questionKey';
  else if (otherKeys.includes(key)) errors.key = 'signals.config.error.questionKeyTaken';
  const options = [
    ...new Set(
      input.options
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  ];
  if (input.type === 'select') {
    if (options.length < 2) errors.options = 'signals.config.error.optionsMin';
    else if (options.length > MAX_OPTIONS || options.some((o) => o.length > 100)) errors.options = 'signals.config.error.optionsMax';
  }
  const answer = input.hardStopAnswer;
  const message = input.hardStopMessage;
  let hardStop: CategoryQuestion['hardStop'];
  if (answer || message) {
    if (!answer) errors.hardStopAnswer = 'signals.config.error.hardStopAnswerMissing';
    else if (!message) errors.hardStopMessage = 'signals.config.error.hardStopMessageMissing';
    else if (input.type === 'text') errors.hardStopAnswer = 'signals.config.error.hardStopText';
    else {
      const allowed = input.type === 'yesno' ? ['ja', 'nee'] : options;
      const match = allowed.find((o) => o.toLowerCase() === answer.toLowerCase());
      if (!match) {
        errors.hardStopAnswer = input.type === 'yesno' ? 'signals.config.error.hardStopYesNo' : 'signals.config.error.hardStopOption';
      } else hardStop = { answer: match, message };
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const question: CategoryQuestion = {
    key,
    label: input.label,
    type: input.type,
    required: input.required,
    ...(input.type === 'select' ? { options } : {}),
    ...(hardStop ? { hardStop } : {}),
  };
  return { ok: true, question };
}

export const routingRuleForm = z.object({
  target: z
    .string()
    .trim()
    .regex(new RegExp(`^$|^(groep|categorie):${UUID_SOURCE}$`, 'i'), 'signals.config.error.target')
    .optional()
    .default(''),
  area: z.string().trim().max(20, 'signals.config.error.area').optional().default(''),
  organisationId: z.string('signals.config.error.organisation').regex(UUID_RE, 'signals.config.error.organisation'),
});

export const routeTestQuery = z.object({
  categorie: z.string().regex(UUID_RE).optional(),
  gebied: z.string().max(20).optional().default(''),
});

export const defaultDeskForm = z.object({
  organisationId: z.string('signals.config.error.organisation').regex(UUID_RE, 'signals.config.error.organisation'),
});

export const standardTextForm = z.object({
  state: z.enum(SIGNAL_STATES, 'signals.config.error.state'),
  categoryId: z.string().regex(UUID_OR_EMPTY, 'signals.config.error.category').optional().default(''),
  text: z.string('form.required').trim().min(1, 'form.required').max(MAX_TEXT, 'signals.config.error.textTooLong'),
});

export const standardTextDeleteForm = z.object({
  state: z.enum(SIGNAL_STATES, 'signals.config.error.state'),
  categoryId: z.string().regex(UUID_OR_EMPTY, 'signals.config.error.category').optional().default(''),
});
