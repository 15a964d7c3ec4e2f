import { useConnection } from '@xyflow/react';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { checkConnection } from '../model/connection-rules';
import { useEditorStoreApi } from '../store/EditorStoreContext';

/** While an edge is drawn over a node it may not reach, says why. */
export function ConnectionHint() {
  const { t } = useTranslation('editor');
  const store = useEditorStoreApi();
  const connection = useConnection();
  if (!connection.inProgress || !connection.toNode || connection.isValid !== false) return null;

  // Read while a connection is drawn, when the document cannot change: a
  // subscription would re-render this hint on every frame of a node drag.
  const check = checkConnection(store.getState().document, {
    source: connection.fromNode.id,
    sourceHandle: connection.fromHandle.id,
    target: connection.toNode.id,
  });
  if (check.ok) return null;

  return (
    <Paper
      role="status"
      shadow="md"
      px="md"
      py={6}
      withBorder
      data-testid="connection-hint"
      style={{
        position: 'absolute',
        top: 12,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 10,
      }}
    >
      <Text size="sm" c="red">
        {t(`engine:connection.${check.reason}`)}
      </Text>
    </Paper>
  );
}
