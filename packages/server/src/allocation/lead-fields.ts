import type { Lead } from '@sras/engine';
import { mapColumns } from '@sras/import';

const MAX_CACHED_LAYOUTS = 256;

// Integrators send the same field names request after request, so the
// mapping of a set of names is computed once.
const layoutCache = new Map<string, [string, string][]>();

/**
 * Adds the standard field for each lead field named by one of its Chinese or
 * English synonyms (`手机` and `mobile` give `phone`, `省份` gives
 * `province`), as the importer maps spreadsheet columns. The original fields
 * stay, so a flow that reads `手机` still finds it; a standard field the lead
 * already has is never overwritten.
 */
export function withStandardFields(lead: Lead): Lead {
  const names = Object.keys(lead);
  const renames = standardNamesOf(names);
  if (renames.length === 0) return lead;

  const result: Lead = { ...lead };
  for (const [name, field] of renames) {
    if (!Object.hasOwn(result, field)) result[field] = lead[name];
  }
  return result;
}

function standardNamesOf(names: string[]): [string, string][] {
  const cacheKey = names.join('\u0000');
  const cached = layoutCache.get(cacheKey);
  if (cached) return cached;

  const mapping = mapColumns(names.map((name) => ({ key: name, header: name })));
  const renames: [string, string][] = [];
  for (const [name, { field }] of mapping) {
    if (field !== null && field !== name) renames.push([name, field]);
  }

  if (layoutCache.size >= MAX_CACHED_LAYOUTS) layoutCache.clear();
  layoutCache.set(cacheKey, renames);
  return renames;
}
