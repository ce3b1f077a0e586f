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

/** Limits of the people forms, used by the schemas, the services and the views (maxLength). */
export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 40;
export const ADDRESS_MAX = 300;

export const emailSchema = z.string().trim().toLowerCase().max(EMAIL_MAX, 'form.tooLong').pipe(z.email('form.invalidEmail'));
const requiredText = (max: number) => z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'form.tooLong')
    .optional()
    .transform((v) => (v ? v : null));

export const organisationForm = z.object({
  name: requiredText(NAME_MAX),
  kind: z.enum(ORGANISATION_KINDS as [OrganisationKind, ...OrganisationKind[]], 'people.org.kindInvalid'),
});

export const inviteForm = z.object({
  email: z.string('form.required').trim().min(1, 'form.required').pipe(emailSchema),
  name: requiredText(NAME_MAX),
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

const PHONE_RE = new RegExp(`^[0-9+()\\s-]{6,${PHONE_MAX}}$`);

export const profileForm = z.object({
  name: requiredText(NAME_MAX),
  locale: z.enum(['nl', 'en'], 'people.account.localeInvalid'),
  phone: optionalText(PHONE_MAX).refine((v) => v === null || PHONE_RE.test(v), 'people.account.phoneInvalid'),
  address: optionalText(ADDRESS_MAX),
});

export const deleteAccountForm = z.object({
  confirmEmail: z.string('form.required').trim().min(1, 'form.required'),
});

/**
 * The invitation form, as posted: which fields count depends on the invitation (a new account needs
 * name and password, an existing one only the button), so the route checks acceptNewUserForm itself.
 */
const postedText = z.string().optional().catch(undefined);
export const invitationForm = z.object({ name: postedText, password: postedText, password2: postedText });

export const acceptNewUserForm = z
  .object({
    name: requiredText(NAME_MAX),
    password: z.string('form.required').min(1, 'form.required'),
    password2: z.string('form.required').min(1, 'form.required'),
  })
  .refine((v) => v.password === v.password2, { message: 'people.invite.passwordsDiffer', path: ['password2'] });

/** Path parameters that name a row by its id: anything else is no page (404). */
export const idParams = { id: z.string().regex(UUID_RE) };

/** The invitation token in `/uitnodiging/{token}`: any text here, so that getInvitation answers a malformed one as it does an unknown one (400). */
export const tokenParams = { token: z.string() };

/** No fields besides the CSRF token (a button). */
export const emptyForm = z.object({});

/** Submitted text values to fill a form in again (the edge gives arrays for repeated fields; these forms have none). */
export function textValues(values: Readonly<Record<string, string | string[]>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') out[k] = v;
  return out;
}
