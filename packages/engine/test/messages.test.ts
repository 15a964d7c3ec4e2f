import { describe, expect, it } from 'vitest';
import { CONNECTION_REJECTIONS } from '../src/graph/connection.js';
import { ENGINE_MESSAGES, formatProblem, interpolate } from '../src/messages/format-message.js';
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
    const sections = ['problem', 'reason', 'skip', 'connection'] as const;

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
