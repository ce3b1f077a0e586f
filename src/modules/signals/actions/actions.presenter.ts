/** What the signal page shows of a network action (a view model, not a row); loadActionsPanel maps the service's rows. */
import type { ActionRow } from './actions.store.ts';

export interface ActionItem {
  id: string;
  organisationId: string;
  description: string;
  ownerUserId: string | null;
  /** yyyy-mm-dd, or null without a due date. */
  dueDate: string | null;
  status: ActionRow['status'];
  result: string | null;
}

export function actionItem(a: ActionRow): ActionItem {
  return {
    id: a.id,
    organisationId: a.organisation_id,
    description: a.description,
    ownerUserId: a.owner_user_id,
    dueDate: a.due_date,
    status: a.status,
    result: a.result,
  };
}
