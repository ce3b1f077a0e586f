import { readFileSync, statSync } from 'node:fs';
import type { Command } from './commands.ts';
import { translator } from '../platform/i18n/index.ts';
import { findTenantById, findTenantBySlug } from '../modules/areas/areas.service.ts';
import { importHsds } from '../modules/socialmap/hsds/import.ts';
import { reportLines } from '../modules/socialmap/hsds/report.ts';
import { systemActor } from '../modules/socialmap/actor.ts';
import '../modules/socialmap/socialmap.messages.ts';

const USAGE = `Usage: samenhang import-hsds --tenant <slug|GMxxxx> <file.json> [--allow-outside]
  Imports an Open Referral HSDS 3.0 JSON dataset into the social map (upsert by id, all or nothing).
  --allow-outside  keep locations outside the municipality (regional data) instead of rejecting them
`;
const MAX_BYTES = 50 * 1024 * 1024;

/** `samenhang import-hsds`: import an HSDS JSON file. Exit 0 when written, 1 when rejected, 2 on bad usage. */
export const importHsdsCommand: Command = async ({ database, clock, args, parseArgs }) => {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n\n${USAGE}`);
    return 2;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { tenant: { type: 'string' }, 'allow-outside': { type: 'boolean', default: false } },
      });
    } catch (err) {
      return fail((err as Error).message);
    }
    const { values, positionals } = parsed;
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail('Give exactly one HSDS JSON file.');
    if (!values.tenant) return fail('--tenant is required.');
    const tenant = /^GM\d{4}$/.test(values.tenant)
      ? await findTenantById(database.db, values.tenant)
      : await findTenantBySlug(database.db, values.tenant);
    if (!tenant) return fail(`Tenant ${values.tenant} does not exist.`);
    let data: unknown;
    try {
      if (statSync(file).size > MAX_BYTES) return fail(`${file} is larger than 50 MB.`);
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      if (err instanceof SyntaxError) return fail(`${file}: ${translator('nl')('socialmap.import.invalidJson')}`);
      return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const report = await importHsds(database.db, tenant.id, data, systemActor(clock.now(), tenant.id), {
      outside: values['allow-outside'] ? 'keep' : 'reject',
    });
    process.stdout.write(reportLines(report, translator('nl')).join('\n') + '\n');
    return report.written ? 0 : 1;
  } finally {
    await database.close();
  }
};
