import { readFileSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from './commands.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import { systemPrincipal } from '../platform/principal.ts';
import { findTenantById, findTenantBySlug } from '../modules/areas/areas.service.ts';
import { IMPORT_FORMATS, importMonitorFile, MAX_IMPORT_BYTES, type ImportFormat } from '../modules/monitor/import/import.service.ts';
import { importSummaryText } from '../modules/monitor/import/import.presenter.ts';

const USAGE = `Usage: samenhang import-monitor <file> --tenant SLUG|GMxxxx [--format csv|xlsx|cbs] [--period 2024]
  Imports monitor figures, all or nothing (see docs/monitor-import.md): the long format
  PERIOD, GEOLEVEL, GEOITEM, <indicator…> as CSV or XLSX (sheet "indicators" for new indicators),
  or the CBS kerncijfers wijken en buurten (StatLine CSV or JSON; --period when the file name
  has no year). Exit 0 when imported, 1 when rows were rejected (nothing written), 2 on bad use.
`;

/** `samenhang import-monitor`: monitor figures into a municipality, all or nothing. */
export const importMonitorCommand: Command = async ({ database, clock, args, parseArgs }) => {
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
        options: { tenant: { type: 'string' }, format: { type: 'string' }, period: { type: 'string' } },
      });
    } catch (err) {
      return fail((err as Error).message);
    }
    const { values, positionals } = parsed;
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail('Give exactly one file.');
    const format = values.format;
    if (format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(format)) return fail('--format must be csv, xlsx or cbs.');
    if (values.period !== undefined && !/^\d{4}$/.test(values.period)) return fail('--period must be a year such as 2024.');
    const which = values.tenant ?? '';
    const tenant = /^GM\d{4}$/.test(which) ? await findTenantById(database.db, which) : await findTenantBySlug(database.db, which);
    if (!tenant) {
      return fail(which ? `Municipality ${which} does not exist.` : '--tenant is required (a slug such as groningen, or GM0014).');
    }

    let bytes: Buffer;
    try {
      if (statSync(file).size > MAX_IMPORT_BYTES) return fail(`${file} is larger than 20 MB.`);
      bytes = readFileSync(file);
    } catch (err) {
      return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }

    const tty = process.stdout.isTTY === true;
    const bar = tty
      ? new cliProgress.SingleBar({ format: 'Controleren [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic)
      : null;
    let started = false;
    const now = clock.now();
    const report = await importMonitorFile(database.db, systemPrincipal(tenant.id, now), {
      tenantId: tenant.id,
      fileName: file,
      bytes,
      format: format as ImportFormat | undefined,
      period: values.period,
      now,
      onProgress: (done, total) => {
        if (bar) {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        } else if (done === total || done % 1000 === 0) process.stdout.write(`Gecontroleerd: ${done}/${total}\n`);
      },
    });
    bar?.stop();
    process.stdout.write(`${tenant.name} (${tenant.id})\n` + importSummaryText(translator('nl'), report));
    return report.written ? 0 : 1;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return fail(translator('nl')(err.message, err.vars));
    throw err;
  } finally {
    await database.close();
  }
};
