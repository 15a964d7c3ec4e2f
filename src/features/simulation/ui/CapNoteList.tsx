import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import type { CapNote } from '../engine/cap-notes';

/**
 * States in plain words which quota or rep capacity filled during the run
 * and how many leads it sent on, with what to change to send fewer leads to
 * the pool. Renders nothing when no limit was reached.
 */
export function CapNoteList({
  notes,
  nodeName,
}: {
  notes: readonly CapNote[];
  nodeName: (nodeId: string) => string;
}) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  if (notes.length === 0) return null;

  const overflowText = (note: CapNote) => {
    const count = format.number(note.overflow);
    if (note.targetNodeId === null) return t('capNotes.unconnected', { count });
    if (note.targetPoolReason) {
      return t('capNotes.toPool', { count, reason: note.targetPoolReason });
    }
    return t('capNotes.toNode', { count, target: nodeName(note.targetNodeId) });
  };
  const noteText = (note: CapNote) => {
    const common = {
      node: nodeName(note.nodeId),
      period: t(`capNotes.period.${note.period}`),
      overflow: overflowText(note),
    };
    if (note.kind === 'capacity') {
      return t('capNotes.capacity', {
        ...common,
        full: format.number(note.fullReps),
        active: format.number(note.activeReps),
        capacity: format.number(note.capacity),
      });
    }
    const limit = format.number(note.limit);
    return note.per === null
      ? t('capNotes.quota', { ...common, limit })
      : t('capNotes.quotaPer', { ...common, limit, per: note.per });
  };

  return (
    <Stack gap={4} data-testid="cap-notes">
      <Text size="sm" fw={600}>
        {t('capNotes.title')}
      </Text>
      {notes.map((note) => (
        <Text size="sm" key={`${note.kind}-${note.nodeId}`} data-testid="cap-note">
          {noteText(note)}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('capNotes.advice')}
      </Text>
    </Stack>
  );
}
