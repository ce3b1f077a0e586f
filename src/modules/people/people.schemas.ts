import { z } from 'zod';
import type { OrganisationKind } from './people.tables.ts';
import type { Role } from '../../platform/roles.ts';
import { isUuid, UUID_RE } from '../../platform/ids.ts';

export const ROLES: readonly Role[] = ['resident', 'volunteer', 'professional', 'coordinator', 'admin'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'gemeente',
  'welzijn',
  'woningcorporatie',
  'zorgaanbieder',
  'politie',
  'kerk',
  'vereniging',
  'school',
  'overig',
];
/** Roles an organisation can invite someone into. */
export const INVITE_ROLES = ['professional', 'coordinator'] as const;

export const emailSchema = z.string().trim().toLowerCase().max(254, 'form.tooLong').pipe(z.email('form.invalidEmail'));
const requiredText = (max: number) => z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

export const organisationForm = z.object({
  name: requiredText(200),
  kind: z.enum(ORGANISATION_KINDS as [OrganisationKind, ...OrganisationKind[]], 'people.org.kindInvalid'),
});

export const inviteForm = z.object({
  email: z.string('form.required').trim().min(1, 'form.required').pipe(emailSchema),
  name: requiredText(200),
  role: z.enum(INVITE_ROLES, 'people.roleInvalid'),
});

export const addRoleForm = z.object({
  userId: z.string('form.required').regex(UUID_RE, 'people.userUnknown'),
  role: z.enum(ROLES as [Role, ...Role[]], 'people.roleInvalid'),
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isUuid(v), 'people.org.notInTenant'),
});

export const profileForm = z.object({
  name: requiredText(200),
  locale: z.enum(['nl', 'en'], 'people.account.localeInvalid'),
  phone: optionalText(40).refine((v) => v === null || /^[0-9+()\s-]{6,40}$/.test(v), 'people.account.phoneInvalid'),
  address: optionalText(300),
});

export const deleteAccountForm = z.object({
  confirmEmail: z.string('form.required').trim().min(1, 'form.required'),
});

export const acceptNewUserForm = z
  .object({
    name: requiredText(200),
    password: z.string('form.required').min(1, 'form.required'),
    password2: z.string('form.required').min(1, 'form.required'),
  })
  .refine((v) => v.password === v.password2, { message: 'people.invite.passwordsDiffer', path: ['password2'] });

export const idParams = z.object({ tenant: z.string(), id: z.string() });
