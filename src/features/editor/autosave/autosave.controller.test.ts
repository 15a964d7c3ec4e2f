import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@sras/engine';
import { useFreshDatabase } from '../../../test/database';
import { createFlow, getFlow, saveFlowDocument } from '../../flows/flow-repository';
import type { FlowRecord } from '../../../storage/records';
import { AutosaveController, type AutosaveStatus } from './autosave.controller';

/** A controller on the real repository whose timers run only when the test says so. */
function openTab(flow: FlowRecord, start = 0) {
  const timers: { callback: () => void; ms: number }[] = [];
  const statuses: AutosaveStatus['kind'][] = [];
  const remote: FlowDocument[] = [];
  let time = start;

  const controller = new AutosaveController<FlowRecord>(flow, {
    save: saveFlowDocument,
    onRemoteDocument: (stored) => remote.push(stored.document),
    onStatus: (status) => statuses.push(status.kind),
    setTimer: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => {
      const index = timers.indexOf(handle as (typeof timers)[number]);
      if (index >= 0) timers.splice(index, 1);
    },
    now: () => time,
  });

  return {
    controller,
    statuses,
    /** The status last reported; a controller starts out saved. */
    status: () => statuses.at(-1) ?? 'saved',
    remote,
    timers,
    advance(ms: number) {
      time += ms;
    },
    /** Run the pending timer and wait for the save it starts. */
    async fireTimer() {
      const timer = timers.shift();
      if (!timer) throw new Error('no timer pending');
      timer.callback();
      await controller.flush();
    },
  };
}

const rename = (document: FlowDocument, name: string): FlowDocument => ({ ...document, name });

describe('AutosaveController', () => {
  useFreshDatabase();

  it('saves an edit after the quiet time', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);

    tab.controller.notifyChange(rename(flow.document, 'b'));
    expect(tab.timers[0]?.ms).toBe(300);
    await tab.fireTimer();

    expect(await getFlow(flow.id)).toMatchObject({ name: 'b', revision: 2 });
    expect(tab.controller.knownRevision).toBe(2);
    expect(tab.status()).toBe('saved');
  });

  it('reports a pending save once while edits keep coming', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);

    for (const name of ['b', 'c', 'd', 'e']) {
      tab.controller.notifyChange(rename(flow.document, name));
      tab.advance(50);
    }
    await tab.fireTimer();

    expect(tab.statuses).toEqual(['pending', 'saving', 'saved']);
  });

  it('does not postpone a save past the longest wait while edits keep coming', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);

    tab.controller.notifyChange(rename(flow.document, 'b'));
    tab.advance(250);
    tab.controller.notifyChange(rename(flow.document, 'bc'));
    tab.advance(250);
    tab.controller.notifyChange(rename(flow.document, 'bcd'));
    tab.advance(250);
    tab.controller.notifyChange(rename(flow.document, 'bcde'));

    expect(tab.timers).toHaveLength(1);
    expect(tab.timers[0]?.ms).toBe(50);
  });

  it('saves at once on flush', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);

    tab.controller.notifyChange(rename(flow.document, 'b'));
    await tab.controller.flush();

    expect(await getFlow(flow.id)).toMatchObject({ name: 'b' });
    expect(tab.timers).toHaveLength(0);
  });

  it('reports a conflict when another tab saved first and saves nothing', async () => {
    const flow = await createFlow('a');
    const first = openTab(flow);
    const second = openTab(flow);

    first.controller.notifyChange(rename(flow.document, 'first'));
    await first.controller.flush();
    second.controller.notifyChange(rename(flow.document, 'second'));
    await second.controller.flush();

    expect(second.status()).toBe('conflict');
    expect(await getFlow(flow.id)).toMatchObject({ name: 'first', revision: 2 });
  });

  it('keeps mine as the newest revision when the user chooses so', async () => {
    const flow = await createFlow('a');
    const first = openTab(flow);
    const second = openTab(flow);
    first.controller.notifyChange(rename(flow.document, 'first'));
    await first.controller.flush();
    second.controller.notifyChange(rename(flow.document, 'second'));
    await second.controller.flush();

    await second.controller.keepMine();

    expect(await getFlow(flow.id)).toMatchObject({ name: 'second', revision: 3 });
    expect(second.status()).toBe('saved');
  });

  it('takes theirs when the user chooses so', async () => {
    const flow = await createFlow('a');
    const first = openTab(flow);
    const second = openTab(flow);
    first.controller.notifyChange(rename(flow.document, 'first'));
    await first.controller.flush();
    second.controller.notifyChange(rename(flow.document, 'second'));
    await second.controller.flush();

    second.controller.takeTheirs();

    expect(second.remote.map((document) => document.name)).toEqual(['first']);
    expect(second.controller.knownRevision).toBe(2);
    expect(second.controller.hasUnsavedChanges).toBe(false);
  });

  it('takes a newer stored revision silently when nothing is unsaved', async () => {
    const flow = await createFlow('a');
    const first = openTab(flow);
    const second = openTab(flow);
    first.controller.notifyChange(rename(flow.document, 'first'));
    await first.controller.flush();

    second.controller.observeStored((await getFlow(flow.id))!);

    expect(second.remote.map((document) => document.name)).toEqual(['first']);
    expect(second.status()).toBe('saved');
  });

  it('turns a newer stored revision into a conflict when edits are unsaved', async () => {
    const flow = await createFlow('a');
    const first = openTab(flow);
    const second = openTab(flow);
    first.controller.notifyChange(rename(flow.document, 'first'));
    await first.controller.flush();
    second.controller.notifyChange(rename(flow.document, 'second'));

    second.controller.observeStored((await getFlow(flow.id))!);

    expect(second.status()).toBe('conflict');
    expect(second.remote).toEqual([]);
    expect(second.timers).toHaveLength(0);
  });

  it('ignores the stored revision its own save produced', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);
    tab.controller.notifyChange(rename(flow.document, 'b'));
    await tab.controller.flush();

    tab.controller.observeStored((await getFlow(flow.id))!);

    expect(tab.remote).toEqual([]);
    expect(tab.status()).toBe('saved');
  });

  it('saves an edit made while a save was running', async () => {
    const flow = await createFlow('a');
    const tab = openTab(flow);

    tab.controller.notifyChange(rename(flow.document, 'b'));
    tab.timers.shift()?.callback();
    tab.controller.notifyChange(rename(flow.document, 'c'));
    await tab.controller.flush();

    expect(await getFlow(flow.id)).toMatchObject({ name: 'c', revision: 3 });
  });

  it('reports a deleted flow and stops saving', async () => {
    const flow = await createFlow('a');
    const gone = { ...flow.document, id: 'flow-gone' };
    const tab = openTab({ ...flow, document: gone });

    tab.controller.notifyChange(rename(gone, 'b'));
    await tab.controller.flush();

    expect(tab.status()).toBe('missing');
  });
});
