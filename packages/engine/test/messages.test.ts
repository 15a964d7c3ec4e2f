import { describe, expect, it } from 'vitest';
import { CONNECTION_REJECTIONS } from '../src/graph/connection.js';
import { ENGINE_MESSAGES, formatProblem, interpolate } from '../src/messages/format-message.js';
import { nodeLabels } from '../src/messages/node-labels.js';
import { REASON_CODES } from '../src/run/run.types.js';
import { createProblem, PROBLEM_CODES } from '../src/validation/problem.types.js';

const languages = ['en', 'zh-CN'] as const;

/** The `{{name}}` parameters a template uses, sorted. */
function parametersOf(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)]
    .map((match) => match[1] as string)
    .sort();
}

describe('ENGINE_MESSAGES', () => {
  it.each(languages)('words every problem code in %s', (language) => {
    const missing = PROBLEM_CODES.filter((code) => !ENGINE_MESSAGES[language].problem[code]);

    expect(missing).toEqual([]);
  });

  it.each(languages)('words every reason code in %s', (language) => {
    const missing = REASON_CODES.filter((code) => !ENGINE_MESSAGES[language].reason[code]);

    expect(missing).toEqual([]);
  });

  it.each(languages)('words every connection rejection in %s', (language) => {
    const missing = CONNECTION_REJECTIONS.filter(
      (reason) => !ENGINE_MESSAGES[language].connection[reason],
    );

    expect(missing).toEqual([]);
  });

  it('uses the same parameters in Chinese and English', () => {
    const english = ENGINE_MESSAGES.en;
    const chinese = ENGINE_MESSAGES['zh-CN'];
    const sections = ['problem', 'reason', 'skip', 'connection', 'capNote'] as const;

    for (const section of sections) {
      for (const [key, template] of Object.entries(english[section])) {
        const translated = (chinese[section] as Record<string, string>)[key] ?? '';
        expect([section, key, parametersOf(translated)]).toEqual([
          section,
          key,
          parametersOf(template),
        ]);
      }
    }
  });

  it('has Chinese text in every Chinese message', () => {
    const chinese = ENGINE_MESSAGES['zh-CN'];
    const texts = [chinese.problem, chinese.reason, chinese.skip, chinese.connection].flatMap(
      (section) => Object.values(section),
    );

    expect(texts.filter((text) => !/[\u4e00-\u9fff]/.test(text))).toEqual([]);
  });
});

describe('formatProblem', () => {
  it('fills the parameters in English', () => {
    const problem = createProblem(
      'quota-limit-invalid',
      { nodeId: 'q1', field: 'data.limit' },
      { value: '-1' },
    );

    expect(formatProblem(problem, 'en')).toBe(
      'The quota limit "-1" is not a whole number of 0 or more. Enter how many leads may pass per period.',
    );
  });

  it('fills the parameters in Chinese', () => {
    const problem = createProblem(
      'rep-unknown',
      { nodeId: 'rr', field: 'data.assignees[0].repId' },
      { repId: 'r9' },
    );

    expect(formatProblem(problem, 'zh-CN')).toBe(
      '销售 r9 不在销售团队中。请选择其他销售或先把其加入团队。',
    );
  });

  it.each(languages)('names the missing column twice in %s', (language) => {
    const problem = createProblem(
      'field-not-in-dataset',
      { nodeId: 'regions', field: 'data.field' },
      { column: 'province' },
    );

    const text = formatProblem(problem, language);

    expect(text.split('"province"')).toHaveLength(3);
    expect(text).not.toContain('data.field');
  });

  it('passes the location to the message', () => {
    const problem = createProblem(
      'node-data-invalid',
      { nodeId: 'p', field: 'data.reason' },
      { expected: 'string' },
    );

    expect(formatProblem(problem)).toBe('The field data.reason is invalid: expected string.');
  });

  it('defaults to English', () => {
    expect(formatProblem(createProblem('source-missing'))).toBe(
      'The flow has no source node. Add one source where leads enter.',
    );
  });
});

describe('interpolate', () => {
  it('replaces each parameter and leaves missing ones empty', () => {
    expect(interpolate('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and ');
  });

  it('does not interpret parameter text as a template', () => {
    expect(interpolate('{{a}}', { a: '{{b}}', b: 'x' })).toBe('{{b}}');
  });
});

describe('nodeLabels', () => {
  const node = (id: string, type: string, data: Record<string, unknown> = {}) => ({
    id,
    type,
    data,
  });

  it('names nodes by their type, adding the id only to names shared by several nodes', () => {
    const labels = nodeLabels(
      [node('dedup', 'dedup'), node('rr', 'roundRobin'), node('rr2', 'roundRobin')],
      'zh-CN',
    );

    expect(labels.get('dedup')).toBe('撞单保护');
    expect(labels.get('rr')).toBe('轮询分配（rr）');
    expect(labels.get('rr2')).toBe('轮询分配（rr2）');
  });

  it("prefers a node's own label", () => {
    expect(nodeLabels([node('n1', 'pool', { label: '华东公海' })], 'en').get('n1')).toBe(
      '华东公海',
    );
  });
});

describe('formatProblem with the flow nodes', () => {
  const nodes = [
    { id: 'dedup', type: 'dedup', data: {} },
    { id: 'rr', type: 'roundRobin', data: {} },
  ];

  it('names the nodes of a cycle by their labels', () => {
    const problem = createProblem('cycle', { nodeId: 'dedup' }, { path: 'dedup → rr → dedup' });

    expect(formatProblem(problem, 'zh-CN', nodes)).toContain('（撞单保护 → 轮询分配 → 撞单保护）');
    expect(formatProblem(problem, 'en', nodes)).toContain(
      '(Duplicate check → Round robin → Duplicate check)',
    );
  });

  it('names the source and target node of an edge problem by label', () => {
    const taken = createProblem(
      'edge-handle-taken',
      {},
      {
        source: 'dedup',
        handle: 'unique',
        otherEdgeId: 'e2',
      },
    );
    const intoSource = createProblem('edge-into-source', {}, { target: 'rr' });

    expect(formatProblem(taken, 'en', nodes)).toContain('Duplicate check');
    expect(formatProblem(taken, 'en', nodes)).not.toContain('dedup');
    expect(formatProblem(intoSource, 'zh-CN', nodes)).toContain('轮询分配');
  });

  it('keeps the id of a node that does not exist', () => {
    const missing = createProblem('edge-target-missing', {}, { target: 'ghost' });

    expect(formatProblem(missing, 'en', nodes)).toContain('ghost');
  });
});
