import type { CapNote } from '../run/cap-notes.js';
import { ENGINE_MESSAGES, interpolate, type MessageLanguage } from './format-message.js';

/** Host functions that name the nodes and write the counts of a cap note. */
export interface CapNoteFormat {
  /** The node's name as the user sees it. */
  nodeName: (nodeId: string) => string;
  /** Writes a count, such as `9,180`; default `String`. */
  formatNumber?: (value: number) => string;
  /** Names the field a quota counts per, such as `城市` for `city`; default: the field key. */
  fieldLabel?: (field: string) => string;
}

/**
 * Words a cap note in a language: which limit filled and how many leads it
 * sent where, for example “Quota” reached its daily limit of 60 leads, so
 * 9,180 leads went to the pool (over today's quota).
 */
export function formatCapNote(
  note: CapNote,
  language: MessageLanguage,
  { nodeName, formatNumber = String, fieldLabel = (field) => field }: CapNoteFormat,
): string {
  const messages = (ENGINE_MESSAGES[language] ?? ENGINE_MESSAGES.en).capNote;

  const count = formatNumber(note.overflow);
  const overflow =
    note.targetNodeId === null
      ? interpolate(messages.unconnected, { count })
      : note.targetPoolReason
        ? interpolate(messages.toPool, { count, reason: note.targetPoolReason })
        : interpolate(messages.toNode, { count, target: nodeName(note.targetNodeId) });
  const common = { node: nodeName(note.nodeId), period: messages[note.period], overflow };

  if (note.kind === 'capacity') {
    return interpolate(messages.capacity, {
      ...common,
      full: formatNumber(note.fullReps),
      active: formatNumber(note.activeReps),
      capacity: formatNumber(note.capacity),
    });
  }
  const limit = formatNumber(note.limit);
  return note.per === null
    ? interpolate(messages.quota, { ...common, limit })
    : interpolate(messages.quotaPer, { ...common, limit, per: fieldLabel(note.per) });
}
