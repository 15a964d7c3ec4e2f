import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../src/flow/flow.schema.js';

describe('flowDocumentSchema', () => {
  it('keeps unknown fields on the document, nodes and edges', () => {
    const input = {
      format: 'sras.flow',
      version: 1,
      id: 'f1',
      name: 'Flow',
      timezone: 'Asia/Shanghai',
      owner: 'ops',
      nodes: [{ id: 'n1', type: 'source', position: { x: 0, y: 0 }, data: {}, color: 'red' }],
      edges: [{ id: 'e1', source: 'n1', sourceHandle: 'out', target: 'n2', note: 'x' }],
    };

    const parsed = flowDocumentSchema.parse(input);

    expect(parsed).toEqual(input);
  });

  it('rejects a document of another format', () => {
    const result = flowDocumentSchema.safeParse({ format: 'other', version: 1 });

    expect(result.success).toBe(false);
  });
});
