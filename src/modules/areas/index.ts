import type { ModuleDefinition } from '../../platform/module.ts';
import { areasMigrations } from './migrations/index.ts';

export const areasModule: ModuleDefinition = {
  name: 'areas',
  migrations: areasMigrations,
};
