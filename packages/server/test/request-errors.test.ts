import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertToken } from '../src/index.js';
import { roundRobinFlow } from './fixtures/flows.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { publishFlows } from './helpers/workspace-setup.js';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    issues?: { path: string; code: string; message: string }[];
    [field: string]: unknown;
  };
}

const CHINESE = 'zh-CN,zh;q=0.9,en;q=0.8';
const ENGLISH = 'en-US,en;q=0.9';

// Rejections do not depend on the database, so SQLite stands for both.
describe('request errors of the HTTP API', () => {
  let server: TestServer;
  let allocateToken: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite', { SRAS_ALLOCATE_BODY_LIMIT_BYTES: '200000' });
    await publishFlows(server, [{ id: 'a', name: '张伟' }], [roundRobinFlow('rr', ['a'])]);
    allocateToken = (
      await insertToken(server.database.db, { workspaceId: server.workspaceId, role: 'allocate' })
    ).token;
  });

  afterAll(async () => {
    await server.close();
  });

  const allocate = async (payload: string, language: string | null) => {
    const response = await server.request(allocateToken, {
      method: 'POST',
      url: '/api/v1/flows/rr/allocate',
      payload,
      headers: {
        'content-type': 'application/json',
        ...(language === null ? {} : { 'accept-language': language }),
      },
    });
    return { response, body: response.json<ErrorBody>() };
  };

  describe('a lead field of the wrong type', () => {
    const payload = JSON.stringify({
      leads: [{ id: '1' }, { id: '2' }, { id: '3' }, { id: '4', phone: ['138'] }],
    });

    it('names the lead by number and the field by name in Chinese', async () => {
      const { response, body } = await allocate(payload, CHINESE);

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-language']).toBe('zh-CN');
      expect(response.headers.vary).toContain('Accept-Language');
      expect(body.error.code).toBe('validation-failed');
      expect(body.error.message).toBe(
        '第 4 条线索的字段"phone"应为文本、数字、布尔值（true 或 false）或null，但请求中是一个列表。请改为文本、数字、布尔值（true 或 false）或null后重新发送请求。',
      );
      expect(body.error.issues).toEqual([
        { path: 'leads.3.phone', code: 'invalid_type', message: body.error.message },
      ]);
    });

    it('names the lead by number and the field by name in English', async () => {
      const { response, body } = await allocate(payload, ENGLISH);

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-language']).toBe('en');
      expect(body.error.message).toBe(
        'Field "phone" of lead 4 must be text, a number, true or false or null, but the request has a list. Change it to text, a number, true or false or null and send the request again.',
      );
      expect(body.error.issues?.[0]?.path).toBe('leads.3.phone');
    });
  });

  describe('a batch over the limit', () => {
    const payload = JSON.stringify({
      leads: Array.from({ length: 1001 }, (_, index) => ({ id: String(index) })),
    });

    it('says the limit and how to split in Chinese', async () => {
      const { response, body } = await allocate(payload, CHINESE);

      expect(response.statusCode).toBe(413);
      expect(body.error).toEqual({
        code: 'too-many-leads',
        message:
          '一次请求最多可含 1000 条线索，本次有 1001 条。请拆分成每次不超过 1000 条的多次请求。',
        maximum: 1000,
        count: 1001,
      });
    });

    it('says the limit and how to split in English', async () => {
      const { body } = await allocate(payload, ENGLISH);

      expect(body.error.code).toBe('too-many-leads');
      expect(body.error.message).toBe(
        'A request may carry at most 1000 leads; this one has 1001. Split the batch into requests of at most 1000 leads.',
      );
    });
  });

  describe('malformed JSON', () => {
    const payload = '{"lead": {"id": "1",\n "phone": "1",}}';

    it('names the line and column in Chinese', async () => {
      const { response, body } = await allocate(payload, CHINESE);

      expect(response.statusCode).toBe(400);
      expect(body.error.code).toBe('invalid-json');
      expect(body.error.message).toBe(
        '请求体不是有效的 JSON（第 2 行第 15 列）。请检查该处的引号、逗号和括号后重新发送。',
      );
      expect(body.error).toMatchObject({ line: 2, column: 15 });
      expect(body.error.reason).toEqual(expect.any(String));
    });

    it('names the line and column in English', async () => {
      const { body } = await allocate(payload, ENGLISH);

      expect(body.error.message).toBe(
        'The body is not valid JSON (line 2, column 15). Check the quotes, commas and brackets there and send it again.',
      );
    });

    it('names the position that JSON.parse leaves out', async () => {
      const { body } = await allocate('{"lead": }', CHINESE);

      expect(body.error.message).toBe(
        '请求体不是有效的 JSON（第 1 行第 10 列）。请检查该处的引号、逗号和括号后重新发送。',
      );
      expect(body.error).toMatchObject({ line: 1, column: 10 });
    });
  });

  describe('a body of the wrong shape', () => {
    it('shows the expected shape in Chinese', async () => {
      const { response, body } = await allocate('[1, 2]', CHINESE);

      expect(response.statusCode).toBe(400);
      expect(body.error.message).toContain('请求体应为 JSON 对象，含"lead"');
    });

    it('lists unknown top-level fields in English', async () => {
      const { body } = await allocate(JSON.stringify({ lead: {}, extra: 1 }), ENGLISH);

      expect(body.error.message).toBe(
        'The body has fields that this server does not accept: extra. Delete them and send the request again.',
      );
      expect(body.error.issues?.[0]).toMatchObject({ path: '', code: 'unrecognized_keys' });
    });

    it('names a lead that is not an object in Chinese', async () => {
      const { body } = await allocate(JSON.stringify({ leads: [{}, 'b'] }), CHINESE);

      expect(body.error.message).toBe(
        '第 2 条线索应为对象（{…}），但请求中是文本"b"。请改为对象（{…}）后重新发送请求。',
      );
    });

    it('names two leads with one id in both languages', async () => {
      const payload = JSON.stringify({ leads: [{ id: 'x' }, { id: 'x' }] });

      expect((await allocate(payload, CHINESE)).body.error.message).toBe(
        '第 1 条和第 2 条线索的编号相同（"x"）。同一请求中每条线索须有自己的编号，请每条线索只发送一次。',
      );
      expect((await allocate(payload, ENGLISH)).body.error.message).toBe(
        'Leads 1 and 2 have the same id "x". Each lead of a request needs its own id: send each lead once.',
      );
    });
  });

  describe('a body that is too large', () => {
    it('asks for less data per request in Chinese', async () => {
      const big = JSON.stringify({ lead: { id: '1', note: 'x'.repeat(300_000) } });
      const { response, body } = await allocate(big, CHINESE);

      expect(response.statusCode).toBe(413);
      expect(body.error).toEqual({
        code: 'body-too-large',
        message: '请求体超过了服务器接受的大小。请减少每次请求发送的数据。',
      });
    });
  });

  describe('a sync body checked by a schema', () => {
    const putReps = (reps: unknown, language: string) =>
      server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/reps',
        payload: reps as object,
        headers: { 'if-match': '1', 'accept-language': language },
      });

    it('names the entry and field of a wrong value in Chinese', async () => {
      const response = await putReps([{ id: 'a', name: '张伟', weight: 'heavy' }], CHINESE);
      const body = response.json<ErrorBody>();

      expect(response.statusCode).toBe(400);
      expect(body.error.issues?.[0]).toMatchObject({ path: '0.weight', code: 'invalid_type' });
      expect(body.error.message).toBe(
        '第 1 项的字段"weight"应为数字，但请求中是文本"heavy"。请改为数字后重新发送请求。',
      );
    });

    it('names a repeated id and its first entry in English', async () => {
      const response = await putReps(
        [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
        ENGLISH,
      );

      expect(response.json<ErrorBody>().error.message).toBe(
        'Field "id" of entry 2 repeats the id "a" of entry 1. Give each entry its own id and send it again.',
      );
    });

    it('names a flow document field by its node in Chinese', async () => {
      const flow = roundRobinFlow('broken', ['a']);
      const nodes = flow.nodes.map((node, index) =>
        index === 0 ? { ...node, position: { x: 'left', y: 0 } } : node,
      );
      const response = await server.request(server.ownerToken, {
        method: 'PUT',
        url: '/api/v1/flows/broken',
        payload: { ...flow, nodes },
        headers: { 'accept-language': CHINESE },
      });
      const body = response.json<ErrorBody>();

      expect(response.statusCode).toBe(400);
      expect(body.error.issues?.[0]?.path).toBe('nodes.0.position.x');
      expect(body.error.message).toMatch(
        /^节点".+"的横坐标（position\.x）应为数字，但请求中是文本"left"。/,
      );
    });

    it('counts the further problems of a query in English', async () => {
      const response = await server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/changes?since=-1&limit=abc',
        headers: { 'accept-language': ENGLISH },
      });
      const body = response.json<ErrorBody>();

      expect(response.statusCode).toBe(400);
      expect(body.error.message).toMatch(/^Parameter "since" /);
      expect(body.error.message).toContain('The request has 1 more problems, listed in "issues".');
      expect(body.error.issues?.map((issue) => issue.path)).toEqual(['since', 'limit']);
    });
  });

  describe('without a Chinese preference', () => {
    it('answers in English without Accept-Language', async () => {
      const { response, body } = await allocate('{', null);

      expect(response.headers['content-language']).toBe('en');
      expect(body.error.message).toMatch(/^The body is not valid JSON/);
    });

    it('answers in English when English ranks above Chinese', async () => {
      const { body } = await allocate('{"lead": 1}', 'en;q=0.9, zh-CN;q=0.5');

      expect(body.error.message).toMatch(/^The lead \("lead"\) must be an object/);
    });
  });
});
