import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseFlow } from '../src/flow/flow.parse.js';
import { describeSchemaIssue, schemaIssueProblem } from '../src/flow/schema-issue.js';
import { ENGINE_MESSAGES, formatProblem } from '../src/messages/format-message.js';
import { createProblem, type FlowProblem } from '../src/validation/problem.types.js';

type Document = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

function flowDocument(): Document {
  return {
    format: 'sras.flow',
    version: 1,
    id: 'f1',
    name: '展会线索',
    timezone: 'Asia/Shanghai',
    nodes: [
      { id: 'src', type: 'source', position: { x: 0, y: 0 }, data: {} },
      { id: 'rr', type: 'roundRobin', position: { x: 200, y: 0 }, data: { label: '华东轮询' } },
    ],
    edges: [{ id: 'e1', source: 'src', sourceHandle: 'out', target: 'rr' }],
  };
}

/** Parses a document changed by `edit` and returns the problems `parseFlow` reports. */
function parseProblems(edit: (document: Document) => void): FlowProblem[] {
  const document = flowDocument();
  edit(document);
  const parsed = parseFlow(document);
  if (parsed.ok) throw new Error('expected the document to be rejected');
  return parsed.problems;
}

/** Checks a document changed by `edit` with `schema` and returns the problem of its first issue. */
function issueProblem(schema: z.ZodType, edit: (document: Document) => void): FlowProblem {
  const document = flowDocument();
  edit(document);
  const parsed = schema.safeParse(document);
  const issue = parsed.error?.issues[0];
  if (issue === undefined) throw new Error('expected the schema to reject the document');
  return schemaIssueProblem(document, issue);
}

/** Builds a schema that checks the given fields of every node and keeps everything else. */
function nodeSchema(shape: z.ZodRawShape): z.ZodType {
  return z.looseObject({ nodes: z.array(z.looseObject(shape)) });
}

function words(problem: FlowProblem): { en: string; zh: string } {
  return { en: formatProblem(problem, 'en'), zh: formatProblem(problem, 'zh-CN') };
}

describe('schemaIssueProblem', () => {
  it('keeps the raw path, the node and zod’s message', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[1]!.position = { x: 'left', y: 0 };
    });

    expect(problem).toMatchObject({
      code: 'schema-invalid',
      nodeId: 'rr',
      field: 'nodes[1].position.x',
      params: {
        path: 'nodes[1].position.x',
        message: 'Invalid input: expected number, received string',
        issue: 'invalid_type',
        subject: 'node',
        node: '华东轮询',
        fieldKey: 'position.x',
        expected: 'number',
        received: 'text',
        value: 'left',
      },
    });
  });

  it('names a node without a label by its id', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[0]!.type = 3;
    });

    expect(problem?.params.node).toBe('src');
  });

  it('names a node without an id by its position in the list', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[1] = { type: 'pool', position: { x: 0, y: 0 } };
    });

    expect(problem).not.toHaveProperty('nodeId');
    expect(problem?.params).toMatchObject({ node: '#2', received: 'missing' });
  });

  it('names the edge of an edge field by its id', () => {
    const [problem] = parseProblems((document) => {
      document.edges[0]!.target = 7;
    });

    expect(problem).toMatchObject({
      edgeId: 'e1',
      params: { subject: 'edge', edge: 'e1', fieldKey: 'target' },
    });
  });

  it('cuts a long received text to 40 characters', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[0]!.position = { x: 'x'.repeat(100), y: 0 };
    });

    expect(problem?.params.value).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('formatProblem of a file off the flow schema', () => {
  it('words a wrong type of a node field', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[1]!.position = { x: 'left', y: 0 };
    });

    expect(words(problem!)).toEqual({
      en: 'The horizontal position (position.x) of node "华东轮询" must be a number, but the file has the text "left". Change it to a number, or export the flow again from sras.',
      zh: '节点"华东轮询"的横坐标（position.x）应为数字，但文件中是文本"left"。请改为数字，或从 sras 重新导出流程。',
    });
  });

  it('words a wrong type of a connection field', () => {
    const [problem] = parseProblems((document) => {
      document.edges[0]!.target = 7;
    });

    expect(words(problem!)).toEqual({
      en: 'The end node (target) of connection "e1" must be text, but the file has the number 7. Change it to text, or export the flow again from sras.',
      zh: '连线"e1"的终点节点（target）应为文本，但文件中是数字 7。请改为文本，或从 sras 重新导出流程。',
    });
  });

  it('words a wrong type of a document field', () => {
    const [problem] = parseProblems((document) => {
      document.nodes = {} as never;
    });

    expect(words(problem!)).toEqual({
      en: 'The node list (nodes) of the flow must be a list ([…]), but the file has an object. Change it to a list ([…]), or export the flow again from sras.',
      zh: '流程的节点列表（nodes）应为列表（[…]），但文件中是一个对象。请改为列表（[…]），或从 sras 重新导出流程。',
    });
  });

  it('words a missing field', () => {
    const [problem] = parseProblems((document) => {
      delete document.nodes[1]!.type;
    });

    expect(words(problem!)).toEqual({
      en: 'The node type (type) of node "华东轮询" is missing. Add it to the file, or export the flow again from sras.',
      zh: '节点"华东轮询"的节点类型（type）缺失。请在文件中补上，或从 sras 重新导出流程。',
    });
  });

  it('words an empty text that must not be empty (too_small)', () => {
    const [problem] = parseProblems((document) => {
      document.nodes[1]!.id = '';
    });

    expect(words(problem!)).toEqual({
      en: 'The id of node "华东轮询" is empty. Enter a value, or export the flow again from sras.',
      zh: '节点"华东轮询"的ID（id）为空。请填写取值，或从 sras 重新导出流程。',
    });
  });

  it('words a number below the minimum (too_small)', () => {
    const problem = issueProblem(
      nodeSchema({ position: z.looseObject({ x: z.number().min(0) }) }),
      (document) => {
        document.nodes[0]!.position = { x: -5, y: 0 };
      },
    );

    expect(words(problem)).toEqual({
      en: 'The horizontal position (position.x) of node "src" must be 0 or more, but the file has the number -5. Change it, or export the flow again from sras.',
      zh: '节点"src"的横坐标（position.x）应大于或等于 0，但文件中是数字 -5。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a list with too few entries (too_small)', () => {
    const problem = issueProblem(z.looseObject({ nodes: z.array(z.unknown()).min(3) }), () => {});

    expect(words(problem)).toEqual({
      en: 'The node list (nodes) of the flow must have at least 3 entries. Add the missing ones, or export the flow again from sras.',
      zh: '流程的节点列表（nodes）至少应有 3 项。请补上缺少的项，或从 sras 重新导出流程。',
    });
  });

  it('words a text that is too long (too_big)', () => {
    const problem = issueProblem(z.looseObject({ name: z.string().max(3) }), () => {});

    expect(words(problem)).toEqual({
      en: 'The name of the flow must have at most 3 characters. Shorten it, or export the flow again from sras.',
      zh: '流程的名称（name）最多只能有 3 个字符。请缩短，或从 sras 重新导出流程。',
    });
  });

  it('words a number above an exclusive maximum (too_big)', () => {
    const problem = issueProblem(
      nodeSchema({ position: z.looseObject({ y: z.number().lt(0) }) }),
      () => {},
    );

    expect(words(problem)).toEqual({
      en: 'The vertical position (position.y) of node "src" must be less than 0, but the file has the number 0. Change it, or export the flow again from sras.',
      zh: '节点"src"的纵坐标（position.y）应小于 0，但文件中是数字 0。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a value outside an enum (invalid_value)', () => {
    const problem = issueProblem(
      nodeSchema({ type: z.enum(['source', 'filter', 'pool']) }),
      (document) => {
        document.nodes[0]!.type = 'sorce';
      },
    );

    expect(words(problem)).toEqual({
      en: 'The node type (type) of node "src" must be "source", "filter" or "pool", but the file has the text "sorce". Change it, or export the flow again from sras.',
      zh: '节点"src"的节点类型（type）应为"source"、"filter"或"pool"，但文件中是文本"sorce"。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words fields the schema does not know (unrecognized_keys)', () => {
    const problem = issueProblem(
      z.looseObject({
        edges: z.array(z.strictObject({ id: z.string(), source: z.string(), target: z.string() })),
      }),
      () => {},
    );

    expect(words(problem)).toEqual({
      en: 'The entry of connection "e1" has fields that this version of sras does not know: sourceHandle. Delete them, or update sras.',
      zh: '连线"e1"的条目含有当前版本 sras 不认识的字段：sourceHandle。请删除这些字段，或升级 sras。',
    });
  });

  it('words a union of plain types as the list of accepted types (invalid_union)', () => {
    const problem = issueProblem(
      z.looseObject({ timezone: z.union([z.number(), z.boolean()]) }),
      () => {},
    );

    expect(problem.params.expected).toBe('number|boolean');
    expect(words(problem)).toEqual({
      en: 'The time zone (timezone) of the flow must be a number or true or false, but the file has the text "Asia/Shanghai". Change it to a number or true or false, or export the flow again from sras.',
      zh: '流程的时区（timezone）应为数字或布尔值（true 或 false），但文件中是文本"Asia/Shanghai"。请改为数字或布尔值（true 或 false），或从 sras 重新导出流程。',
    });
  });

  it('words any other union as having none of the accepted forms (invalid_union)', () => {
    const problem = issueProblem(
      z.looseObject({
        timezone: z.union([z.string().startsWith('Europe/'), z.string().max(3)]),
      }),
      () => {},
    );

    expect(words(problem)).toEqual({
      en: 'The time zone (timezone) of the flow has none of the accepted forms: the file has the text "Asia/Shanghai". Correct it, or export the flow again from sras.',
      zh: '流程的时区（timezone）不符合任何一种允许的形式，文件中是文本"Asia/Shanghai"。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a text of the wrong format (invalid_format)', () => {
    const problem = issueProblem(z.looseObject({ id: z.uuid() }), () => {});

    expect(words(problem)).toEqual({
      en: 'The id of the flow does not have the expected format (uuid): the file has the text "f1". Correct it, or export the flow again from sras.',
      zh: '流程的ID（id）的格式不符合要求（uuid），文件中是文本"f1"。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a number that is not a multiple (not_multiple_of)', () => {
    const problem = issueProblem(
      nodeSchema({ position: z.looseObject({ x: z.number().multipleOf(10) }) }),
      (document) => {
        document.nodes[0]!.position = { x: 15, y: 0 };
      },
    );

    expect(words(problem)).toEqual({
      en: 'The horizontal position (position.x) of node "src" must be a multiple of 10, but the file has the number 15. Change it, or export the flow again from sras.',
      zh: '节点"src"的横坐标（position.x）应为 10 的倍数，但文件中是数字 15。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a failed refinement without its English text (custom)', () => {
    const problem = issueProblem(
      z.looseObject({
        name: z.string().refine((name) => name.startsWith('A'), 'must start with A'),
      }),
      () => {},
    );

    expect(problem.params).toMatchObject({ issue: 'custom', message: 'must start with A' });
    expect(words(problem)).toEqual({
      en: 'The name of the flow is invalid. Correct it, or export the flow again from sras.',
      zh: '流程的名称（name）无效。请修改，或从 sras 重新导出流程。',
    });
  });

  it('words a field the catalogue has no name for by its path', () => {
    const problem = issueProblem(
      nodeSchema({ data: z.looseObject({ limit: z.number() }) }),
      () => {},
    );

    expect(words(problem)).toEqual({
      en: 'The field "data.limit" of node "src" is missing. Add it to the file, or export the flow again from sras.',
      zh: '节点"src"的字段"data.limit"缺失。请在文件中补上，或从 sras 重新导出流程。',
    });
  });

  it('falls back to the catalogue entry for a problem without issue details', () => {
    const problem: FlowProblem = {
      code: 'schema-invalid',
      severity: 'error',
      field: 'name',
      params: { path: 'name' },
    };

    expect(words(problem)).toEqual({
      en: 'The field name is invalid. Correct it, or export the flow again from sras.',
      zh: '字段 name 无效。请修改，或从 sras 重新导出流程。',
    });
  });

  it('never shows zod’s English message in Chinese', () => {
    const problems = parseProblems((document) => {
      document.name = null;
      document.nodes[0]!.position = { x: 'left', y: true };
      document.edges[0]!.id = '';
    });

    for (const problem of problems) {
      expect(formatProblem(problem, 'zh-CN')).not.toContain(String(problem.params.message));
    }
    expect(problems).toHaveLength(4);
  });
});

describe('ENGINE_MESSAGES schema section', () => {
  /** Collects every string in a nested message section, by its key path. */
  function texts(section: object, prefix = ''): Map<string, string> {
    const found = new Map<string, string>();
    for (const [key, value] of Object.entries(section)) {
      if (typeof value === 'string') {
        found.set(`${prefix}${key}`, value);
        continue;
      }
      for (const [path, text] of texts(value as object, `${prefix}${key}.`)) found.set(path, text);
    }
    return found;
  }

  it('has the same keys and parameters in Chinese and English', () => {
    const parameters = (text: string) =>
      [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]).sort();
    const english = texts(ENGINE_MESSAGES.en.schema);
    const chinese = texts(ENGINE_MESSAGES['zh-CN'].schema);

    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect([key, parameters(chinese.get(key) ?? '')]).toEqual([key, parameters(text)]);
    }
  });
});

describe('formatProblem of a request issue', () => {
  const body = { leads: [{ id: 'a' }, { id: 'b', amount: '五千' }] };
  const issue = z
    .object({ leads: z.array(z.object({ amount: z.number().optional() })) })
    .safeParse(body).error?.issues[0];

  function requestProblem(field: string): FlowProblem {
    if (issue === undefined) throw new Error('expected the schema to reject the body');
    return createProblem(
      'schema-invalid',
      {},
      {
        ...describeSchemaIssue(body, issue),
        subject: 'field',
        field,
        wording: 'request',
      },
    );
  }

  it('describes the issue and what the input holds', () => {
    expect(issue && describeSchemaIssue(body, issue)).toEqual({
      issue: 'invalid_type',
      expected: 'number',
      received: 'text',
      value: '五千',
    });
  });

  it('names the field as the caller words it and asks to send the request again', () => {
    expect(formatProblem(requestProblem('Field "amount" of lead 2'), 'en')).toBe(
      'Field "amount" of lead 2 must be a number, but the request has the text "五千". Change it to a number and send the request again.',
    );
    expect(formatProblem(requestProblem('第 2 条线索的字段"amount"'), 'zh-CN')).toBe(
      '第 2 条线索的字段"amount"应为数字，但请求中是文本"五千"。请改为数字后重新发送请求。',
    );
  });
});
