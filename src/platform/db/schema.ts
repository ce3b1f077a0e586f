/**
 * The Database type: the union of every module's tables. Each module owns its `*.tables.ts`;
 * only that module's store may query them.
 */
import type { PlatformTables } from '../platform.tables.ts';
import type { AreasTables } from '../../modules/areas/areas.tables.ts';
import type { PeopleTables } from '../../modules/people/people.tables.ts';
import type { SocialmapTables } from '../../modules/socialmap/socialmap.tables.ts';
import type { SignalsTables } from '../../modules/signals/signals.tables.ts';
import type { HelpmatchTables } from '../../modules/helpmatch/helpmatch.tables.ts';

export interface Database extends PlatformTables, AreasTables, PeopleTables, SocialmapTables, HelpmatchTables, SignalsTables {}
