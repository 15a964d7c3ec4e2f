import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../src/http/json-body.js';

describe('describeJsonError', () => {
  it('names the line and column when JSON.parse names no position', () => {
    const text = '{\n  "leads": [\n    {"id": "1"},\n  ]\n}';

    // Node 20's message for this text names no position.
    expect(() => JSON.parse(text)).toThrow(/is not valid JSON$/);
    expect(describeJsonError(text)?.toBody('en').error).toMatchObject({
      code: 'invalid-json',
      message:
        'The body is not valid JSON (line 4, column 3). Check the quotes, commas and brackets there and send it again.',
      line: 4,
      column: 3,
    });
  });

  it('names the end of a text that stops early', () => {
    const error = describeJsonError('{"lead": {"id": "1"}');

    expect(error?.toBody('zh-CN').error).toMatchObject({ line: 1, column: 21 });
    expect(error?.toBody('zh-CN').error.message).toBe(
      '请求体不是有效的 JSON（第 1 行第 21 列）。请检查该处的引号、逗号和括号后重新发送。',
    );
  });

  it('returns null for valid JSON', () => {
    expect(describeJsonError('{"lead": {}}')).toBeNull();
  });
});
