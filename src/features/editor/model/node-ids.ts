/** The first id `${prefix}${n}` (n = 1, 2, …) that is not in `taken`. */
export function nextFreeId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A new node id for a node of `type`, unique among `taken`, such as `filter2`. */
export function newNodeId(type: string, taken: ReadonlySet<string>): string {
  return nextFreeId(type, taken);
}

/** A new edge id for the edge leaving `source` by `handle`, unique among `taken`. */
export function newEdgeId(source: string, handle: string, taken: ReadonlySet<string>): string {
  const base = `e-${source}-${handle}`;
  return taken.has(base) ? nextFreeId(`${base}-`, taken) : base;
}
