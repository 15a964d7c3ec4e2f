import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import {
  Alert,
  Box,
  CloseButton,
  Group,
  Paper,
  Tabs,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useKeyboardShortcuts } from '../../app/help/useKeyboardShortcuts';
import { FlowCanvas } from './canvas/FlowCanvas';
import { NodePalette } from './canvas/NodePalette';
import { useEditorShortcuts } from './canvas/useEditorShortcuts';
import { useEditorEnvironment } from './environment/EditorEnvironment';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { NodeSettingsPanel } from './settings/NodeSettingsPanel';
import {
  useDroppedEdges,
  useFieldFocus,
  useFlowName,
  useSelectedNodeIds,
} from './store/editor-selectors';
import { EditorToolbar } from './toolbar/EditorToolbar';
import { EDITOR_SHORTCUTS } from './toolbar/editor-shortcuts';
import { PublishRefusalDialog } from './toolbar/PublishRefusalDialog';
import { useDeferredMount } from '../../app/useDeferredMount';
import classes from './EditorWorkspace.module.css';

export interface EditorWorkspaceProps {
  /** Autosave status shown in the toolbar. */
  status: ReactNode;
  /** Controls the host adds to the toolbar, such as the versions button. */
  toolbarExtra?: ReactNode;
  /** Publish a flow without errors; absent while publishing is not available. */
  onPublish?: () => void;
}

function DroppedEdgesAlert() {
  const { t } = useTranslation('editor');
  const droppedEdges = useDroppedEdges();
  const [dismissed, setDismissed] = useState(false);
  if (droppedEdges.length === 0 || dismissed) return null;

  const list = droppedEdges
    .map((edge) =>
      t('load.droppedEdgeItem', { edge: edge.edgeId, nodes: edge.missingNodeIds.join(', ') }),
    )
    .join(t('summary.listSeparator'));
  return (
    <Alert
      color="yellow"
      title={t('load.droppedEdgesTitle')}
      withCloseButton
      onClose={() => setDismissed(true)}
      m="xs"
      data-testid="dropped-edges-warning"
    >
      {t('load.droppedEdgesBody', { count: droppedEdges.length, list })}
    </Alert>
  );
}

/** The editor's layout: toolbar, palette, canvas, and the settings and problems panel. */
export function EditorWorkspace({ status, toolbarExtra, onPublish }: EditorWorkspaceProps) {
  const { t } = useTranslation('editor');
  const { fitView } = useReactFlow();
  const { problems } = useEditorEnvironment();
  const selectedNodeIds = useSelectedNodeIds();
  const flowName = useFlowName();
  const fieldFocus = useFieldFocus();
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [panel, setPanel] = useState<string | null>('settings');
  const [panelOpen, setPanelOpen] = useState(true);
  const [refusalOpen, setRefusalOpen] = useState(false);
  const errors = useMemo(
    () => problems.filter((problem) => problem.severity === 'error'),
    [problems],
  );
  // The toolbar and the canvas come first; the palette and the side panel
  // follow in a second, time-sliced render.
  const sidePartsMounted = useDeferredMount();

  const showSettings = useCallback(() => setPanel('settings'), []);
  const showProblems = useCallback(() => {
    setPanel('problems');
    setPanelOpen(true);
  }, []);
  const closeRefusal = useCallback(() => setRefusalOpen(false), []);
  const onFitView = useCallback(() => void fitView({ padding: 0.2, duration: 300 }), [fitView]);
  useEditorShortcuts({ onFitView });
  useKeyboardShortcuts(EDITOR_SHORTCUTS);

  const selectionKey = selectedNodeIds.join(',');
  useEffect(() => {
    if (selectionKey === '') return;
    setPanel('settings');
    setPanelOpen(true);
  }, [selectionKey, fieldFocus]);

  const publish = useCallback(() => {
    if (errors.length > 0) setRefusalOpen(true);
    else onPublish?.();
  }, [errors, onPublish]);

  return (
    <div className={classes.workspace} data-testid="flow-editor">
      <VisuallyHidden>
        <Title order={2}>{flowName}</Title>
      </VisuallyHidden>
      <Paper className={classes.toolbar} radius={0}>
        <EditorToolbar
          snapToGrid={snapToGrid}
          onSnapToGridChange={setSnapToGrid}
          onFitView={onFitView}
          onShowProblems={showProblems}
          onPublish={publish}
          canPublish={onPublish !== undefined}
          extra={toolbarExtra}
          status={status}
        />
      </Paper>
      <DroppedEdgesAlert />
      <div className={classes.body}>
        <Paper className={classes.palette} radius={0}>
          {sidePartsMounted && <NodePalette />}
        </Paper>
        <Box className={classes.canvas}>
          <FlowCanvas snapToGrid={snapToGrid} />
        </Box>
        {panelOpen && (
          <Paper className={classes.panel} radius={0}>
            <Tabs value={panel} onChange={setPanel} className={classes.tabs}>
              <Group gap={0} wrap="nowrap" className={classes.tabHeader}>
                <Tabs.List style={{ flex: 1 }}>
                  <Tabs.Tab value="settings">{t('settings.tab')}</Tabs.Tab>
                  <Tabs.Tab value="problems" data-testid="problems-tab">
                    {t('problems.title')}
                    {problems.length > 0 && (
                      <Text span size="xs" c={errors.length > 0 ? 'red' : 'yellow.7'} ml={4}>
                        {problems.length}
                      </Text>
                    )}
                  </Tabs.Tab>
                </Tabs.List>
                <CloseButton
                  aria-label={t('settings.close')}
                  onClick={() => setPanelOpen(false)}
                  mx={4}
                />
              </Group>
              <Tabs.Panel value="settings" className={classes.tabPanel}>
                {sidePartsMounted && <NodeSettingsPanel />}
              </Tabs.Panel>
              <Tabs.Panel value="problems" className={classes.tabPanel}>
                {sidePartsMounted && <ProblemsPanel onShowNode={showSettings} />}
              </Tabs.Panel>
            </Tabs>
          </Paper>
        )}
      </div>
      <PublishRefusalDialog errors={errors} opened={refusalOpen} onClose={closeRefusal} />
    </div>
  );
}
