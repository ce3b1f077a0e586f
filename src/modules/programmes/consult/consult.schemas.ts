/** Forms of the consultation pages (zod; messages are i18n keys). */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';

export const forumParam = { forum: z.string().max(40) };
export const meetingParams = { forum: z.string().max(40), meeting: z.string().max(40) };
export const itemParams = { forum: z.string().max(40), meeting: z.string().max(40), item: z.string().max(40) };

const isDay = (v: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(v) && DateTime.fromISO(v).isValid;
const optionalDay = (message: 'programmes.consult.error.day' | 'programmes.consult.error.dueOn') =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isDay(v), message)
    .transform((v) => (v === '' ? null : v));

export const forumForm = z.object({
  name: singleLine(z.string().trim().min(1, 'programmes.consult.error.name').max(200, 'programmes.consult.error.name')),
  kind: z.enum(['working_group', 'network', 'panel', 'sounding_board', 'other'], 'programmes.consult.error.choice'),
  rhythm: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^[0-9]{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 24), 'programmes.consult.error.rhythm')
    .transform((v) => (v === '' ? null : Number(v))),
  description: multiLine(z.string().trim().max(2000, 'programmes.consult.error.text')).default(''),
});

export const planForm = z.object({ day: optionalDay('programmes.consult.error.day') });

export const agendaForm = z.object({
  kind: z.enum(['project', 'signal', 'other'], 'programmes.consult.error.choice'),
  project: z.string().max(40).default(''),
  signal: singleLine(z.string().trim().max(40, 'programmes.consult.error.signal')).default(''),
  title: singleLine(z.string().trim().max(200, 'programmes.consult.error.title')).default(''),
});

export const itemForm = z.object({
  kind: z.enum(['decision', 'action'], 'programmes.consult.error.choice'),
  text: multiLine(z.string().trim().min(1, 'programmes.consult.error.text').max(1000, 'programmes.consult.error.text')),
  ownerRole: singleLine(z.string().trim().max(120, 'programmes.consult.error.ownerRole')).default(''),
  dueOn: optionalDay('programmes.consult.error.dueOn'),
});

export const heldForm = z.object({ notes: multiLine(z.string().trim().max(4000, 'programmes.consult.error.text')).default('') });
