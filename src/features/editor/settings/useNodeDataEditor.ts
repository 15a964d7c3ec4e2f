import { useCallback } from 'react';
import { useEditorStoreApi } from '../store/EditorStoreContext';

/**
 * Editing helpers for one node's data. `set` replaces one key; `update`
 * derives new data. Both group changes with the same `coalesceKey` into one
 * undo step while the user types.
 */
export function useNodeDataEditor(nodeId: string) {
  const store = useEditorStoreApi();

  const update = useCallback(
    (change: (data: Record<string, unknown>) => Record<string, unknown>, coalesceKey?: string) => {
      store
        .getState()
        .updateNodeData(nodeId, change, { coalesceKey: coalesceKey && `${nodeId}:${coalesceKey}` });
    },
    [store, nodeId],
  );

  const set = useCallback(
    (key: string, value: unknown, coalesceKey?: string) => {
      update((data) => {
        if (Object.is(data[key], value)) return data;
        const next = { ...data };
        if (value === undefined) delete next[key];
        else next[key] = value;
        return next;
      }, coalesceKey);
    },
    [update],
  );

  return { set, update };
}

/** A copy of `list` with the item at `index` replaced by `change(item)`. */
export function replaceAt<T>(list: readonly T[], index: number, change: (item: T) => T): T[] {
  return list.map((item, i) => (i === index ? change(item) : item));
}

/** A copy of `list` with the item at `index` moved by `offset` places, when that stays in range. */
export function moveAt<T>(list: readonly T[], index: number, offset: number): T[] {
  const target = index + offset;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** The array at `data[key]`, or an empty one. */
export function arrayAt<T>(data: Record<string, unknown>, key: string): T[] {
  const value = data[key];
  return Array.isArray(value) ? (value as T[]) : [];
}
