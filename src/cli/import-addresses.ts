import { readFileSync, statSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from './commands.ts';
import { AppError } from '../platform/errors.ts';
import { translator } from '../platform/i18n/index.ts';
import {
  findTenantById,
  findTenantBySlug,
  geoPackageToCsv,
  importAddresses,
  isSqlite,
  type AddressImportReport,
} from '../modules/areas/areas.service.ts';

const USAGE = `Usage: samenhang import-addresses <file.csv|file.gpkg> --tenant SLUG|GMxxxx
  Imports the BAG address extract (CSV or GeoPackage; see docs/geocoding.md for the columns) into the
  municipality's address table. RD New x/y are converted to WGS84. All rows are checked first;
  the good ones are written in one transaction; rejected rows are listed with their line number.
`;
const MAX_BYTES = 512 * 1024 * 1024;
const SHOWN_REJECTIONS = 50;

/** The summary printed after an import (Dutch, like the other commands' summaries). */
export function addressImportSummary(report: AddressImportReport): string {
  const t = translator('nl');
  const lines = [`Nieuw: ${report.created}`, `Bijgewerkt: ${report.updated}`, `Afgewezen: ${report.rejected.length}`];
  for (const r of report.rejected.slice(0, SHOWN_REJECTIONS)) lines.push(`  - regel ${r.row}: ${t(r.reason, r.params)}`);
  if (report.rejected.length > SHOWN_REJECTIONS) lines.push(`  … en nog ${report.rejected.length - SHOWN_REJECTIONS} regels`);
  if (!report.checkedInside) {
    lines.push('Let op: de gemeente heeft geen wijkgrenzen, dus we konden niet nagaan of elk adres in de gemeente ligt.');
  }
  return lines.join('\n') + '\n';
}

/** `samenhang import-addresses`: the BAG address extract into a tenant's address table. Exit 2 on bad input. */
export const importAddressesCommand: Command = async ({ database, clock, args, parseArgs }) => {
  const fail = (message: string) => {
    process.stderr.write(`${message}\n\n${USAGE}`);
    return 2;
  };
  try {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { tenant: { type: 'string' } } });
    } catch (err) {
      return fail((err as Error).message);
    }
    const { values, positionals } = parsed;
    const file = positionals[0];
    if (!file || positionals.length > 1) return fail('Give exactly one CSV or GeoPackage file.');
    const which = values.tenant ?? '';
    const tenant = /^GM\d{4}$/.test(which) ? await findTenantById(database.db, which) : await findTenantBySlug(database.db, which);
    if (!tenant) {
      return fail(which ? `Municipality ${which} does not exist.` : '--tenant is required (a slug such as groningen, or GM0014).');
    }

    let bytes: Buffer;
    try {
      if (statSync(file).size > MAX_BYTES) return fail(`${file} is larger than 512 MB.`);
      bytes = readFileSync(file);
    } catch (err) {
      return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    let text: string;
    if (isSqlite(bytes)) {
      const gpkg = await geoPackageToCsv(bytes);
      if (!gpkg.ok) {
        return fail(
          gpkg.reason === 'notGeoPackage'
            ? `${file} is an SQLite file but not a GeoPackage.`
            : `${file} has no point layer with huisnummer and postcode (such as verblijfsobject).`,
        );
      }
      process.stdout.write(`GeoPackage, laag ${gpkg.layer}\n`);
      text = gpkg.csv;
    } else text = bytes.toString('utf8');

    const tty = process.stdout.isTTY === true;
    let bar: cliProgress.SingleBar | null = null;
    let phase: string | null = null;
    let lastLine = 0;
    const report = await importAddresses(database.db, {
      tenantId: tenant.id,
      csv: text,
      now: clock.now(),
      onProgress: (p, done, total) => {
        const label = p === 'check' ? 'Controleren' : 'Opslaan';
        if (tty) {
          if (phase !== p) {
            bar?.stop();
            bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {value}/{total}` }, cliProgress.Presets.shades_classic);
            bar.start(total, 0);
            phase = p;
          }
          bar?.update(done);
        } else if (phase !== p || done === total || done - lastLine >= 10000) {
          phase = p;
          lastLine = done;
          process.stdout.write(`${label}: ${done}/${total}\n`);
        }
      },
    });
    (bar as cliProgress.SingleBar | null)?.stop();
    process.stdout.write(`${tenant.name} (${tenant.id})\n` + addressImportSummary(report));
    return 0;
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return fail(translator('nl')(err.message, err.vars));
    throw err;
  } finally {
    await database.close();
  }
};
