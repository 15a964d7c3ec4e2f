import { useDeferredValue, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Alert, Anchor, Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import type { FlowRecord } from '../../storage/records';
import { useStoredFlow } from '../flows/flow-repository';
import { SimulateButton } from '../simulation';
import { ConflictDialog } from './autosave/ConflictDialog';
import { SaveStatus } from './autosave/SaveStatus';
import { useAutosave } from './autosave/useAutosave';
import { EditorWorkspace } from './EditorWorkspace';
import { EditorEnvironmentProvider } from './environment/EditorEnvironment';
import { toCanvas } from './model/flow-canvas.mapping';
import { useStoredDatasetColumns, useStoredReps } from './environment/useStoredEnvironment';
import { useFlowProblems } from './problems/useFlowProblems';
import { createEditorStore, type EditorStore } from './store/editor.store';
import { useFlowDocument } from './store/editor-selectors';
import { EditorStoreProvider } from './store/EditorStoreContext';
import { usePublishCurrentDocument } from './toolbar/usePublishCurrentDocument';
import { VersionsButton } from './toolbar/VersionsButton';

function EditorEnvironmentFromStorage({ children }: { children: React.ReactNode }) {
  const document = useFlowDocument();
  // Reps and columns arrive after the editor has mounted. Taking them in a
  // transition lets React revalidate the flow and re-render every part that
  // shows reps in short slices.
  const reps = useDeferredValue(useStoredReps());
  // An edit shows at once; the flow is revalidated, and the problem badges
  // and lists re-render, in a transition right after it.
  const problems = useFlowProblems(useDeferredValue(document), reps);
  const datasetColumns = useDeferredValue(useStoredDatasetColumns());

  return (
    <EditorEnvironmentProvider reps={reps} datasetColumns={datasetColumns} problems={problems}>
      {children}
    </EditorEnvironmentProvider>
  );
}

/** One open flow: the store, autosave and conflict handling around the workspace. */
function EditorSession({
  initial,
  stored,
}: {
  initial: FlowRecord;
  stored: FlowRecord | undefined;
}) {
  const [store] = useState<EditorStore>(() => createEditorStore(initial.document));
  // React Flow's store starts with the flow's nodes, so that the cards mount
  // in the time-sliced first render, not in the synchronous update React Flow
  // makes when it takes the nodes over after mounting.
  const [canvas] = useState(() => toCanvas(store.getState().document));
  const { status, keepMine, takeTheirs, retry, flush } = useAutosave(store, initial, stored);
  const publish = usePublishCurrentDocument(initial.id, flush);

  return (
    <EditorStoreProvider store={store}>
      <ReactFlowProvider initialNodes={canvas.nodes} initialEdges={canvas.edges}>
        <EditorEnvironmentFromStorage>
          <EditorWorkspace
            status={<SaveStatus status={status} onRetry={retry} />}
            toolbarExtra={
              <>
                <SimulateButton flowId={initial.id} />
                <VersionsButton flowId={initial.id} />
              </>
            }
            onPublish={() => void publish()}
          />
          <ConflictDialog
            opened={status.kind === 'conflict'}
            onKeepMine={keepMine}
            onTakeTheirs={takeTheirs}
          />
          {status.kind === 'missing' && <MissingFlowAlert />}
        </EditorEnvironmentFromStorage>
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}

function MissingFlowAlert() {
  const { t } = useTranslation('editor');
  return (
    <Alert color="red" title={t('load.notFound')} m="md">
      <Anchor component={Link} to={paths.flows()}>
        {t('load.backToList')}
      </Anchor>
    </Alert>
  );
}

/** The flow editor screen at `/flows/:flowId`. */
export function EditorScreen() {
  const { t } = useTranslation('editor');
  const { flowId } = useParams();
  const stored = useStoredFlow(flowId);
  const [initial, setInitial] = useState<FlowRecord | undefined>(undefined);

  // The session starts from the first stored record; later records go to autosave.
  const ready = stored.status === 'ready' ? stored.flow : undefined;
  if (ready && (initial === undefined || initial.id !== ready.id)) setInitial(ready);
  // The session mounts in a transition: React renders the editor in short
  // slices instead of one long task once the flow has loaded.
  const session = useDeferredValue(initial);
  const current = useMemo(
    () => (ready && ready.id === session?.id ? ready : undefined),
    [ready, session],
  );

  if (stored.status === 'missing' && !initial) {
    return (
      <Stack p="md">
        <MissingFlowAlert />
      </Stack>
    );
  }
  if (!session) {
    return (
      <Center h={300}>
        <Stack align="center" gap="xs">
          <Loader />
          <Text size="sm">{t('load.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  return <EditorSession key={session.id} initial={session} stored={current} />;
}
