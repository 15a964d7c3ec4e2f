import type { FlowProblem } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../../test/database';
import { createFlow, getFlow, saveFlowDocument } from '../flows/flow-repository';
import {
  deleteVersion,
  listVersions,
  publishVersion,
  restoreVersion,
  saveVersion,
} from './version-repository';

const noProblems = () => [];
const oneError = (): FlowProblem[] => [{ code: 'source-missing', severity: 'error', params: {} }];
const oneWarning = (): FlowProblem[] => [
  { code: 'node-unreachable', severity: 'warning', nodeId: 'n', params: {} },
];

describe('version repository', () => {
  useFreshDatabase();

  it('saves a snapshot that later edits do not change', async () => {
    const flow = await createFlow('a');

    const version = await saveVersion(flow.id, 'v1', '第一版');
    await saveFlowDocument({ ...flow.document, name: 'edited' }, 1);

    expect(version).toMatchObject({ name: 'v1', note: '第一版', flowRevision: 1 });
    expect((await listVersions(flow.id))[0]?.document.name).toBe('a');
  });

  it('lists the versions of one flow, newest first', async () => {
    const flow = await createFlow('a');
    const other = await createFlow('b');
    await saveVersion(flow.id, 'v1');
    await new Promise((resolve) => setTimeout(resolve, 2));
    await saveVersion(flow.id, 'v2');
    await saveVersion(other.id, 'other');

    expect((await listVersions(flow.id)).map((version) => version.name)).toEqual(['v2', 'v1']);
  });

  it('restores a version as a new revision and keeps the replaced document', async () => {
    const flow = await createFlow('a');
    const version = await saveVersion(flow.id, 'v1');
    await saveFlowDocument({ ...flow.document, name: 'edited' }, 1);

    const result = await restoreVersion(version!.id, 'Before restore');

    expect(result?.flow).toMatchObject({ name: 'a', revision: 3 });
    expect(result?.backup.document.name).toBe('edited');
    expect(await getFlow(flow.id)).toMatchObject({ name: 'a', revision: 3 });
  });

  it('publishes a version without errors', async () => {
    const flow = await createFlow('a');
    const version = await saveVersion(flow.id, 'v1');

    const result = await publishVersion(version!.id, oneWarning);

    expect(result.status).toBe('published');
    expect((await getFlow(flow.id))?.publishedVersionId).toBe(version!.id);
  });

  it('refuses to publish a version with errors and lists them', async () => {
    const flow = await createFlow('a');
    const version = await saveVersion(flow.id, 'v1');

    const result = await publishVersion(version!.id, oneError);

    expect(result).toEqual({ status: 'invalid', errors: oneError() });
    expect((await getFlow(flow.id))?.publishedVersionId).toBeUndefined();
  });

  it('unpublishes a published version that is deleted', async () => {
    const flow = await createFlow('a');
    const version = await saveVersion(flow.id, 'v1');
    await publishVersion(version!.id, noProblems);

    await deleteVersion(version!.id);

    expect(await listVersions(flow.id)).toEqual([]);
    expect((await getFlow(flow.id))?.publishedVersionId).toBeUndefined();
  });
});
