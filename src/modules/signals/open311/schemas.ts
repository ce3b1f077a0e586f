/**
 * Zod descriptions of the Open311 parameters, for the OpenAPI document. They are lenient on
 * purpose (every parameter optional, extra ones allowed): the services check the values and
 * answer in the specification's error format.
 */
import { z } from 'zod';
import { MAX_KEY_LIMIT } from './ratelimit.ts';

/** Longest client name of an API key (admin form, view). */
export const CLIENT_NAME_MAX = 200;
/** The specification's limit for descriptions (requests and updates). */
export const MAX_OPEN311_DESCRIPTION = 4000;
/** Longest service_code looked up (longer ones are unknown). */
export const MAX_SERVICE_CODE = 100;
/** Longest update_id of a handler's update. */
export const MAX_UPDATE_ID = 200;
/** Digits of a key's limit (writes a minute, at most MAX_KEY_LIMIT). */
export const LIMIT_DIGITS = String(MAX_KEY_LIMIT).length;

const text = z.string().optional();
const oneOrMore = z.union([z.string(), z.array(z.string())]).optional();

/** Path parameters besides the municipality (the route edge adds `tenant`). */
export const codeParams = { code: z.string().describe('service_code') };
export const idParams = { id: z.string().describe('service_request_id, e.g. SIG-2026-482913') };
export const tokenParams = { token: z.string().describe('token') };

export const requestsQuery = z
  .object({
    jurisdiction_id: text,
    service_request_id: oneOrMore.describe('Comma-separated ids; overrides the other filters'),
    service_code: oneOrMore.describe('Comma-separated service codes'),
    start_date: text.describe('W3C date-time; default: 90 days before end_date or now'),
    end_date: text.describe('W3C date-time; at most 90 days after start_date'),
    status: oneOrMore.describe('open, closed or both (comma-separated)'),
    page: text.describe('Extension: page number from 1'),
    page_size: text.describe('Extension: 1 to 1000 (default 1000)'),
  })
  .catchall(z.unknown());

export const updatesQuery = z
  .object({ jurisdiction_id: text, start_date: text, end_date: text, page: text, page_size: text })
  .catchall(z.unknown());

export const anyQuery = z.object({ jurisdiction_id: text }).catchall(z.unknown());

/** The query string of a write: only `api_key` is read from it (when not in the form), by the service's own checks. */
export const writeQuery = z.object({}).catchall(z.unknown());

export const requestBody = z
  .object({
    api_key: text.describe('The client key issued by the municipality (or in the query string)'),
    jurisdiction_id: text,
    service_code: text.describe('Required: from GET services'),
    lat: text,
    long: text,
    address_string: text,
    address_id: text.describe('Not supported: send lat/long or address_string'),
    email: text,
    device_id: text,
    account_id: text,
    first_name: text,
    last_name: text,
    phone: text,
    description: text.describe(`Up to ${MAX_OPEN311_DESCRIPTION} characters`),
    media_url: text.describe('Ignored'),
  })
  .catchall(z.unknown())
  .describe('Form-encoded; answers to extra questions as attribute[code]=value');

export const updateBody = z
  .object({
    api_key: text.describe('A key with the handler permission'),
    jurisdiction_id: text,
    service_request_id: text,
    update_id: text.describe("The handler's own unique id of this update"),
    status: text.describe('OPEN, IN_PROGRESS, ACTION_SCHEDULED, FIXED, CLOSED, CANCELLED, DUPLICATE, NO_FURTHER_ACTION, REOPEN, …'),
    updated_datetime: text,
    description: text,
  })
  .catchall(z.unknown());

/* ---- Answers, for the OpenAPI document (security review, finding 7: every status a route can give). ---- */

const open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() }));
/** The platform's error object: an unknown municipality, or a path the router refuses before any Open311 route runs. */
const platformError = z.looseObject({ error: z.unknown() });

const nullableText = z.string().nullable();
const discoveryAnswer = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
const servicesAnswer = z.array(
  z.object({
    service_code: z.string(),
    service_name: z.string(),
    description: nullableText,
    metadata: z.boolean(),
    type: z.literal('realtime'),
    keywords: nullableText,
    group: z.string(),
  }),
);
const definitionAnswer = z.object({
  service_code: z.string(),
  attributes: z.array(
    z.object({
      variable: z.boolean(),
      code: z.string(),
      datatype: z.enum(['string', 'singlevaluelist']),
      required: z.boolean(),
      datatype_description: nullableText,
      order: z.number().int(),
      description: z.string(),
      values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
    }),
  ),
});
const requestsAnswer = z.array(
  z.object({
    service_request_id: z.string().describe('e.g. SIG-2026-482913: unique, in no order (numbers say nothing about other signals)'),
    status: z.enum(['open', 'closed']),
    status_notes: z.string(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: nullableText,
    service_notice: z.null(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: nullableText,
    address: nullableText,
    address_id: z.null(),
    zipcode: z.null(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.null(),
  }),
);
const createdAnswer = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.null() }));
const tokenAnswer = z.array(z.object({ service_request_id: z.string(), token: z.string() }));
const updatesAnswer = z.array(
  z.object({
    update_id: z.string(),
    service_request_id: z.string(),
    status: z.string(),
    updated_datetime: z.string(),
    description: z.string(),
    media_url: z.null(),
  }),
);
const updateCreatedAnswer = z.array(z.object({ update_id: z.string() }));

/** Why each status can come, as the OpenAPI document says it. */
export const STATUS_TEXT = {
  400: "Bad request: the specification's error array, one item per problem (a path that is not valid percent-encoding: the platform's error object).",
  403: "api_key missing, unknown, revoked, of another municipality, or without the permission (the specification's error array).",
  404: "Not found: unknown resource, service_code, request id or token (the specification's error array); unknown municipality (the platform's error object).",
  414: "URI too long: a path segment over 100 characters, refused by the router (the platform's error object).",
  429: "Too many writes: per api_key (its limit a minute, set by the administrator) or per client address (120 a minute). The specification's error array; the Retry-After header gives the seconds to wait.",
} as const;
type Status = keyof typeof STATUS_TEXT;

const ERROR_BODY: Record<Status, z.ZodType> = {
  400: z.union([open311Errors, platformError]),
  403: open311Errors,
  404: z.union([open311Errors, platformError]),
  414: platformError,
  429: open311Errors,
};

function answers(ok: z.ZodType, okText: string, statuses: Status[]): Record<number, z.ZodType> {
  return Object.fromEntries([
    [200, ok.describe(`${okText} (XML: the same in the specification's XML)`)],
    ...statuses.map((s) => [s, ERROR_BODY[s].describe(STATUS_TEXT[s])]),
  ]);
}

/** The answers of every Open311 operation (the same for .json and .xml); docs/open311.swagger.json lists the same. */
export const RESPONSES = {
  discovery: answers(discoveryAnswer, 'Service discovery', [400, 404, 414]),
  services: answers(servicesAnswer, 'Public categories', [400, 404, 414]),
  service: answers(definitionAnswer, 'Service definition', [400, 404, 414]),
  createRequest: answers(createdAnswer, 'Created (or the first request again, for a retry)', [400, 403, 404, 414, 429]),
  requests: answers(requestsAnswer, 'Service requests', [400, 404, 414]),
  request: answers(requestsAnswer, 'One service request', [400, 404, 414]),
  token: answers(tokenAnswer, 'The request behind the token', [400, 404, 414]),
  updates: answers(updatesAnswer, 'Public steps', [400, 404, 414]),
  createUpdate: answers(updateCreatedAnswer, 'Update applied', [400, 403, 404, 414, 429]),
} as const;
