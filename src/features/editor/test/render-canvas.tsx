import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import { ReactFlowProvider, useReactFlow, type ReactFlowInstance } from '@xyflow/react';
import type { FlowDocument } from '@sras/engine';
import { initI18n } from '../../../i18n/i18n';
import { FlowCanvas } from '../canvas/FlowCanvas';
import { EditorEnvironmentProvider } from '../environment/EditorEnvironment';
import { createEditorStore } from '../store/editor.store';
import { EditorStoreProvider } from '../store/EditorStoreContext';

/** Captures the React Flow instance so a test can set the viewport. */
function InstanceProbe({ onInstance }: { onInstance: (instance: ReactFlowInstance) => void }) {
  onInstance(useReactFlow());
  return null;
}

/** Render the editable canvas of `document` in English with a real store; returns the store and the flow instance. */
export async function renderCanvas(document: FlowDocument) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  const store = createEditorStore(document);
  let instance: ReactFlowInstance | undefined;

  const view = render(
    <MantineProvider>
      <EditorStoreProvider store={store}>
        <ReactFlowProvider>
          <EditorEnvironmentProvider reps={[]} datasetColumns={[]} problems={[]}>
            <div style={{ width: 800, height: 600 }}>
              <FlowCanvas snapToGrid={false} />
            </div>
          </EditorEnvironmentProvider>
          <InstanceProbe onInstance={(value) => (instance = value)} />
        </ReactFlowProvider>
      </EditorStoreProvider>
    </MantineProvider>,
  );

  return {
    ...view,
    store,
    flow: () => {
      if (!instance) throw new Error('React Flow instance not ready');
      return instance;
    },
  };
}
