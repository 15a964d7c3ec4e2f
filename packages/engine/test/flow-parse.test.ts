import { describe, expect, it } from 'vitest';
import { CURRENT_FLOW_VERSION, FLOW_MIGRATIONS } from '../src/flow/flow.migrations.js';
import { parseFlow, serializeFlow } from '../src/flow/flow.parse.js';

const document = {
  format: 'sras.flow',
  version: 1,
  id: 'f1',
  name: '华东线索',
  timezone: 'Asia/Shanghai',
  author: 'ops',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {}, width: 120 },
    {
      id: 'rr',
      type: 'roundRobin',
      position: { x: 200, y: 0 },
      data: { assignees: [{ repId: 'r1', colour: 'red' }], note: 'keep' },
    },
  ],
  edges: [{ id: 'e1', source: 'src', sourceHandle: 'out', target: 'rr', animated: true }],
};

describe('parseFlow', () => {
  it('keeps unknown fields through a load and save round trip', () => {
    const loaded = parseFlow(JSON.stringify(document));
    if (!loaded.ok) throw new Error('expected the document to load');

    const reloaded = parseFlow(serializeFlow(loaded.flow));

    expect(reloaded).toEqual({ ok: true, flow: document, migrations: [] });
  });

  it('accepts an already parsed object', () => {
    expect(parseFlow(document)).toEqual({ ok: true, flow: document, migrations: [] });
  });

  it('fills the default time zone when the document has none', () => {
    const { timezone: _timezone, ...withoutZone } = document;

    const loaded = parseFlow(withoutZone);

    expect(loaded.ok && loaded.flow.timezone).toBe('Asia/Shanghai');
  });

  it('reports text that is not JSON', () => {
    const loaded = parseFlow('{"format": ');

    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems[0]?.code).toBe('flow-json-invalid');
  });

  it('reports a document of another format', () => {
    const loaded = parseFlow({ ...document, format: 'reactflow' });

    expect(!loaded.ok && loaded.problems).toEqual([
      {
        code: 'flow-format-invalid',
        severity: 'error',
        field: 'format',
        params: { format: 'reactflow' },
      },
    ]);
  });

  it('reports a value that is not an object', () => {
    const loaded = parseFlow([]);

    expect(!loaded.ok && loaded.problems).toEqual([
      { code: 'flow-format-invalid', severity: 'error', params: { format: 'array' } },
    ]);
  });

  it('reports a version newer than this engine', () => {
    const loaded = parseFlow({ ...document, version: 2 });

    expect(!loaded.ok && loaded.problems).toEqual([
      {
        code: 'flow-version-unsupported',
        severity: 'error',
        field: 'version',
        params: { version: 2, supported: 1 },
      },
    ]);
  });

  it('reports a missing version', () => {
    const { version: _version, ...withoutVersion } = document;

    const loaded = parseFlow(withoutVersion);

    expect(!loaded.ok && loaded.problems[0]?.code).toBe('flow-version-invalid');
  });

  it('names the node and the path of a structural problem', () => {
    const broken = structuredClone(document);
    (broken.nodes[1] as { position: unknown }).position = { x: 'left', y: 0 };

    const loaded = parseFlow(broken);

    expect(!loaded.ok && loaded.problems).toEqual([
      {
        code: 'schema-invalid',
        severity: 'error',
        nodeId: 'rr',
        field: 'nodes[1].position.x',
        params: {
          path: 'nodes[1].position.x',
          message: expect.any(String) as string,
          issue: 'invalid_type',
          subject: 'node',
          node: 'rr',
          fieldKey: 'position.x',
          expected: 'number',
          received: 'text',
          value: 'left',
        },
      },
    ]);
  });

  it('names the edge of a structural problem', () => {
    const broken = structuredClone(document);
    (broken.edges[0] as { target: unknown }).target = 7;

    const loaded = parseFlow(broken);

    expect(!loaded.ok && loaded.problems[0]).toMatchObject({
      edgeId: 'e1',
      field: 'edges[0].target',
    });
  });

  it('passes a current document through the migration chain with no steps applied', () => {
    const loaded = parseFlow(document);

    expect(CURRENT_FLOW_VERSION).toBe(1);
    expect(FLOW_MIGRATIONS).toEqual([]);
    expect(loaded.ok && loaded.migrations).toEqual([]);
  });
});
