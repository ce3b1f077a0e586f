/**
 * Reading a field of an input that has no schema yet (request hooks run before validation; error
 * details come from libraries): a string or nothing, without casting the whole object.
 */
export function stringField(input: unknown, key: string): string | undefined {
  if (input === null || typeof input !== 'object' || !(key in input)) return undefined;
  const value: unknown = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** A nested array of path segments (`issue.path` of a zod error detail), joined with dots. */
export function issuePath(params: unknown): string {
  if (params === null || typeof params !== 'object' || !('issue' in params)) return '';
  const issue: unknown = params.issue;
  if (issue === null || typeof issue !== 'object' || !('path' in issue) || !Array.isArray(issue.path)) return '';
  return issue.path.map(String).join('.');
}

/** What an error message needs of a zod issue in a validation detail's `params`. */
export interface IssueFacts {
  code?: string;
  origin?: string;
  maximum?: number;
  minimum?: number;
}

/**
 * The facts of a zod issue from a validation detail: fastify-type-provider-zod puts the issue's
 * fields (without path, code and message) in `params` and the code in `keyword`; the route edge's
 * own details carry the whole issue as `params.issue`.
 */
export function issueFacts(params: unknown, keyword?: string): IssueFacts {
  if (params === null || typeof params !== 'object') return keyword ? { code: keyword } : {};
  const issue: unknown = 'issue' in params ? params.issue : params;
  if (issue === null || typeof issue !== 'object') return keyword ? { code: keyword } : {};
  const num = (key: string): number | undefined => {
    const v: unknown = (issue as Record<string, unknown>)[key];
    return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : undefined;
  };
  const facts: IssueFacts = {};
  const code = stringField(issue, 'code') ?? keyword;
  const origin = stringField(issue, 'origin');
  const maximum = num('maximum');
  const minimum = num('minimum');
  if (code !== undefined) facts.code = code;
  if (origin !== undefined) facts.origin = origin;
  if (maximum !== undefined) facts.maximum = maximum;
  if (minimum !== undefined) facts.minimum = minimum;
  return facts;
}
