import type { FlowDocument, Rep } from '@sras/engine';
import { describe, expect, it } from 'vitest';
import { assignedRepIds, diffRepLists, flowsLosingReps, type FlowToCheck } from './rep-conflict';

const east1: Rep = { id: 'east-1', name: '张伟', team: '华东', active: true, weight: 1 };
const east2: Rep = { id: 'east-2', name: '李娜', team: '华东', active: true, weight: 1 };
const north1: Rep = { id: 'north-1', name: '王芳', team: '华北', active: true, weight: 1 };

function flow(name: string, repIds: string[], published = true): FlowToCheck {
  const document = {
    nodes: [
      { id: 'source', type: 'source', position: { x: 0, y: 0 }, data: {} },
      {
        id: 'rotation',
        type: 'roundRobin',
        position: { x: 1, y: 0 },
        data: { assignees: repIds.map((repId) => ({ repId })) },
      },
    ],
  } as Pick<FlowDocument, 'nodes'>;
  return { flowId: name, flowName: name, published, document };
}

describe('diffRepLists', () => {
  it('lists reps added, removed and changed with the changed fields', () => {
    const server = [east1, east2];
    const local = [{ ...east1, weight: 3, active: false }, north1];

    const diff = diffRepLists(server, local);

    expect(diff.added.map((rep) => rep.id)).toEqual(['north-1']);
    expect(diff.removed.map((rep) => rep.id)).toEqual(['east-2']);
    expect(diff.changed).toEqual([{ id: 'east-1', name: '张伟', fields: ['active', 'weight'] }]);
  });

  it('finds no differences between equal lists', () => {
    expect(diffRepLists([east1], [{ ...east1 }])).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('assignedRepIds', () => {
  it('collects assignees and the rep of an assign node', () => {
    const document = {
      nodes: [
        { id: 'a', type: 'assign', position: { x: 0, y: 0 }, data: { repId: 'r9' } },
        ...flow('f', ['r1', 'r2']).document.nodes,
      ],
    };

    expect([...assignedRepIds(document)].sort()).toEqual(['r1', 'r2', 'r9']);
  });
});

describe('flowsLosingReps', () => {
  it('names the flows and reps that the kept list removes', () => {
    const atRisk = flowsLosingReps(
      [north1],
      [east1, east2],
      [flow('华东分配', ['east-1', 'east-2'])],
    );

    expect(atRisk).toEqual([
      expect.objectContaining({ flowName: '华东分配', published: true, reps: ['张伟', '李娜'] }),
    ]);
  });

  it('counts a rep deactivated in the kept list as lost', () => {
    const atRisk = flowsLosingReps([{ ...east1, active: false }], [east1], [flow('f', ['east-1'])]);

    expect(atRisk.map((item) => item.reps)).toEqual([['张伟']]);
  });

  it('warns about nothing when the flows keep every rep', () => {
    expect(flowsLosingReps([east1, north1], [east1], [flow('f', ['east-1'])])).toEqual([]);
    expect(flowsLosingReps([north1], [east1], [flow('g', ['north-1'])])).toEqual([]);
  });
});
