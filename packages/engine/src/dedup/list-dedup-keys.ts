import type { Pipeline } from '../compile/pipeline.types.js';
import type { DedupKey, Lead } from '../flow/flow.types.js';
import { readOwnField } from '../run/field-access.js';
import { dedupKeyOf } from './dedup-keys.js';

/**
 * Lists the normalised dedup keys (`phone:13800000000`) that the dedup nodes
 * of a pipeline would look up for a batch of leads, without repeats, in
 * first-seen order. A host that keeps dedup keys in a database loads only
 * these rows and passes them as the state's `dedup` section, which gives the
 * same results as passing every key it has.
 */
export function listDedupKeys(pipeline: Pipeline, leads: readonly Lead[]): string[] {
  const types = new Set<DedupKey>();
  for (const node of pipeline.nodes) {
    if (node.type === 'dedup') for (const key of node.keys) types.add(key);
  }
  if (types.size === 0) return [];

  const keys = new Set<string>();
  for (const lead of leads) {
    if (typeof lead !== 'object' || lead === null) continue;
    for (const type of types) {
      const key = dedupKeyOf(type, readOwnField(lead, type));
      if (key !== null) keys.add(key);
    }
  }
  return [...keys];
}
