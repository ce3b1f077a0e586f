/** Forms and queries of the action table (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { emptyAsAbsent, multiLine, singleLine } from '../../../platform/input.ts';
import { UUID_RE } from '../../../platform/ids.ts';

export const ANGLES = ['broaden', 'deepen', 'connect'] as const;
export type Angle = (typeof ANGLES)[number];
export const MAX_ACTION = 1000;
export const MAX_SHORT = 300;
export const MAX_ANCHORING = 10;
export const MAX_ANCHOR = 200;

/** `:programme` is the programme's slug; `:id` an action row. */
export const programmeParam = { programme: z.string().max(100) };
export const actionParams = { programme: z.string().max(100), id: z.string().regex(UUID_RE) };

/**
 * The filters of the table (a plain GET form): `?hoek=broaden` and `?borging=Beleidsplan Wmo`;
 * an unknown angle or an over-long anchoring is ignored (the whole table is shown).
 */
export const filterQuery = emptyAsAbsent(
  z.object({
    hoek: z.enum(ANGLES).optional().catch(undefined),
    borging: z.string().max(MAX_ANCHOR).optional().catch(undefined),
    klaar: z.enum(['toegevoegd', 'bewaard']).optional().catch(undefined),
  }),
);
export type ActionFilter = { angle?: Angle | undefined; anchoring?: string | undefined };

const oneLine = (max: number, key: 'programmes.actions.error.short' | 'programmes.actions.error.targetGroup') =>
  singleLine(z.string().trim().max(max, key), key).default('');

export const actionForm = z.object({
  number: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{0,3}$/, 'programmes.actions.error.number')
    .transform(Number),
  targetGroup: oneLine(MAX_SHORT, 'programmes.actions.error.targetGroup'),
  action: multiLine(z.string().trim().min(1, 'programmes.actions.error.action').max(MAX_ACTION, 'programmes.actions.error.action')),
  initiator: oneLine(MAX_SHORT, 'programmes.actions.error.short'),
  planning: oneLine(MAX_SHORT, 'programmes.actions.error.short'),
  angles: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(ANGLES, 'programmes.actions.error.angles')).max(3, 'programmes.actions.error.angles'))
    .transform((l) => ANGLES.filter((a) => l.includes(a))),
  anchoring: multiLine(z.string().max(MAX_ANCHORING * (MAX_ANCHOR + 2), 'programmes.actions.error.anchoring'))
    .default('')
    .transform((v) =>
      v
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    )
    .refine((l) => l.length <= MAX_ANCHORING && l.every((a) => a.length <= MAX_ANCHOR), 'programmes.actions.error.anchoring'),
});
export type ActionInput = z.output<typeof actionForm>;
