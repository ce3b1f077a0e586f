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
