import { describe, expect, it } from 'vitest';
import { readAllocateBody, withLeadIds } from '../src/allocation/allocate-request.js';
import { ApiError } from '../src/http/api-error.js';

/** Returns the ApiError `read` throws, or fails the test. */
function errorOf(read: () => unknown): ApiError {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('readAllocateBody', () => {
  it('reads one lead', () => {
    expect(readAllocateBody({ lead: { id: 'a', phone: '138' } })).toEqual([
      { id: 'a', phone: '138' },
    ]);
  });

  it('reads a batch in order', () => {
    expect(readAllocateBody({ leads: [{ id: 'a' }, { id: 'b' }] })).toEqual([
      { id: 'a' },
      { id: 'b' },
    ]);
  });

  it.each([
    ['an empty object', {}, 'The body must be a JSON object with "lead"', ''],
    ['a number', 1, 'The body must be a JSON object with "lead"', ''],
    ['an array', [{ id: 'a' }], 'The body must be a JSON object with "lead"', ''],
    ['lead and leads', { lead: {}, leads: [{}] }, 'The body has both "lead" and "leads"', ''],
    ['an unknown field', { phone: '138' }, 'does not accept: phone.', ''],
    ['a null lead', { lead: null }, 'The lead ("lead") must be an object', 'lead'],
    ['an array as lead', { lead: [1, 2] }, 'The lead ("lead") must be an object', 'lead'],
    ['an empty batch', { leads: [] }, 'The lead list ("leads") must have at least 1', 'leads'],
    ['a text in a batch', { leads: [{ id: 'a' }, 'b'] }, 'Lead 2 must be an object', 'leads.1'],
    [
      'a nested value',
      { lead: { phone: { a: 1 } } },
      'Field "phone" of the lead must be text, a number',
      'lead.phone',
    ],
    [
      'an array value',
      { leads: [{ tags: [1] }] },
      'Field "tags" of lead 1 must be text, a number',
      'leads.0.tags',
    ],
    [
      'an infinite number',
      { lead: { amount: Infinity } },
      'but the request has the number Infinity',
      'lead.amount',
    ],
  ])('rejects %s with a message that says what to send', (_name, body, message, path) => {
    const error = errorOf(() => readAllocateBody(body));

    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('validation-failed');
    expect(error.message).toContain(message);
    expect(error.details.issues).toEqual([expect.objectContaining({ path })]);
  });

  it('answers 413 to more than 1,000 leads', () => {
    const leads = Array.from({ length: 1001 }, (_, index) => ({ id: String(index) }));

    expect(errorOf(() => readAllocateBody({ leads })).statusCode).toBe(413);
  });
});

describe('withLeadIds', () => {
  it('keeps the ids leads have', () => {
    expect(withLeadIds([{ id: 'a' }, { id: 7 }])).toEqual([{ id: 'a' }, { id: 7 }]);
  });

  it('gives blank and missing ids distinct generated ids', () => {
    const ids = withLeadIds([{ name: 'x' }, { id: '  ' }, { id: null }]).map((lead) => lead.id);

    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(String(id)).toMatch(/^auto-/);
  });

  it('rejects the same id twice, naming both leads', () => {
    const error = errorOf(() => withLeadIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }]));

    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('Leads 1 and 3 have the same id "a"');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'leads.2.id' })]);
  });

  it('treats a number id and its text as the same id', () => {
    expect(errorOf(() => withLeadIds([{ id: 5 }, { id: '5' }])).statusCode).toBe(400);
  });
});
