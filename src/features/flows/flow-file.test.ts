import { describe, expect, it } from 'vitest';
import { flowFileName, readFlowFile, writeFlowFile } from './flow-file';

const validFlow = {
  format: 'sras.flow',
  version: 1,
  id: 'f1',
  name: '展会线索',
  timezone: 'Asia/Shanghai',
  nodes: [
    { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
    { id: 'pool', type: 'pool', position: { x: 200, y: 0 }, data: { reason: '待分配' } },
  ],
  edges: [{ id: 'e1', source: 'src', sourceHandle: 'out', target: 'pool' }],
  customField: { kept: true },
};

describe('readFlowFile', () => {
  it('reads a valid flow and keeps unknown fields', () => {
    const result = readFlowFile(JSON.stringify(validFlow));

    expect(result).toMatchObject({ ok: true, repairs: [], migrations: [] });
    expect(result.ok && result.document).toEqual(validFlow);
  });

  it('reads a file that starts with a byte order mark', () => {
    expect(readFlowFile(`\uFEFF${JSON.stringify(validFlow)}`).ok).toBe(true);
  });

  it('rejects text that is not JSON', () => {
    const result = readFlowFile('{"format": "sras.flow",');

    expect(result).toMatchObject({ ok: false, problems: [{ code: 'flow-json-invalid' }] });
  });

  it('rejects JSON that is not a flow', () => {
    expect(readFlowFile('[1, 2]')).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-format-invalid' }],
    });
    expect(readFlowFile('{"nodes": []}')).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-format-invalid', field: 'format' }],
    });
  });

  it('locates a syntax error by line and column', () => {
    const result = readFlowFile('{\n  "format": "sras.flow",\n  ,"version": 1}');

    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-json-invalid', params: { line: 3, column: 3 } }],
    });
  });

  it('marks a file that ends too early and an empty file', () => {
    expect(readFlowFile('{"format": "sras.flow",')).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-json-invalid', params: { atEnd: 1, line: 1, column: 24 } }],
    });
    expect(readFlowFile('  \n')).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-json-invalid', params: { empty: 1 } }],
    });
  });

  it('marks a missing format field', () => {
    expect(readFlowFile('{"nodes": []}')).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-format-invalid', field: 'format', params: { missing: 1 } }],
    });
  });

  it('rejects a flow name longer than the name limit', () => {
    const result = readFlowFile(JSON.stringify({ ...validFlow, name: '😀'.repeat(300) }));

    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'schema-invalid', field: 'name', params: { nameTooLong: 100 } }],
    });
  });

  it('rejects a version it cannot read', () => {
    const result = readFlowFile(JSON.stringify({ ...validFlow, version: 7 }));

    expect(result).toMatchObject({
      ok: false,
      problems: [{ code: 'flow-version-unsupported', params: { version: 7, supported: 1 } }],
    });
  });

  it('rejects a file off the schema and names the field', () => {
    const broken = structuredClone(validFlow) as Record<string, unknown>;
    (broken.nodes as { position: unknown }[])[1]!.position = { x: 'left' };

    const result = readFlowFile(JSON.stringify(broken));

    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'schema-invalid',
        nodeId: 'pool',
        field: 'nodes[1].position.x',
      }),
    );
  });

  it('drops edges to missing nodes and lists them', () => {
    const withDanglingEdge = {
      ...validFlow,
      edges: [...validFlow.edges, { id: 'e2', source: 'src', target: 'ghost' }],
    };

    const result = readFlowFile(JSON.stringify(withDanglingEdge));

    expect(result.ok).toBe(true);
    expect(result.ok && result.document.edges.map((edge) => edge.id)).toEqual(['e1']);
    expect(result.ok && result.repairs).toEqual([
      { kind: 'edgeToMissingNode', edgeId: 'e2', missingNodeId: 'ghost' },
    ]);
  });
});

describe('writeFlowFile', () => {
  it('writes text that reads back to the same document', () => {
    const result = readFlowFile(writeFlowFile(validFlow as never));

    expect(result.ok && result.document).toEqual(validFlow);
  });
});

describe('flowFileName', () => {
  it('keeps Chinese names and replaces characters file systems reject', () => {
    expect(flowFileName('华东 / 华南: 线索?')).toBe('华东 _ 华南_ 线索_.json');
    expect(flowFileName('   ')).toBe('flow.json');
  });
});
