/** Forms of the signals settings pages (zod; messages are i18n keys) and the checks on extra questions. */
import { z } from 'zod';
import type { RuleTarget } from './categories.service.ts';
import type { CategoryQuestion } from '../signals.tables.ts';
import { SIGNAL_STATES } from '../workflow.ts';
import { UUID_RE, UUID_SOURCE } from '../../../platform/ids.ts';
import type { FieldErrors } from '../../../platform/errors.ts';

const UUID_OR_EMPTY = new RegExp(`^$|^${UUID_SOURCE}$`, 'i');
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
/** A standard text. */
export const MAX_TEXT = 5000;
/** Options of a select question. */
export const MAX_OPTIONS = 20;
/** Characters of one option of a select question, of a hard-stop answer. */
export const MAX_OPTION = 100;
/** Characters of all options as typed (one per line). */
export const MAX_OPTIONS_INPUT = 4000;
/** Characters of a group's or category's name. */
export const MAX_NAME = 120;
/** Characters of a group's code or a category's service code. */
export const MAX_CODE = 60;
/** Characters of a group's or category's description, of a hard-stop message. */
export const MAX_DESCRIPTION = 500;
/** Characters of a question's label. */
export const MAX_LABEL = 200;
/** Characters of a question's key. */
export const MAX_KEY = 40;
/** Characters of an area code (wijk or buurt). */
export const MAX_AREA_CODE = 20;
/** Days of a category's deadline. */
export const MAX_DEADLINE_DAYS = 365;
/** A category's position in its group. */
export const MAX_POSITION = 9999;

/** `?opgeslagen=1` after a save; anything else is ignored. */
export const savedQuery = z.object({ opgeslagen: z.string().optional().catch(undefined) });
/** A form without fields (a button): only the CSRF token. */
export const noFields = z.object({});
/** Path parameters: a malformed id or key is no page (404). */
export const categoryIdParam = { id: z.string().regex(UUID_RE) };
/** A question's key in a URL: the category's questions are searched for it (404 when none has it). */
export const questionKeyParam = { key: z.string().min(1).max(100) };
export const ruleIdParam = { id: z.string().regex(UUID_RE) };

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
    .max(MAX_CODE, 'signals.config.error.slug')
    .regex(SLUG, 'signals.config.error.slug'),
  name: text(MAX_NAME),
  description: text(MAX_DESCRIPTION, false),
});

/** A group's texts (its code never changes); English ones optional (issue 12). */
export const groupEditForm = z.object({
  name: text(MAX_NAME),
  description: text(MAX_DESCRIPTION, false),
  nameEn: text(MAX_NAME, false),
  descriptionEn: text(MAX_DESCRIPTION, false),
});
export type GroupEditInput = z.infer<typeof groupEditForm>;
export const groupIdParam = { id: z.string().regex(UUID_RE) };

const categoryFields = {
  name: text(MAX_NAME),
  description: text(MAX_DESCRIPTION, false),
  /** English texts (issue 12); empty: the Dutch ones are shown on English pages too. */
  nameEn: text(MAX_NAME, false),
  descriptionEn: text(MAX_DESCRIPTION, false),
  groupId: z.string('signals.config.error.group').regex(UUID_RE, 'signals.config.error.group'),
  deadlineDays: int(0, MAX_DEADLINE_DAYS, 'signals.config.error.deadline'),
  position: int(0, MAX_POSITION, 'signals.config.error.position'),
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
    .max(MAX_CODE, 'signals.config.error.slug')
    .regex(SLUG, 'signals.config.error.slug'),
});
export type CategoryEditInput = z.infer<typeof categoryEditForm>;
export type CategoryCreateInput = z.infer<typeof categoryCreateForm>;

export const questionForm = z.object({
  key: z.string().trim().max(MAX_KEY, 'signals.config.error.questionKey').optional().default(''),
  label: text(MAX_LABEL),
  type: z.enum(['text', 'select', 'yesno'], 'signals.config.error.questionType'),
  required: checkbox,
  options: z.string().max(MAX_OPTIONS_INPUT, 'signals.config.error.tooLong').optional().default(''),
  hardStopAnswer: text(MAX_OPTION, false),
  hardStopMessage: text(MAX_DESCRIPTION, false),
  /** English label and options (issue 12); empty: English pages show the Dutch ones. */
  labelEn: text(MAX_LABEL, false),
  optionsEn: z.string().max(MAX_OPTIONS_INPUT, 'signals.config.error.tooLong').optional().default(''),
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
): { ok: true; question: CategoryQuestion } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!QUESTION_KEY.test(key)) errors.key = 'signals.config.error.questionKey';
  else if (otherKeys.includes(key)) errors.key = 'signals.config.error.questionKeyTaken';
  const options = [...new Set(lines(input.options))];
  if (input.type === 'select') {
    if (options.length < 2) errors.options = 'signals.config.error.optionsMin';
    else if (options.length > MAX_OPTIONS || options.some((o) => o.length > MAX_OPTION)) errors.options = 'signals.config.error.optionsMax';
  }
  // English options label the Dutch ones by position (the stored answer stays Dutch): as many, in the same order.
  const optionsEn = lines(input.optionsEn);
  if (optionsEn.length > 0 && input.type !== 'select') errors.optionsEn = 'signals.config.error.optionsEnType';
  else if (optionsEn.length > 0 && !errors.options && optionsEn.length !== options.length) {
    errors.optionsEn = 'signals.config.error.optionsEnCount';
  } else if (optionsEn.some((o) => o.length > MAX_OPTION)) errors.optionsEn = 'signals.config.error.optionsMax';
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
    ...(input.labelEn ? { labelEn: input.labelEn } : {}),
    ...(input.type === 'select' && optionsEn.length > 0 ? { optionsEn } : {}),
  };
  return { ok: true, question };
}

/** The non-empty lines of a textarea, trimmed. */
const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((o) => o.trim())
    .filter(Boolean);

export const routingRuleForm = z.object({
  target: z
    .string()
    .trim()
    .regex(new RegExp(`^$|^(groep|categorie):${UUID_SOURCE}$`, 'i'), 'signals.config.error.target')
    .optional()
    .default('')
    .transform((v): RuleTarget => {
      const [kind, id = ''] = v.split(':');
      return kind === 'groep' ? { kind: 'group', id } : kind === 'categorie' ? { kind: 'category', id } : { kind: 'all' };
    }),
  area: z.string().trim().max(MAX_AREA_CODE, 'signals.config.error.area').optional().default(''),
  organisationId: z.string('signals.config.error.organisation').regex(UUID_RE, 'signals.config.error.organisation'),
});

/** The route tester's question (`?categorie=<id>&gebied=<code>`); a malformed value is null (the page says so), and `?opgeslagen=1` after a save. */
export const routeTestQuery = z.object({
  categorie: z.string().regex(UUID_RE).nullable().optional().catch(null),
  gebied: z.string().max(MAX_AREA_CODE).nullable().optional().catch(null),
  opgeslagen: z.string().optional().catch(undefined),
});

export const defaultDeskForm = z.object({
  organisationId: z.string('signals.config.error.organisation').regex(UUID_RE, 'signals.config.error.organisation'),
});

export const standardTextForm = z.object({
  state: z.enum(SIGNAL_STATES, 'signals.config.error.state'),
  categoryId: z.string().regex(UUID_OR_EMPTY, 'signals.config.error.category').optional().default(''),
  text: z.string('form.required').trim().min(1, 'form.required').max(MAX_TEXT, 'signals.config.error.textTooLong'),
  /** English text for reporters who reported in English (issue 12); empty: they get the Dutch one. */
  textEn: z.string().trim().max(MAX_TEXT, 'signals.config.error.textTooLong').optional().default(''),
});

export const standardTextDeleteForm = z.object({
  state: z.enum(SIGNAL_STATES, 'signals.config.error.state'),
  categoryId: z.string().regex(UUID_OR_EMPTY, 'signals.config.error.category').optional().default(''),
});
