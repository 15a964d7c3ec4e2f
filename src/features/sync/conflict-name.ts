import type { SyncConflict } from './sync.store';

/** The name of a conflict's document as shown in lists: the flow's name, or the list's (`sync:lists.<kind>`). */
export function conflictName(conflict: SyncConflict, t: (key: string) => string): string {
  if (conflict.kind !== 'flow') return t(`lists.${conflict.kind}`);
  return conflict.local?.name ?? conflict.server?.name ?? conflict.id;
}
