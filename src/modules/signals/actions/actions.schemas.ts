/** Forms of the network actions, the coordinator's reopen decision and the "niet tevreden" setting (zod; messages are i18n keys), with their limits. */
import { z } from 'zod';
import { UUID_RE } from '../../../platform/ids.ts';
import { optionalText } from '../signals.schemas.ts';

/** Characters of an action's description, result or reason. */
export const MAX_ACTION_TEXT = 1000;
/** Characters of the coordinator's message to the reporter when deciding on a reopen request. */
export const MAX_REOPEN_MESSAGE = 5000;

export const DISSATISFIED_POLICIES = ['reopen', 'coordinator'] as const;

/** An action's path parameter (a malformed one is no page: 404). */
export const actionIdParam = { actionId: z.string().regex(UUID_RE) };

const text = optionalText;
export const addActionForm = z.object({
  organisationId: text(40),
  description: text(MAX_ACTION_TEXT),
  ownerUserId: text(40),
  dueDate: text(20),
});
export const editActionForm = z.object({ ownerUserId: text(40), dueDate: text(20) });
export const doneActionForm = z.object({ result: text(MAX_ACTION_TEXT) });
export const dropActionForm = z.object({ reason: text(MAX_ACTION_TEXT) });
export const reopenForm = z.object({ decision: z.enum(['heropenen', 'niet'], 'form.invalidValue'), message: text(MAX_REOPEN_MESSAGE) });
export const feedbackSettingsForm = z.object({ policy: z.enum(DISSATISFIED_POLICIES, 'signals.feedbackSettings.error') });
