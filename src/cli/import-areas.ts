import { readFileSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from './commands.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import { createTenant, findTenantById, importAreas, type ImportReport } from '../modules/areas/areas.service.ts';

const USAGE = `Usage: samenhang import-areas <file.geojson> --tenant GMxxxx [--level district|neighbourhood] [--year 2024]
         [--code-property NAME] [--name-property NAME] [--allowed-prefix GMxxxx]…
         [--create-tenant --slug SLUG --name NAME]
`;
const MAX_BYTES = 20 * 1024 * 1024;

function summary(report: ImportReport): string {
  const lines = [`Nieuw: ${report.created}`, `Bijgewerkt: ${report.updated}`, `Afgewezen: ${report.rejected.length}`];
  for (const r of report.rejected) lines.push(`  - ${r.code ?? '(geen code)'}: ${r.reason}`);
  return lines.join('\n') + '\n';
}

/** `samenhang import-areas`: import wijken or buurten from a GeoJSON file into a tenant. Exit 2 on bad input. */
export const importAreasCommand: Command = async ({ database, clock, args, parseArgs }) => {
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
        options: {
          tenant: { type: 'string' },
          level: { type: 'string', default: 'district' },
          year: { type: 'string', default: '2024' },
          'code-property': { type: 'string' },
          'name-property': { type: 'string' },
          'allowed-prefix': { type: 'string', multiple: true },
          'create-tenant': { type: 'boolean', default: false },
          slug: { type: 'string' },
          name: { type: 'string' },
        },
      });
    } catch (err) {
      return fail((err as Error).message);
    }
    const { values, positionals } = parsed;
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail('Give exactly one GeoJSON file.');
    const tenantId = values.tenant;
    if (!tenantId || !/^GM\d{4}$/.test(tenantId)) return fail('--tenant must be a CBS municipality code such as GM0542.');
    const level = values.level;
    if (level !== 'district' && level !== 'neighbourhood') return fail('--level must be district or neighbourhood.');
    const year = Number(values.year);
    if (!Number.isInteger(year) || year < 1900 || year > 2100) return fail('--year must be a year such as 2024.');
    const prefixes = values['allowed-prefix'] ?? [];
    if (prefixes.some((p) => !/^GM\d{4}$/.test(p))) return fail('--allowed-prefix must be a code such as GM0398.');

    let text: string;
    try {
      if (statSync(file).size > MAX_BYTES) return fail(`${file} is larger than 20 MB.`);
      text = readFileSync(file, 'utf8');
    } catch (err) {
      return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }

    if (!(await findTenantById(database.db, tenantId))) {
      if (!values['create-tenant']) {
        return fail(`Tenant ${tenantId} does not exist. Add --create-tenant --slug SLUG --name NAME to create it.`);
      }
      if (!values.slug || !values.name) return fail('--create-tenant needs --slug and --name.');
      await createTenant(database.db, { id: tenantId, slug: values.slug, name: values.name });
      process.stdout.write(`Tenant ${tenantId} (${values.slug}) created.\n`);
    }

    const tty = process.stdout.isTTY === true;
    const bar = tty
      ? new cliProgress.SingleBar({ format: 'Controleren [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic)
      : null;
    let started = false;
    let lastLine = 0;
    const report = await importAreas(database.db, {
      tenantId,
      geojson: text,
      level,
      year,
      source: `Import ${file.split('/').pop()}`,
      now: clock.now(),
      ...(values['code-property'] ? { codeProperty: values['code-property'] } : {}),
      ...(values['name-property'] ? { nameProperty: values['name-property'] } : {}),
      ...(prefixes.length > 0 ? { allowedPrefixes: prefixes } : {}),
      onProgress: (done, total) => {
        if (bar) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        } else if (done === total || done - lastLine >= 100) {
          lastLine = done;
          process.stdout.write(`Gecontroleerd: ${done}/${total}\n`);
        }
      },
    });
    bar?.stop();
    process.stdout.write(summary(report));
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      return fail(translator('nl')(err.message, err.vars));
    }
    throw err;
  } finally {
    await database.close();
  }
};
