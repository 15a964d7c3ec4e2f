import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { initI18n } from '../../i18n/i18n';
import type { VersionServerPublish } from '../../storage/records';
import { createFlow } from '../flows/flow-repository';
import { saveVersion } from './version-repository';
import { VersionsPanel } from './VersionsPanel';

// jsdom has no FontFaceSet, which Mantine's autosizing note field listens to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: new EventTarget(),
    configurable: true,
  });
}

async function renderPanel(flowId: string) {
  const i18n = initI18n('en');
  await i18n.changeLanguage('en');
  const router = createMemoryRouter([{ path: '*', element: <VersionsPanel flowId={flowId} /> }]);
  return render(
    <MantineProvider env="test">
      <RouterProvider router={router} />
    </MantineProvider>,
  );
}

/** Stores a flow with one version, published here, with `serverPublish` as given. */
async function publishedVersion(serverPublish?: VersionServerPublish) {
  const database = getDatabase();
  const flow = await createFlow('广东线索');
  const version = (await saveVersion(flow.id, '上线版'))!;
  await database.flowVersions.update(version.id, {
    publishedAt: Date.now(),
    ...(serverPublish ? { serverPublish } : {}),
  });
  await database.flows.update(flow.id, { publishedVersionId: version.id });
  return flow.id;
}

let getDatabase: ReturnType<typeof useFreshDatabase>;

describe('VersionsPanel server publish state', () => {
  getDatabase = useFreshDatabase();

  it('shows the server version number of a version published on the server', async () => {
    const flowId = await publishedVersion({ status: 'published', version: 3, at: Date.now() });
    await renderPanel(flowId);

    expect(await screen.findByTestId('server-publish-state')).toHaveTextContent('On server · v3');
  });

  it('shows the reason and a retry for a failed server publish', async () => {
    const flowId = await publishedVersion({
      status: 'failed',
      reason: 'offline',
      detail: '',
      at: Date.now(),
    });
    await renderPanel(flowId);

    const state = await screen.findByTestId('server-publish-state');
    expect(state).toHaveTextContent('Not on server');
    expect(state).toHaveTextContent('The server did not answer');
    expect(within(state).getByRole('button', { name: 'Retry' })).toBeVisible();
  });

  it('says a version never sent to a server runs in this browser only', async () => {
    const flowId = await publishedVersion();
    await renderPanel(flowId);

    const state = await screen.findByTestId('server-publish-state');
    expect(state).toHaveTextContent('This browser only');
    expect(within(state).queryByRole('button')).toBeNull();
  });
});
