import type { ModuleDefinition } from '../../platform/module.ts';
import { peopleMigrations } from './migrations/index.ts';

export const peopleModule: ModuleDefinition = {
  name: 'people',
  migrations: peopleMigrations,
};
