import type { ColumnType, Generated } from 'kysely';
import type { Role } from '../../../platform/roles.ts';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A role an administrator took away: can be undone for a while; the person stays findable to give a role again. */
export interface PeopleRemovedRolesTable {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  organisation_id: string | null;
  role: Role;
  removed_by: string | null;
  removed_at: Timestamp;
  restored_at: Timestamp | null;
}

export interface PeopleAdminTables {
  people_removed_roles: PeopleRemovedRolesTable;
}

declare module '../../../platform/db/schema.ts' {
  interface Database extends PeopleAdminTables {}
}
