/**
 * Zod descriptions of the Open311 parameters, for the OpenAPI document. They are lenient on
 * purpose (every parameter optional, extra ones allowed): the services check the values and
 * answer in the specification's error format.
 */
import { z } from 'zod';

const text = z.string().optional();
const oneOrMore = z.union([z.string(), z.array(z.string())]).optional();

export const tenantParams = z.object({ tenant: z.string().describe('The municipality (e.g. krimpen-aan-den-ijssel)') });
export const codeParams = tenantParams.extend({ code: z.string().describe('service_code') });
export const idParams = tenantParams.extend({ id: z.string().describe('service_request_id, e.g. SIG-2026-000001') });
export const tokenParams = tenantParams.extend({ token: z.string().describe('token') });

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
    description: text.describe('Up to 4000 characters'),
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
