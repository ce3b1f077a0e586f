/**
 * The error catalogue. Services throw these; the error handler turns them into an accessible
 * error page (HTML) or `{error:{code,message,fields}}` (JSON). Messages are i18n keys.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    /** i18n key or plain message shown to the user. */
    message: string,
    public readonly fields?: FieldErrors,
    /** Placeholders for the message. */
    public readonly vars?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const NotFound = (message = 'error.notFound') => new AppError(404, 'not_found', message);
export const Forbidden = (message = 'error.forbidden') => new AppError(403, 'forbidden', message);
export const Unauthorized = (message = 'error.unauthorized') => new AppError(401, 'unauthorized', message);
/** Input that fails validation; fields maps a field name to an i18n key. */
export const Invalid = (fields: FieldErrors, message = 'error.invalid') => new AppError(422, 'invalid', message, fields);
export const Conflict = (message = 'error.conflict', fields?: FieldErrors) => new AppError(409, 'conflict', message, fields);
export const TooManyRequests = (message = 'error.tooManyRequests') => new AppError(429, 'too_many_requests', message);
export const BadRequest = (message = 'error.badRequest', fields?: FieldErrors) => new AppError(400, 'bad_request', message, fields);
