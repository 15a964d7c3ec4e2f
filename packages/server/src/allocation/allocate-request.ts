import { randomUUID } from 'node:crypto';
import type { Lead } from '@sras/engine';
import { ApiError } from '../http/api-error.js';
import type { ValidationIssue } from '../http/validation.js';

/** Maximum number of leads one allocation request may carry. */
export const MAX_LEADS_PER_REQUEST = 1000;

/** Prefix of the ids the server gives leads sent without one. */
export const GENERATED_LEAD_ID_PREFIX = 'auto-';

const BODY_SHAPE =
  'The body must be a JSON object with "lead" (one lead object) or "leads" (an array of 1 to 1,000 lead objects), such as {"lead": {"id": "L1", "phone": "13800000000"}}.';

/**
 * Reads the leads of an allocation request body, or throws a 400 (413 for
 * too many leads) whose message names the fault and where it is: the body's
 * shape, the lead by its 1-based number, and the field by its name.
 */
export function readAllocateBody(body: unknown): Lead[] {
  if (!isPlainObject(body)) throw invalid(BODY_SHAPE, '');

  const keys = Object.keys(body);
  const unknown = keys.find((key) => key !== 'lead' && key !== 'leads');
  if (unknown !== undefined) {
    throw invalid(`The body has an unknown field "${unknown}". ${BODY_SHAPE}`, unknown);
  }
  if (keys.length !== 1) {
    throw invalid(keys.length === 0 ? BODY_SHAPE : 'Send either "lead" or "leads", not both.', '');
  }

  if ('lead' in body) {
    if (!isPlainObject(body.lead)) {
      throw invalid(
        '"lead" must be an object of field names and values, such as {"id": "L1", "phone": "13800000000"}.',
        'lead',
      );
    }
    return [checkedLead(body.lead, 'lead', 'The lead')];
  }

  const leads = body.leads;
  if (!Array.isArray(leads) || leads.length === 0) {
    throw invalid('"leads" must be a non-empty array of lead objects.', 'leads');
  }
  if (leads.length > MAX_LEADS_PER_REQUEST) {
    throw new ApiError(
      413,
      'too-many-leads',
      `A request may carry at most ${MAX_LEADS_PER_REQUEST} leads; this one has ${leads.length}. Split the batch.`,
    );
  }
  return leads.map((lead: unknown, index) => {
    const label = `Lead ${index + 1}`;
    if (!isPlainObject(lead)) {
      throw invalid(`${label} is not an object of field names and values.`, `leads.${index}`);
    }
    return checkedLead(lead, `leads.${index}`, label);
  });
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
      throw invalid(
        `Leads ${earlier + 1} and ${index + 1} have the same id "${key}". Each lead of a request needs its own id; send a lead once.`,
        `leads.${index}.id`,
      );
    }
    firstIndexById.set(key, index);
    return lead;
  });
}

function checkedLead(lead: Record<string, unknown>, path: string, label: string): Lead {
  for (const [field, value] of Object.entries(lead)) {
    const problem = valueProblem(value);
    if (problem !== null) {
      throw invalid(
        `${label} has an invalid value in field "${field}": ${problem}. A field value must be text, a number, true, false or null.`,
        `${path}.${field}`,
      );
    }
  }
  return lead as Lead;
}

function valueProblem(value: unknown): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : 'the number is too large';
  }
  if (Array.isArray(value)) return 'it is an array';
  return `it is ${typeof value === 'object' ? 'an object' : `of type ${typeof value}`}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, path: string): ApiError {
  const issues: ValidationIssue[] = [{ path, message }];
  return new ApiError(400, 'validation-failed', message, { issues });
}
