/**
 * Prints the Markdown table of a module's policy rules for docs/authorization.md:
 * `npx tsx scripts/authz-table.ts <module>` (test/lint/policies.test.ts checks they agree).
 */
import { SUBJECTS } from '../src/platform/principal.ts';

async function main(): Promise<void> {
  const mod = process.argv[2];
  if (!mod || !/^[a-z]+$/.test(mod)) throw new Error('Usage: npx tsx scripts/authz-table.ts <module>');
  const { RULES } = (await import(`../src/modules/${mod}/policies.ts`)) as { RULES: Record<string, Record<string, string>> };
  const lines = [`| action | ${SUBJECTS.join(' | ')} |`, `|${['action', ...SUBJECTS].map(() => '---').join('|')}|`];
  for (const [action, reach] of Object.entries(RULES)) {
    lines.push(`| \`${action}\` | ${SUBJECTS.map((s) => reach[s] ?? '—').join(' | ')} |`);
  }
  console.log(lines.join('\n'));
}

void main();
