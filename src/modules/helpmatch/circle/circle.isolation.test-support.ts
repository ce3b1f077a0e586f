/** Shared by the care-circle isolation tests: the two municipalities and the row counts that prove nothing was written. */
import type { Db } from '../../../platform/db/database.ts';

export const A = { id: 'GM0542', slug: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel' };
export const B = { id: 'GM0014', slug: 'groningen', name: 'Groningen' };

/** Rows of every table a circle or help action could write, and the revoked and archived ones: equal before and after means nothing changed. */
export async function rowCounts(db: Db) {
  const n = async (
    table:
      | 'helpmatch_circles'
      | 'helpmatch_circle_members'
      | 'helpmatch_circle_tasks'
      | 'helpmatch_circle_turns'
      | 'helpmatch_circle_invitations'
      | 'help_matches'
      | 'mail_outbox',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const revoked = await db.selectFrom('helpmatch_circle_invitations').select('id').where('revoked_at', 'is not', null).execute();
  const archived = await db.selectFrom('helpmatch_circle_tasks').select('id').where('archived_at', 'is not', null).execute();
  return {
    circles: await n('helpmatch_circles'),
    members: await n('helpmatch_circle_members'),
    tasks: await n('helpmatch_circle_tasks'),
    turns: await n('helpmatch_circle_turns'),
    invitations: await n('helpmatch_circle_invitations'),
    matches: await n('help_matches'),
    mails: await n('mail_outbox'),
    revoked: revoked.length,
    archived: archived.length,
  };
}
