import initSqlJs from 'sql.js';

/**
 * The BAG address extract as a GeoPackage (PDOK's `bag-light.gpkg`, layer `verblijfsobject`, or any
 * point layer with the same columns) read with sql.js (SQLite compiled to WebAssembly; no native
 * code). The layer becomes the CSV that `importAddresses` reads: its text and number columns
 * under their own names, the point as `x;y` (RD New, EPSG:28992) or `lon;lat` (EPSG:4326).
 */

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Whether the bytes are an SQLite database (a GeoPackage is one). */
export function isSqlite(bytes: Uint8Array): boolean {
  return bytes.length >= 16 && new TextDecoder().decode(bytes.subarray(0, 16)) === SQLITE_MAGIC;
}

/** The point of a GeoPackage geometry blob ("GP" header + WKB); the envelope's centre for other shapes; null when empty or unreadable. */
export function gpkgPoint(blob: Uint8Array): [number, number] | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return null;
  const flags = blob[3]!;
  if ((flags >> 4) & 1) return null;
  const envelopeLittle = (flags & 1) === 1;
  const envelopeSize = [0, 32, 48, 48, 64][(flags >> 1) & 0x07];
  if (envelopeSize === undefined) return null;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const wkb = 8 + envelopeSize;
  if (blob.length >= wkb + 21) {
    const little = blob[wkb] === 1;
    const type = view.getUint32(wkb + 1, little) % 1000;
    if (type === 1) return [view.getFloat64(wkb + 5, little), view.getFloat64(wkb + 13, little)];
  }
  if (envelopeSize >= 32) {
    const [minX, maxX, minY, maxY] = [0, 1, 2, 3].map((i) => view.getFloat64(8 + i * 8, envelopeLittle)) as [
      number,
      number,
      number,
      number,
    ];
    return [(minX + maxX) / 2, (minY + maxY) / 2];
  }
  return null;
}

const ADDRESS_COLUMNS = ['huisnummer', 'postcode'];

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[;"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The address layer of a GeoPackage as `;`-separated CSV. The layer is `verblijfsobject` when it
 * is there, else the first feature layer with `huisnummer` and `postcode` columns.
 */
export async function geoPackageToCsv(
  bytes: Uint8Array,
): Promise<{ ok: true; csv: string; layer: string } | { ok: false; reason: 'noLayer' | 'notGeoPackage' }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(bytes);
  try {
    let layers: { table: string; column: string; srs: number }[];
    try {
      const r = db.exec(
        "select c.table_name, g.column_name, g.srs_id from gpkg_contents c join gpkg_geometry_columns g on g.table_name = c.table_name where c.data_type = 'features' order by c.table_name",
      );
      layers = (r[0]?.values ?? []).map(([table, column, srs]) => ({ table: String(table), column: String(column), srs: Number(srs) }));
    } catch {
      return { ok: false, reason: 'notGeoPackage' };
    }
    const columnsOf = (table: string) =>
      (db.exec(`select name from pragma_table_info(?)`, [table])[0]?.values ?? []).map(([n]) => String(n));
    const fit = layers
      .sort((a, b) => Number(b.table === 'verblijfsobject') - Number(a.table === 'verblijfsobject'))
      .find((l) =>
        ADDRESS_COLUMNS.every((c) =>
          columnsOf(l.table)
            .map((n) => n.toLowerCase())
            .includes(c),
        ),
      );
    if (!fit) return { ok: false, reason: 'noLayer' };
    const attributes = columnsOf(fit.table).filter((c) => c !== fit.column && !['x', 'y', 'lon', 'lat'].includes(c.toLowerCase()));
    const [px, py] = fit.srs === 4326 ? ['lon', 'lat'] : ['x', 'y'];
    const lines = [[...attributes, px, py].join(';')];
    const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
    const stmt = db.prepare(`select ${[...attributes, fit.column].map(quoted).join(', ')} from ${quoted(fit.table)} order by rowid`);
    try {
      while (stmt.step()) {
        const row = stmt.get();
        const geom = row[row.length - 1];
        const point = geom instanceof Uint8Array ? gpkgPoint(geom) : null;
        lines.push([...row.slice(0, -1).map(csvField), point ? String(point[0]) : '', point ? String(point[1]) : ''].join(';'));
      }
    } finally {
      stmt.free();
    }
    return { ok: true, csv: lines.join('\n'), layer: fit.table };
  } finally {
    db.close();
  }
}
