/** Forms and limits of the youth channel (ideas and polls per wijk). Messages are i18n keys. */
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';

export const MAX_IDEA = 500;
export const MAX_NICKNAME = 30;
export const MAX_RESPONSE = 1000;
export const MAX_QUESTION = 200;
export const MAX_OPTION = 80;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 6;
/** Posting is limited per client address (best effort against floods; the device rule is separate). */
export const IDEA_RATE_LIMIT = { max: 10, timeWindow: '1 minute' };
export const POLL_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };
/** How long the device cookie lives (one year). */
export const DEVICE_COOKIE_DAYS = 365;

export const IDEA_STATUSES = ['new', 'seen', 'growing', 'became_initiative', 'not_now', 'done'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
export const MODERATIONS = ['pending', 'shown', 'hidden'] as const;
export type Moderation = (typeof MODERATIONS)[number];

/** `:code` of a wijk (the service answers 404 for an unknown one). */
export const wijkParam = { code: z.string().max(20) };
export const pollParams = { code: z.string().max(20), id: z.uuid() };
export const ideaParam = { id: z.uuid() };

export const noticeQuery = z.object({
  klaar: z.enum(['idee', 'antwoord', 'opgeslagen', 'peiling']).optional().catch(undefined),
});

/**
 * A nickname is a first name or a made-up name: one or two words, no digits-only, never a full
 * name with a surname prefix. We cannot check "never a full name" for sure; the form says so and
 * moderation catches the rest. We refuse three or more words and e-mail addresses or phone numbers.
 */
export function isNickname(v: string): boolean {
  if (v === '') return true;
  if (v.split(/\s+/).length > 2) return false;
  if (/@|\d{5,}/.test(v)) return false;
  return true;
}

export const ideaForm = z.object({
  text: multiLine(z.string().trim().min(3, 'initiatives.youth.error.text').max(MAX_IDEA, 'initiatives.youth.error.text')),
  nickname: singleLine(z.string().trim().max(MAX_NICKNAME, 'initiatives.youth.error.nickname'))
    .default('')
    .refine(isNickname, 'initiatives.youth.error.nickname'),
});

export const answerForm = z.object({
  answer: z.string().regex(/^[a-z0-9]{1,10}$/, 'initiatives.youth.error.answer'),
});

export const moderateForm = z.object({
  moderation: z.enum(MODERATIONS, 'initiatives.youth.error.moderation'),
  status: z.enum(IDEA_STATUSES, 'initiatives.youth.error.status'),
  response: multiLine(z.string().trim().max(MAX_RESPONSE, 'initiatives.youth.error.response')).default(''),
  /** The reference of the application an adult submitted for the idea ("INI-2026-0007"), to link it; empty: none. */
  reference: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(|INI-\d{4}-\d{4,6})$/, 'initiatives.youth.error.reference')
    .default(''),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'initiatives.youth.error.day');

export const pollForm = z.object({
  area: z.string().max(20).default(''),
  question: singleLine(z.string().trim().min(5, 'initiatives.youth.error.question').max(MAX_QUESTION, 'initiatives.youth.error.question')),
  options: multiLine(z.string().max(MAX_OPTIONS * (MAX_OPTION + 2), 'initiatives.youth.error.options'))
    .default('')
    .transform((v) =>
      v
        .split('\n')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    )
    .refine(
      (xs) => xs.length >= MIN_OPTIONS && xs.length <= MAX_OPTIONS && xs.every((x) => x.length <= MAX_OPTION),
      'initiatives.youth.error.options',
    ),
  opensOn: day,
  closesOn: day,
});
