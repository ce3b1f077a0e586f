import type { ModuleDefinition } from '../../platform/module.ts';
import { helpmatchMigrations } from './migrations/index.ts';

export const helpmatchModule: ModuleDefinition = {
  name: 'helpmatch',
  migrations: helpmatchMigrations,
};
