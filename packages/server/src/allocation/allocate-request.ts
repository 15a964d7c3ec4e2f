import { randomUUID } from 'node:crypto';
import type { Lead } from '@sras/engine';
import { localizedError, type ApiError } from '../http/api-error.js';
import { requestMessage, type RequestIssue } from '../http/request-messages.js';
import { validationError } from '../http/validation.js';

/** Maximum number of leads one allocation request may carry. */
export const MAX_LEADS_PER_REQUEST = 1000;

/** Prefix of the ids the server gives leads sent without one. */
export const GENERATED_LEAD_ID_PREFIX = 'auto-';

/**
 * Reads the leads of an allocation request body, or throws a 400 (413 for
 * too many leads) whose message, in the request's language, names the
 * fault and where it is: the body's shape, the lead by its 1-based number,
 * and the field by its name.
 */
export function readAllocateBody(body: unknown): Lead[] {
  if (!isPlainObject(body)) throw shapeError('bodyShape');

  const keys = Object.keys(body);
  const unknown = keys.filter((key) => key !== 'lead' && key !== 'leads');
  if (unknown.length > 0) {
    throw validationError(
      body,
      [{ code: 'unrecognized_keys', keys: unknown, path: [], message: 'Unrecognized keys' }],
      'body',
    );
  }
  if (keys.length !== 1) throw shapeError(keys.length === 0 ? 'bodyShape' : 'leadAndLeads');

  if ('lead' in body) {
    if (!isPlainObject(body.lead)) throw validationError(body, [notAnObject(['lead'])], 'body');
    checkFields(body, body.lead, ['lead']);
    return [body.lead as Lead];
  }

  const leads = body.leads;
  if (!Array.isArray(leads)) throw validationError(body, [notAList()], 'body');
  if (leads.length === 0) throw validationError(body, [emptyList()], 'body');
  if (leads.length > MAX_LEADS_PER_REQUEST) {
    const params = { maximum: MAX_LEADS_PER_REQUEST, count: leads.length };
    throw localizedError(413, 'too-many-leads', (language) => ({
      message: requestMessage(language, 'tooManyLeads', params),
      details: { maximum: MAX_LEADS_PER_REQUEST, count: leads.length },
    }));
  }
  leads.forEach((lead: unknown, index) => {
    if (!isPlainObject(lead)) throw validationError(body, [notAnObject(['leads', index])], 'body');
    checkFields(body, lead, ['leads', index]);
  });
  return leads as Lead[];
}

/**
 * Gives every lead without an `id` a unique one, so that the audit log never
 * files two leads under the same id, and rejects a batch that names one id
 * twice. Runs after the field synonyms are mapped, because `线索编号` or
 * `leadId` is an id too.
 */
export function withLeadIds(leads: readonly Lead[]): Lead[] {
  const firstIndexById = new Map<string, number>();

  return leads.map((lead, index) => {
    const id = lead.id;
    const hasId =
      (typeof id === 'string' && id.trim() !== '') ||
      (typeof id === 'number' && Number.isFinite(id));
    if (!hasId) return { ...lead, id: `${GENERATED_LEAD_ID_PREFIX}${randomUUID()}` };

    const key = String(id);
    const earlier = firstIndexById.get(key);
    if (earlier !== undefined) {
      const params = { first: earlier + 1, second: index + 1, id: key };
      throw localizedError(400, 'validation-failed', (language) => {
        const message = requestMessage(language, 'duplicateLeadId', params);
        return {
          message,
          details: { issues: [{ path: `leads.${index}.id`, code: 'custom', message }] },
        };
      });
    }
    firstIndexById.set(key, index);
    return lead;
  });
}

/** A lead field's value must be text, a finite number, true, false or null. */
function checkFields(
  body: Record<string, unknown>,
  lead: Record<string, unknown>,
  path: readonly (string | number)[],
): void {
  for (const [field, value] of Object.entries(lead)) {
    if (isFieldValue(value)) continue;
    throw validationError(
      body,
      [
        {
          code: 'invalid_type',
          expected: FIELD_VALUE_TYPES as 'string',
          path: [...path, field],
          message: 'A lead field must be text, a number, true, false or null',
        },
      ],
      'body',
    );
  }
}

/** The types a lead field accepts, in the engine's words for zod's type names. */
const FIELD_VALUE_TYPES = 'string|number|boolean|null';

function isFieldValue(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value);
}

function notAnObject(path: (string | number)[]): RequestIssue {
  return { code: 'invalid_type', expected: 'object', path, message: 'Expected an object' };
}

function notAList(): RequestIssue {
  return { code: 'invalid_type', expected: 'array', path: ['leads'], message: 'Expected an array' };
}

function emptyList(): RequestIssue {
  return {
    code: 'too_small',
    origin: 'array',
    minimum: 1,
    inclusive: true,
    path: ['leads'],
    message: 'Expected at least one lead',
  };
}

/** A 400 for a body of the wrong shape, which no single field explains. */
function shapeError(key: 'bodyShape' | 'leadAndLeads'): ApiError {
  return localizedError(400, 'validation-failed', (language) => {
    const message = requestMessage(language, key);
    return { message, details: { issues: [{ path: '', code: 'invalid_type', message }] } };
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
