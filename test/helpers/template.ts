import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Hash of every migration source file: templates are rebuilt when a migration changes. */
export function migrationsHash(root = resolve('src')): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      // Any migration file: in a migrations/ folder or named migrations.ts (src/modules/signals/open311/).
      else if (full.includes(`${'/'}migrations${'/'}`) || /migrations?\.ts$/.test(name)) hash.update(full).update(readFileSync(full));
    }
  };
  walk(root);
  return hash.digest('hex').slice(0, 12);
}

export function templatePaths() {
  const h = process.env.SH_TEMPLATE_HASH ?? migrationsHash();
  return {
    hash: h,
    pgliteDump: resolve('.tmp', `pglite-template-${h}.tar`),
    pgTemplateName: `sh_template_${h}`,
  };
}
