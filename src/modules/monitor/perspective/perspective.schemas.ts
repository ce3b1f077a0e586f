/** Forms of the wijkperspectief page (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { multiLine, singleLine } from '../../../platform/input.ts';
import { UUID_RE } from '../../../platform/ids.ts';
import { CONTRIBUTION_KINDS } from './perspective.questions.ts';

export const MAX_TEXT = 2000;
export const MAX_PRIORITIES = 20;
export const MAX_PRIORITY = 300;
export const MAX_CHANGE_NOTE = 200;

/** `:code` of the page (any text up to 20 characters; the service answers 404 for an unknown area). */
export const areaParam = { code: z.string().max(20) };
export const versionParams = { code: z.string().max(20), version: z.coerce.number().int().min(1).max(100_000) };

/** `?versie=2`: an earlier version; anything else is ignored. */
export const pageQuery = z.object({
  versie: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  klaar: z.enum(['bijdrage', 'bewaard', 'vastgesteld']).optional().catch(undefined),
});

export const contributionForm = z.object({
  kind: z.enum(CONTRIBUTION_KINDS, 'monitor.perspective.error.kind'),
  question: z
    .string()
    .regex(/^(|[1-9]|10)$/, 'monitor.perspective.error.question')
    .default('')
    .transform((v) => (v === '' ? null : Number(v))),
  text: multiLine(z.string().trim().min(1, 'monitor.perspective.error.text').max(MAX_TEXT, 'monitor.perspective.error.text')),
  organisation: z
    .string()
    .refine((v) => v === '' || UUID_RE.test(v), 'monitor.perspective.error.organisation')
    .default('')
    .transform((v) => (v === '' ? null : v)),
});

export const versionForm = z.object({
  priorities: multiLine(z.string().max(MAX_PRIORITIES * (MAX_PRIORITY + 2), 'monitor.perspective.error.priorities'))
    .default('')
    .transform((v) =>
      v
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    )
    .refine((l) => l.length <= MAX_PRIORITIES && l.every((p) => p.length <= MAX_PRIORITY), 'monitor.perspective.error.priorities'),
  agreedWith: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((l) => l.every((id) => UUID_RE.test(id)), 'monitor.perspective.error.organisation'),
  changeNote: singleLine(
    z.string().trim().max(MAX_CHANGE_NOTE, 'monitor.perspective.error.changeNote'),
    'monitor.perspective.error.changeNote',
  ).default(''),
});
export type VersionForm = z.output<typeof versionForm>;
