import { sql } from 'kysely';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertToken } from '../src/index.js';
import { brokenFlow, roundRobinFlow } from './fixtures/flows.js';
import { dialects } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { publishFlows } from './helpers/workspace-setup.js';

const CHINESE = 'zh-CN,zh;q=0.9,en;q=0.8';
const ENGLISH = 'en-US,en;q=0.9';

/** One error of the API: how to cause it and its message in each language. */
interface ErrorCase {
  name: string;
  status: number;
  code: string;
  /** Sends the request that fails, with the `Accept-Language` header given. */
  send: (acceptLanguage: string) => Promise<LightMyRequestResponse>;
  en: string;
  zh: string;
}

interface Tokens {
  owner: string;
  viewer: string;
  expired: string;
  allocateRr: string;
}

describe.each(dialects)('API errors on %s', (dialect) => {
  let server: TestServer;
  let tokens: Tokens;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await publishFlows(
      server,
      [
        { id: 'a', name: '张伟' },
        { id: 'b', name: '李娜' },
      ],
      [roundRobinFlow('rr', ['a', 'b']), roundRobinFlow('stale', ['a'])],
    );
    const draft = await ownerRequest({
      method: 'PUT',
      url: '/api/v1/flows/draft',
      payload: roundRobinFlow('draft', ['a']),
    });
    expect(draft.statusCode).toBe(201);
    const broken = await ownerRequest({
      method: 'PUT',
      url: '/api/v1/flows/broken',
      payload: brokenFlow('broken'),
    });
    expect(broken.statusCode).toBe(201);
    // A published version stored by an older server that this one no longer compiles.
    await server.database.db
      .updateTable('flow_versions')
      .set({ body: JSON.stringify(brokenFlow('stale')) })
      .where('workspace_id', '=', server.workspaceId)
      .where('flow_id', '=', 'stale')
      .execute();

    const { workspaceId } = server;
    const db = server.database.db;
    tokens = {
      owner: server.ownerToken,
      viewer: (await insertToken(db, { workspaceId, role: 'viewer' })).token,
      expired: (
        await insertToken(db, {
          workspaceId,
          role: 'editor',
          expiresAt: '2020-01-01T00:00:00.000Z',
        })
      ).token,
      allocateRr: (await insertToken(db, { workspaceId, role: 'allocate', flowId: 'rr' })).token,
    };
  });
  afterAll(() => server.close());

  function ownerRequest(options: InjectOptions): Promise<LightMyRequestResponse> {
    return server.request(server.ownerToken, options);
  }

  /** Sends a request with a token (or none) and the `Accept-Language` of the case. */
  const send =
    (token: keyof Tokens | null, options: InjectOptions) =>
    (acceptLanguage: string): Promise<LightMyRequestResponse> =>
      server.request(token === null ? null : tokens[token], {
        ...options,
        headers: { ...options.headers, 'accept-language': acceptLanguage },
      });

  const cases: ErrorCase[] = [
    {
      name: 'a request without a token',
      status: 401,
      code: 'token-missing',
      send: send(null, { method: 'GET', url: '/api/v1/flows' }),
      en: 'This request needs a token: send "Authorization: Bearer <token>".',
      zh: '此请求需要令牌：请发送请求头"Authorization: Bearer <令牌>"。',
    },
    {
      name: 'an unknown token',
      status: 401,
      code: 'token-invalid',
      send: (language) =>
        server.request('sras_unknown', {
          method: 'GET',
          url: '/api/v1/flows',
          headers: { 'accept-language': language },
        }),
      en: 'The token is unknown or revoked. Ask the workspace owner for a new one.',
      zh: '令牌不存在或已被撤销。请向工作区所有者索取新令牌。',
    },
    {
      name: 'an expired token',
      status: 401,
      code: 'token-expired',
      send: send('expired', { method: 'GET', url: '/api/v1/flows' }),
      en: 'The token has expired. Ask the workspace owner for a new one.',
      zh: '令牌已过期。请向工作区所有者索取新令牌。',
    },
    {
      name: 'a viewer that writes',
      status: 403,
      code: 'forbidden',
      send: send('viewer', {
        method: 'PUT',
        url: '/api/v1/reps',
        payload: [],
        headers: { 'if-match': '1' },
      }),
      en: 'A token with the role "viewer" may not change workspace data. Use a token with a role that may.',
      zh: '角色为"viewer"的令牌不能修改工作区数据。请使用有此权限的角色的令牌。',
    },
    {
      name: 'a flow token used for another flow',
      status: 403,
      code: 'forbidden',
      send: send('allocateRr', {
        method: 'POST',
        url: '/api/v1/flows/draft/allocate',
        payload: { lead: { id: '1' } },
      }),
      en: 'This token may allocate only with flow "rr". Use that flow, or a token for flow "draft".',
      zh: '此令牌只能用流程"rr"分配线索。请改用该流程，或使用流程"draft"的令牌。',
    },
    {
      name: 'an unknown flow',
      status: 404,
      code: 'not-found',
      send: send('owner', { method: 'GET', url: '/api/v1/flows/missing' }),
      en: 'Flow "missing" was not found in this workspace. Check the flow id in the address.',
      zh: '此工作区中没有流程"missing"。请检查地址中的流程编号。',
    },
    {
      name: 'an unknown token id',
      status: 404,
      code: 'not-found',
      send: send('owner', { method: 'DELETE', url: '/api/v1/keys/missing' }),
      en: 'Token "missing" was not found in this workspace. List the tokens with GET /api/v1/keys.',
      zh: '此工作区中没有令牌"missing"。可用 GET /api/v1/keys 列出令牌。',
    },
    {
      name: 'deleting a flow that does not exist',
      status: 404,
      code: 'not-found',
      send: send('owner', {
        method: 'DELETE',
        url: '/api/v1/flows/missing',
        headers: { 'if-match': '0' },
      }),
      en: 'This flow document was not found in this workspace.',
      zh: '此工作区中没有这个流程文档。',
    },
    {
      name: 'an unknown API route',
      status: 404,
      code: 'route-not-found',
      send: send('owner', { method: 'GET', url: '/api/v1/nothing?x=1' }),
      en: 'No API route GET /api/v1/nothing. The routes are listed at /api/v1/openapi.json.',
      zh: '没有 API 路由 GET /api/v1/nothing。所有路由列在 /api/v1/openapi.json 中。',
    },
    {
      name: 'a file missing from the app build',
      status: 404,
      code: 'route-not-found',
      send: send(null, { method: 'GET', url: '/sw.js' }),
      en: 'The app build has no file /sw.js. Rebuild the app with "npm run build", then restart the server.',
      zh: '应用的构建中没有文件 /sw.js。请用"npm run build"重新构建应用，然后重启服务器。',
    },
    {
      name: 'a page of an app that is not built',
      status: 404,
      code: 'route-not-found',
      send: send(null, { method: 'GET', url: '/flows/abc' }),
      en: 'The app is not built (no /nonexistent-sras-app/index.html). Run "npm run build", then restart the server.',
      zh: '应用尚未构建（没有 /nonexistent-sras-app/index.html）。请运行"npm run build"，然后重启服务器。',
    },
    {
      name: 'a second first-run workspace',
      status: 409,
      code: 'workspace-exists',
      send: send(null, { method: 'POST', url: '/api/v1/workspaces', payload: { name: 'B' } }),
      en: 'This server already has a workspace. Ask its owner for a token, or create more workspaces with "npx sras workspace create".',
      zh: '此服务器已有工作区。请向其所有者索取令牌，或用"npx sras workspace create"创建更多工作区。',
    },
    {
      name: 'allocating with a flow that is not published',
      status: 409,
      code: 'flow-not-published',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/draft/allocate',
        payload: { lead: { id: '1' } },
      }),
      en: 'Flow "draft" has no published version. Publish it before allocating leads with it.',
      zh: '流程"draft"没有已发布的版本。请先发布，再用它分配线索。',
    },
    {
      name: 'allocating with a published version that no longer compiles',
      status: 409,
      code: 'flow-has-errors',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/stale/allocate',
        payload: { lead: { id: '1' } },
      }),
      en: 'Published version 1 of flow "stale" no longer compiles. Fix the flow and publish it again.',
      zh: '流程"stale"已发布的版本 1 无法再编译。请修正流程后重新发布。',
    },
    {
      name: 'a stale revision of a list',
      status: 412,
      code: 'revision-conflict',
      send: send('owner', {
        method: 'PUT',
        url: '/api/v1/reps',
        payload: [],
        headers: { 'if-match': '99' },
      }),
      en: "The rep list changed on the server: you sent revision 99, the server has 1. Merge with the server's copy and send it with its revision.",
      zh: '服务器上的销售名单已被修改：你发送的修订号是 99，服务器上是 1。请与服务器上的副本合并后，带上它的修订号重新发送。',
    },
    {
      name: 'publishing a stale revision',
      status: 412,
      code: 'revision-conflict',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/rr/publish',
        payload: { revision: 99 },
      }),
      en: 'Flow "rr" is at revision 1, not 99. Sync the flow, check it, and publish the current revision.',
      zh: '流程"rr"当前的修订号是 1，不是 99。请同步该流程，检查后发布当前修订。',
    },
    {
      name: 'publishing a flow with errors',
      status: 422,
      code: 'flow-has-errors',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/broken/publish',
        payload: { revision: 1 },
      }),
      en: 'Flow "broken" has 1 error(s) and was not published. The first is at node "Round robin": No reps are selected. Add at least one rep. Fix them in the editor and publish again.',
      zh: '流程"broken"有 1 个错误，未发布。第一个在节点"轮询分配"：没有选择销售。请至少添加一名销售。请在编辑器中修正后重新发布。',
    },
    {
      name: 'an idempotency key reused for another request',
      status: 422,
      code: 'idempotency-key-reused',
      send: async (language) => {
        const keyed = (id: string) =>
          send('owner', {
            method: 'POST',
            url: '/api/v1/flows/rr/allocate',
            payload: { lead: { id } },
            headers: { 'idempotency-key': `reused-${language}` },
          })(language);
        expect((await keyed('first')).statusCode).toBe(200);
        return keyed('second');
      },
      en: 'The Idempotency-Key "reused-en-US,en;q=0.9" was already used for a different request. Use a new key for each new request.',
      zh: 'Idempotency-Key"reused-zh-CN,zh;q=0.9,en;q=0.8"已用于另一个不同的请求。每个新请求请使用新的键。',
    },
    {
      name: 'a saved version without its document',
      status: 422,
      code: 'version-document-missing',
      send: send('owner', {
        method: 'PUT',
        url: '/api/v1/flow-versions',
        payload: [{ id: 'version_1', flowId: 'rr', name: 'V1', createdAt: 1 }],
      }),
      en: 'Flow version "version_1" (entry 1) has no document and the server has none under that id. Send the listed versions with their documents.',
      zh: '流程版本"version_1"（第 1 项）没有文档，服务器上也没有该编号的文档。请连同文档发送列出的版本。',
    },
    {
      name: 'writing an existing list without If-Match',
      status: 428,
      code: 'if-match-required',
      send: send('owner', { method: 'PUT', url: '/api/v1/reps', payload: [] }),
      en: 'This rep list already exists at revision 1. Send the revision you edited in an If-Match header.',
      zh: '这个销售名单已存在，修订号为 1。请在 If-Match 请求头中发送你编辑的修订号。',
    },
    {
      name: 'deleting a flow without If-Match',
      status: 428,
      code: 'if-match-required',
      send: send('owner', { method: 'DELETE', url: '/api/v1/flows/draft' }),
      en: 'Send the revision you want to delete in an If-Match header.',
      zh: '请在 If-Match 请求头中发送要删除的修订号。',
    },
    {
      name: 'an If-Match that is not a revision',
      status: 400,
      code: 'validation-failed',
      send: send('owner', {
        method: 'PUT',
        url: '/api/v1/reps',
        payload: [],
        headers: { 'if-match': 'abc' },
      }),
      en: 'The If-Match header must contain a revision number such as "3"; got "abc". Send the revision you edited.',
      zh: 'If-Match 请求头应为修订号，例如"3"；收到的是"abc"。请发送你编辑的修订号。',
    },
    {
      name: 'an Idempotency-Key with spaces',
      status: 400,
      code: 'validation-failed',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/rr/allocate',
        payload: { lead: { id: '1' } },
        headers: { 'idempotency-key': 'a b' },
      }),
      en: 'The Idempotency-Key header must be 1 to 200 printable ASCII characters without spaces, such as a UUID.',
      zh: 'Idempotency-Key 请求头应为 1 到 200 个不含空格的可打印 ASCII 字符，例如 UUID。',
    },
    {
      name: 'an invalid audit cursor',
      status: 400,
      code: 'validation-failed',
      send: send('owner', { method: 'GET', url: '/api/v1/audit?cursor=abc' }),
      en: 'The cursor is invalid. Pass the "nextCursor" of the previous page unchanged.',
      zh: '游标无效。请原样传入上一页的"nextCursor"。',
    },
    {
      name: 'a flow limit on a token that does not allocate',
      status: 400,
      code: 'validation-failed',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/keys',
        payload: { role: 'viewer', flowId: 'rr' },
      }),
      en: 'Only allocate tokens can be limited to one flow. Remove "flowId" or use the role "allocate".',
      zh: '只有分配令牌可以限定到一个流程。请去掉"flowId"，或使用角色"allocate"。',
    },
    {
      name: 'a token that expires in the past',
      status: 400,
      code: 'validation-failed',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/keys',
        payload: { role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' },
      }),
      en: '"expiresAt" 2020-01-01T00:00:00Z is in the past. Choose a later time.',
      zh: '"expiresAt" 2020-01-01T00:00:00Z 已经过去。请选择更晚的时间。',
    },
    {
      name: 'publishing the document of another flow',
      status: 400,
      code: 'validation-failed',
      send: send('owner', {
        method: 'POST',
        url: '/api/v1/flows/rr/publish',
        payload: { revision: 1, document: roundRobinFlow('other', ['a']) },
      }),
      en: 'The published document has id "other" but the flow is "rr". Publish a version of this flow.',
      zh: '要发布的文档编号是"other"，但流程是"rr"。请发布这个流程的版本。',
    },
  ];

  describe.each(cases)('$name', (errorCase) => {
    it.each([
      ['en', ENGLISH],
      ['zh-CN', CHINESE],
    ] as const)('answers in %s', async (language, acceptLanguage) => {
      const response = await errorCase.send(acceptLanguage);
      const body = response.json<{ error: { code: string; message: string } }>();

      expect(response.statusCode).toBe(errorCase.status);
      expect(response.headers['content-language']).toBe(language);
      expect(body.error.code).toBe(errorCase.code);
      expect(body.error.message).toBe(language === 'en' ? errorCase.en : errorCase.zh);
    });
  });

  it('words a field issue with the message in the request language', async () => {
    const response = await send('owner', {
      method: 'POST',
      url: '/api/v1/keys',
      payload: { role: 'viewer', flowId: 'rr' },
    })(CHINESE);

    expect(response.json().error.issues).toEqual([
      { path: 'flowId', code: 'custom', message: response.json().error.message },
    ]);
  });

  it('words a stored rep list the engine rejects', async () => {
    // The sync API rejects such a list; an older server may have stored one.
    await server.database.db
      .updateTable('documents')
      .set({
        revision: 5,
        body: JSON.stringify([
          { id: 'a', name: '张伟' },
          { id: 'b', name: '李娜', capacity: { day: -1 } },
        ]),
      })
      .where('workspace_id', '=', server.workspaceId)
      .where('kind', '=', 'reps')
      .execute();
    const allocate = send('owner', {
      method: 'POST',
      url: '/api/v1/flows/rr/allocate',
      payload: { lead: { id: 'bad-reps' } },
    });

    const english = await allocate(ENGLISH);
    const chinese = await allocate(CHINESE);

    expect(english.statusCode).toBe(422);
    expect(english.json().error.code).toBe('validation-failed');
    expect(english.json().error.message).toBe(
      'The engine cannot run with this input: Field "capacity.day" of rep 2 of the workspace\'s rep list must be 0 or more, but is the number -1. Fix the leads or the workspace\'s reps and retry.',
    );
    expect(english.json().error.issues).toEqual([
      expect.objectContaining({ path: 'reps[1].capacity.day' }),
    ]);
    expect(chinese.json().error.message).toBe(
      '分配引擎无法处理这些输入：工作区销售名单第 2 名销售的字段"capacity.day"应大于或等于 0，但实际是数字 -1。请修正线索或工作区的销售名单后重试。',
    );
  });

  it('answers a server fault with 500 and the request id', async () => {
    // A table lost under the running server: a fault of the server, not of the request.
    await sql`drop table audit_entries`.execute(server.database.db);

    for (const [language, acceptLanguage] of [
      ['en', ENGLISH],
      ['zh-CN', CHINESE],
    ] as const) {
      const response = await send('owner', {
        method: 'GET',
        url: '/api/v1/audit',
        headers: { 'x-request-id': `fault-${language}` },
      })(acceptLanguage);
      const body = response.json<{ error: { code: string; message: string; requestId: string } }>();

      expect(response.statusCode).toBe(500);
      expect(response.headers['content-language']).toBe(language);
      expect(body.error.code).toBe('internal-error');
      expect(body.error.requestId).toBe(`fault-${language}`);
      expect(body.error.message).toBe(
        language === 'en'
          ? 'The server failed to handle the request (request id fault-en). Try again; if it fails again, give the request id to the server administrator, who finds the error in the server log.'
          : '服务器处理请求时出错（请求编号 fault-zh-CN）。请重试；如果仍然出错，请把请求编号告诉服务器管理员，管理员可在服务器日志中找到该错误。',
      );
    }
  });
});

describe('API errors without a database', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('sqlite', {
      SRAS_RATE_LIMIT_MAX: '1',
      SRAS_RATE_LIMIT_WINDOW_MS: '60000',
    });
  });
  afterAll(() => server.close());

  it('words the rate limit in both languages', async () => {
    const request = (acceptLanguage: string) =>
      server.request(server.ownerToken, {
        method: 'GET',
        url: '/api/v1/setup',
        headers: { 'accept-language': acceptLanguage },
      });

    expect((await request(ENGLISH)).statusCode).toBe(200);
    const english = await request(ENGLISH);
    const chinese = await request(CHINESE);

    expect(english.statusCode).toBe(429);
    expect(english.json().error).toMatchObject({
      code: 'rate-limited',
      message: expect.stringMatching(
        /^Too many requests: at most 1 per 60 seconds\. Retry in \d+ seconds\.$/,
      ),
    });
    expect(chinese.statusCode).toBe(429);
    expect(chinese.headers['content-language']).toBe('zh-CN');
    expect(chinese.json().error.message).toMatch(
      /^请求过多：每 60 秒最多 1 个。请在 \d+ 秒后重试。$/,
    );
  });
});
