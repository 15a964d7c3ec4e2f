import type { FlowRecord } from '../../storage/records';

export type FlowSortOrder = 'updated' | 'name';

/**
 * The flows whose name or description contains `query` (case-insensitive),
 * most recently edited first or by name in `language`'s collation.
 */
export function filterAndSortFlows(
  flows: readonly FlowRecord[],
  query: string,
  order: FlowSortOrder,
  language: string,
): FlowRecord[] {
  const needle = query.trim().toLocaleLowerCase(language);
  const matching = needle
    ? flows.filter((flow) =>
        [flow.name, flow.document.description ?? ''].some((text) =>
          text.toLocaleLowerCase(language).includes(needle),
        ),
      )
    : [...flows];

  if (order === 'name') {
    const collator = new Intl.Collator(language, { numeric: true });
    return matching.sort((a, b) => collator.compare(a.name, b.name));
  }
  return matching.sort((a, b) => b.updatedAt - a.updatedAt);
}
