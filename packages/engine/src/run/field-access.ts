import type { Lead, LeadValue } from '../flow/flow.types.js';

/**
 * True when reading `name` from a plain object could reach Object.prototype
 * (`constructor`, `toString`, `__proto__` …). Such fields are read with an
 * own-property check; all others are read directly, which is faster.
 */
export function needsOwnCheck(name: string): boolean {
  return name in Object.prototype;
}

/** Reads a lead's own field, never one inherited from its prototype. */
export function readOwnField(lead: Lead, name: string): LeadValue | undefined {
  return Object.prototype.hasOwnProperty.call(lead, name) ? lead[name] : undefined;
}

/** Reads a field, with the own-property check only when `checked` is true. */
export function readField(lead: Lead, name: string, checked: boolean): LeadValue | undefined {
  return checked ? readOwnField(lead, name) : lead[name];
}
