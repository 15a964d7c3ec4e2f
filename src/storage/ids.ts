/** Creates a random id for a stored record, e.g. `flow_1f0c…`. */
export function createId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;
}
