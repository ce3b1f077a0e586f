/**
 * The Database type: the platform's tables, and every module's, which each module adds from its
 * `<module>.tables.ts` by declaration merging (`declare module '…/platform/db/schema.ts'`), so the
 * platform imports no module. Each module owns its tables; only its own stores query them.
 */
import type { PlatformTables } from '../platform.tables.ts';

export interface Database extends PlatformTables {}
