/**
 * Applying on a resident's behalf (issue 15, scope 2): a volunteer, professional or coordinator
 * (`initiative.applyOnBehalf`) says whose application it is, as helpmatch does for a request made
 * for someone (requests.service.ts `onBehalf`): either the resident's existing account in this
 * municipality (by its e-mail address; the application is then theirs to follow) or, for a
 * resident without an account, only a name and one way to reach them (phone or e-mail). That
 * contact is personal data: only who entered it and the coordinator see it, and every view is
 * audited (no values in the audit). To the resident and anyone else the application says
 * "ingevoerd door een medewerker van …" with the organisation, never a person's name.
 */
import { z } from 'zod';
import type { FieldErrors } from '../../../platform/errors.ts';
import type { DbOrTrx } from '../../../platform/db/database.ts';
import type { Principal } from '../../../platform/principal.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { singleLine } from '../../../platform/input.ts';
import { findUserByEmail, getOrganisation, listMembers } from '../../people/people.service.ts';

export const subjectInput = z
  .object({
    /** account: the resident has an account here (by its e-mail); contact: no account, a name and a phone or e-mail. */
    kind: z.enum(['account', 'contact']),
    name: singleLine(z.string().trim().max(120)).default(''),
    phone: z.string().trim().max(30).default(''),
    email: z.string().trim().max(254).default(''),
  })
  .nullable()
  .default(null);
export type SubjectInput = z.output<typeof subjectInput>;

export interface ResolvedSubject {
  errors: FieldErrors;
  applicantUserId: string | null;
  subjectName: string | null;
  subjectPhone: string | null;
  subjectEmail: string | null;
}

const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;
const isEmail = (s: string) => z.email().safeParse(s).success;

/** Check whose application it is; an account must be a member of this municipality. */
export async function resolveSubject(
  db: DbOrTrx,
  tenantId: string,
  subject: SubjectInput,
  opts: { mayFindAccount: boolean },
): Promise<ResolvedSubject> {
  const out: ResolvedSubject = { errors: {}, applicantUserId: null, subjectName: null, subjectPhone: null, subjectEmail: null };
  if (!subject) {
    out.errors['subject.kind'] = 'initiatives.apply.behalf.error.whose';
    return out;
  }
  // Looking an address up tells whether it has an account here: professionals and coordinators only
  // (`initiative.findAccount`); a volunteer enters a resident's name and a way to reach them.
  if (subject.kind === 'account' && !opts.mayFindAccount) {
    out.errors['subject.kind'] = 'initiatives.apply.behalf.error.accountStaffOnly';
    return out;
  }
  if (subject.kind === 'account') {
    if (!isEmail(subject.email)) {
      out.errors['subject.accountEmail'] = 'initiatives.apply.behalf.error.email';
      return out;
    }
    const user = await findUserByEmail(db, subject.email);
    const member = user && !user.deleted_at ? (await listMembers(db, tenantId, { userId: user.id })).length > 0 : false;
    if (!user || !member) out.errors['subject.accountEmail'] = 'initiatives.apply.behalf.error.noAccount';
    else out.applicantUserId = user.id;
    return out;
  }
  if (subject.name === '') out.errors['subject.name'] = 'form.required';
  if (subject.phone !== '' && !PHONE.test(subject.phone)) out.errors['subject.phone'] = 'initiatives.apply.behalf.error.phone';
  if (subject.email !== '' && !isEmail(subject.email)) out.errors['subject.email'] = 'initiatives.apply.behalf.error.email';
  if (subject.phone === '' && subject.email === '') out.errors['subject.phone'] = 'initiatives.apply.behalf.error.reach';
  out.subjectName = subject.name;
  out.subjectPhone = subject.phone || null;
  out.subjectEmail = subject.email.toLowerCase() || null;
  return out;
}

/** The organisation shown as "ingevoerd door een medewerker van …": the first of the principal's in this municipality ('' when none). */
export async function enteredByOrg(db: DbOrTrx, principal: Principal, tenantId: string): Promise<string> {
  const fromRole = principal.memberships?.find((m) => m.organisationId !== null && m.role !== 'resident')?.organisationId;
  const id = fromRole ?? principal.organisationIds[0];
  if (!id) return '';
  try {
    return (await getOrganisation(db, tenantId, id)).name;
  } catch {
    return '';
  }
}

export interface SubjectContact {
  name: string;
  phone: string | null;
  email: string | null;
}

/** The contact of a resident without an account, for who entered it and the coordinator; the view is audited. */
export async function subjectContactFor(
  db: DbOrTrx,
  principal: Principal,
  tenantId: string,
  row: { id: string; subject_name: string | null; subject_phone: string | null; subject_email: string | null },
): Promise<SubjectContact | null> {
  if (row.subject_name === null) return null;
  await recordAudit(db, {
    tenantId,
    actorUserId: principal.userId,
    action: 'view',
    entity: 'initiative_applicant_contact',
    entityId: row.id,
  });
  return { name: row.subject_name, phone: row.subject_phone, email: row.subject_email };
}
