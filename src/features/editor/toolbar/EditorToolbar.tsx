import { memo, type ReactNode } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Switch,
  TextInput,
  Tooltip,
} from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconClipboard,
  IconCopy,
  IconFocusCentered,
  IconKeyboard,
  IconLayoutDistributeHorizontal,
  IconSend,
  IconTrash,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openShortcutsDialog } from '../../../app/help/shortcuts.store';
import { useClipboardActions } from '../canvas/useClipboardActions';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import {
  useCanRedo,
  useCanUndo,
  useEditorActions,
  useFlowName,
  useSelectedNodeIds,
} from '../store/editor-selectors';
import { useEditorStoreApi } from '../store/EditorStoreContext';

function ToolButton({
  label,
  icon: IconComponent,
  onClick,
  disabled,
  testId,
}: {
  label: string;
  icon: Icon;
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        size="lg"
        aria-label={label}
        onClick={onClick}
        disabled={disabled}
        data-testid={testId}
      >
        <IconComponent size={18} />
      </ActionIcon>
    </Tooltip>
  );
}

export interface EditorToolbarProps {
  snapToGrid: boolean;
  onSnapToGridChange: (value: boolean) => void;
  onFitView: () => void;
  onShowProblems: () => void;
  onPublish: () => void;
  /** Whether publishing is available; the button is hidden otherwise. */
  canPublish: boolean;
  /** Controls added by the host, such as the versions button. */
  extra?: ReactNode;
  /** The autosave status. */
  status: ReactNode;
}

/**
 * Flow name, history, clipboard, layout and view controls, problems count,
 * publish and save status. Memoised: the workspace around it re-renders when
 * React Flow's viewport is ready, and the toolbar's tooltips are costly.
 */
export const EditorToolbar = memo(function EditorToolbar(props: EditorToolbarProps) {
  const { t } = useTranslation('editor');
  const store = useEditorStoreApi();
  const flowName = useFlowName();
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const selectedNodeIds = useSelectedNodeIds();
  const { undo, redo, autoLayout, renameFlow } = useEditorActions();
  const { copySelection, pasteFromClipboard } = useClipboardActions();
  const { problems } = useEditorEnvironment();
  const errors = problems.filter((problem) => problem.severity === 'error').length;

  const deleteSelection = () => {
    const { selectedNodeIds: nodeIds, selectedEdgeIds: edgeIds } = store.getState();
    store.getState().deleteElements({ nodeIds, edgeIds });
  };

  return (
    <Group gap={4} px="sm" py={6} wrap="nowrap" role="toolbar" aria-label={t('toolbar.label')}>
      <TextInput
        aria-label={t('toolbar.flowName')}
        value={flowName}
        onChange={(event) => renameFlow(event.currentTarget.value)}
        w={220}
        size="sm"
        data-testid="flow-name"
      />
      <Divider orientation="vertical" mx={4} />
      <ToolButton
        label={t('toolbar.undo')}
        icon={IconArrowBackUp}
        onClick={undo}
        disabled={!canUndo}
        testId="toolbar-undo"
      />
      <ToolButton
        label={t('toolbar.redo')}
        icon={IconArrowForwardUp}
        onClick={redo}
        disabled={!canRedo}
        testId="toolbar-redo"
      />
      <Divider orientation="vertical" mx={4} />
      <ToolButton
        label={t('toolbar.copy')}
        icon={IconCopy}
        onClick={copySelection}
        disabled={selectedNodeIds.length === 0}
      />
      <ToolButton
        label={t('toolbar.paste')}
        icon={IconClipboard}
        onClick={() => void pasteFromClipboard()}
      />
      <ToolButton label={t('toolbar.delete')} icon={IconTrash} onClick={deleteSelection} />
      <Divider orientation="vertical" mx={4} />
      <ToolButton
        label={t('toolbar.autoLayout')}
        icon={IconLayoutDistributeHorizontal}
        onClick={autoLayout}
        testId="toolbar-layout"
      />
      <ToolButton
        label={t('toolbar.fitView')}
        icon={IconFocusCentered}
        onClick={props.onFitView}
        testId="toolbar-fit-view"
      />
      <Switch
        size="xs"
        ml={4}
        label={t('toolbar.snapToGrid')}
        checked={props.snapToGrid}
        onChange={(event) => props.onSnapToGridChange(event.currentTarget.checked)}
      />
      <ToolButton
        label={t('toolbar.shortcuts')}
        icon={IconKeyboard}
        onClick={openShortcutsDialog}
      />
      <div style={{ flex: 1 }} />
      {props.status}
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={props.onShowProblems}
        rightSection={
          problems.length > 0 ? (
            <Badge size="sm" color={errors > 0 ? 'red' : 'yellow'} circle>
              {problems.length}
            </Badge>
          ) : undefined
        }
        data-testid="toolbar-problems"
      >
        {t('toolbar.problems')}
      </Button>
      {props.extra}
      {props.canPublish && (
        <Button
          size="compact-sm"
          leftSection={<IconSend size={16} />}
          onClick={props.onPublish}
          data-testid="toolbar-publish"
        >
          {t('toolbar.publish')}
        </Button>
      )}
    </Group>
  );
});
