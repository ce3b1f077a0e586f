import type { ModuleDefinition } from '../../platform/module.ts';
import { socialmapMigrations } from './migrations/index.ts';

export const socialmapModule: ModuleDefinition = {
  name: 'socialmap',
  migrations: socialmapMigrations,
};
