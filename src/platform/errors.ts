/**
 * The error catalogue. Services throw these; the error handler turns them into an accessible
 * error page (HTML) or `{error:{code,message,fields}}` (JSON). Messages are i18n keys.
 */
import type { MessageKey, MessageVars } from './i18n/index.ts';

/** Field name → message key of what is wrong with it (a key, never translated text: the form or error page translates it). */
export type FieldErrors = Record<string, MessageKey>;

export class AppError extends Error {
  declare readonly message: MessageKey;
  constructor(
    public readonly status: number,
    public readonly code: string,
    /** Message key of what the user sees. */
    message: MessageKey,
    public readonly fields?: FieldErrors,
    /** Placeholders for the message. */
    public readonly vars?: MessageVars,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const NotFound = (message: MessageKey = 'error.notFound') => new AppError(404, 'not_found', message);
export const Forbidden = (message: MessageKey = 'error.forbidden') => new AppError(403, 'forbidden', message);
export const Unauthorized = (message: MessageKey = 'error.unauthorized') => new AppError(401, 'unauthorized', message);
/** Input that fails validation; fields maps a field name to an i18n key. */
export const Invalid = (fields: FieldErrors, message: MessageKey = 'error.invalid') => new AppError(422, 'invalid', message, fields);
export const Conflict = (message: MessageKey = 'error.conflict', fields?: FieldErrors) => new AppError(409, 'conflict', message, fields);
export const TooManyRequests = (message: MessageKey = 'error.tooManyRequests') => new AppError(429, 'too_many_requests', message);
export const BadRequest = (message: MessageKey = 'error.badRequest', fields?: FieldErrors) =>
  new AppError(400, 'bad_request', message, fields);
