import type { Migration } from 'kysely';
import type { ModuleDefinition } from '../platform/module.ts';
import { platformMigrations } from '../platform/migrations/index.ts';
import { areasModule } from './areas/index.ts';
import { peopleModule } from './people/index.ts';
import { socialmapModule } from './socialmap/index.ts';
import { helpmatchModule } from './helpmatch/index.ts';
import { signalsModule } from './signals/index.ts';
import { adminModule } from '../platform/admin/index.ts';
import { isWithinAdminReach } from './people/people.service.ts';

/** Every module of the app, in registration order: the app's table of contents. */
export const MODULES: readonly ModuleDefinition[] = [
  areasModule,
  peopleModule,
  socialmapModule,
  helpmatchModule,
  signalsModule,
  adminModule({ isWithinAdminReach }),
];

/** Platform and module migrations together, keyed by their timestamped names. */
export function allMigrations(): Record<string, Migration> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const mod of MODULES) {
    for (const [name, migration] of Object.entries(mod.migrations)) {
      if (name in all) throw new Error(`Migration name used twice: ${name}`);
      all[name] = migration;
    }
  }
  return all;
}
