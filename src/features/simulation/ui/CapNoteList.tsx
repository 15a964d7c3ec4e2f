import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCapNote, type CapNote } from '@sras/engine';
import { useFormat } from '../../../i18n/useFormat';

/**
 * States in plain words which quota or rep capacity filled during the run
 * and how many leads it sent on, with what to change to send fewer leads to
 * the pool. Renders nothing when no limit was reached.
 */
export function CapNoteList({
  notes,
  nodeName,
  fieldLabel,
}: {
  notes: readonly CapNote[];
  nodeName: (nodeId: string) => string;
  /** Names the field a quota counts per by the dataset's header. */
  fieldLabel: (field: string) => string;
}) {
  const { t, i18n } = useTranslation('simulation');
  const format = useFormat();
  if (notes.length === 0) return null;

  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const noteText = (note: CapNote) =>
    formatCapNote(note, language, { nodeName, fieldLabel, formatNumber: format.number });

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
