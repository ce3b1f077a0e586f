import { z } from 'zod';
import { EMAIL_MAX } from '../people.schemas.ts';
import { PASSWORD_MAX } from './password.ts';

/** Limits of the sign-in forms (the e-mail address's is in people.schemas.ts), used by the schemas, the routes and the views. */
export const REGISTER_NAME_MAX = 100;
/** The municipality chosen at registration (an id). */
export const TENANT_FIELD_MAX = 64;
/** Bytes of the encrypted, pending TOTP secret carried by the set-up form. */
export const PENDING_SECRET_MAX = 500;

/** Pragmatic e-mail check (WHATWG input type=email); the real check is the mail we send. */
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export const emailField = z
  .string('form.required')
  .trim()
  .toLowerCase()
  .min(1, 'form.required')
  .max(EMAIL_MAX, 'form.tooLong')
  .regex(EMAIL_RE, 'form.invalidEmail');

/** A password as typed at sign-in: anything up to a sane limit (old passwords may not meet today's rules). */
const currentPassword = z.string('form.required').min(1, 'form.required').max(1024, 'form.tooLong');
/** A new password: length is checked by passwordProblem, with its own messages. */
const newPassword = z
  .string('form.required')
  .min(1, 'form.required')
  .max(PASSWORD_MAX * 4, 'auth.password.tooLong');

export const signinForm = z.object({ email: emailField, password: currentPassword });
export const emailForm = z.object({ email: emailField });
export const codeForm = z.object({ code: z.string('form.required').trim().min(1, 'form.required').max(20, 'auth.mfa.wrongCode') });
export const resetForm = z.object({
  password: newPassword,
  password2: z
    .string('form.required')
    .min(1, 'form.required')
    .max(PASSWORD_MAX * 4, 'form.tooLong'),
});
export const registerForm = z.object({
  name: z.string('form.required').trim().min(1, 'form.required').max(REGISTER_NAME_MAX, 'form.tooLong'),
  email: emailField,
  password: z
    .string()
    .max(PASSWORD_MAX * 4, 'auth.password.tooLong')
    .optional()
    .default(''),
  tenant: z
    .string('auth.register.unknownMunicipality')
    .min(1, 'auth.register.unknownMunicipality')
    .max(TENANT_FIELD_MAX, 'auth.register.unknownMunicipality'),
});
export const enableTotpForm = z.object({
  pending: z.string('auth.twostep.badSetup').min(1, 'auth.twostep.badSetup').max(PENDING_SECRET_MAX, 'auth.twostep.badSetup'),
  code: codeForm.shape.code,
});
