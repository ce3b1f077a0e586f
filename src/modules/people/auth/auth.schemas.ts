import { z } from 'zod';
import { PASSWORD_MAX } from './password.ts';

/** Pragmatic e-mail check (WHATWG input type=email); the real check is the mail we send. */
const EMAIL_RE =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export const emailField = z
  .string('form.required')
  .trim()
  .toLowerCase()
  .min(1, 'form.required')
  .max(254, 'form.tooLong')
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
  name: z.string('form.required').trim().min(1, 'form.required').max(100, 'form.tooLong'),
  email: emailField,
  password: z
    .string()
    .max(PASSWORD_MAX * 4, 'auth.password.tooLong')
    .optional()
    .default(''),
  tenant: z
    .string('auth.register.unknownMunicipality')
    .min(1, 'auth.register.unknownMunicipality')
    .max(64, 'auth.register.unknownMunicipality'),
});
export const enableTotpForm = z.object({
  pending: z.string('auth.twostep.badSetup').min(1, 'auth.twostep.badSetup').max(500, 'auth.twostep.badSetup'),
  code: codeForm.shape.code,
});
