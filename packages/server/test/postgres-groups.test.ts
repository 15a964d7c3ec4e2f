import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRuntime } from '../src/allocation/allocation-run.js';
import type { AllocationAnswer } from '../src/allocation/allocation.service.js';
import { FlowRuntimeCache } from '../src/allocation/flow-runtime.cache.js';
import {
  allocateInGroup,
  decideGroup,
  type GroupedAllocation,
} from '../src/allocation/postgres-groups.js';
import { ApiError } from '../src/http/api-error.js';
import { dedupFlow, roundRobinFlow } from './fixtures/flows.js';
import { postgresUrl } from './helpers/test-database.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';
import { publishFlows } from './helpers/workspace-setup.js';

describe.skipIf(!postgresUrl)('allocation groups on postgres', () => {
  let server: TestServer;
  let allocation: (flowId: string, leads: { id: string; phone?: string }[]) => GroupedAllocation;

  beforeAll(async () => {
    server = await startTestServer('postgres');
    await publishFlows(
      server,
      [
        { id: 'a', name: '张伟' },
        { id: 'b', name: '李娜' },
      ],
      [roundRobinFlow('rr', ['a', 'b']), dedupFlow('dedup', ['a', 'b'])],
    );
    const cache = new FlowRuntimeCache();
    const runtimes = {
      rr: await readRuntime(cache, server.database.db, server.workspaceId, 'rr'),
      dedup: await readRuntime(cache, server.database.db, server.workspaceId, 'dedup'),
    };
    allocation = (flowId, leads) => ({
      workspaceId: server.workspaceId,
      flowId,
      leads,
      tokenId: 'test-token',
      idempotencyKey: null,
      requestHash: '',
      runtime: runtimes[flowId as keyof typeof runtimes],
      requestId: `request-${leads[0]?.id ?? ''}`,
      log: { error: () => undefined },
    });
  });
  afterAll(() => server.close());

  const owners = (answer: AllocationAnswer) => answer.body.results.map((result) => result.ownerId);

  const auditTimes = async (leadPrefix: string): Promise<string[]> => {
    const rows = await server.database.db
      .selectFrom('audit_entries')
      .select('decided_at')
      .where('lead_id', 'like', `${leadPrefix}%`)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.decided_at);
  };

  it('decides each allocation on the state the ones before it left', async () => {
    const outcomes = await server.database.db
      .transaction()
      .execute((trx) =>
        decideGroup(trx, [
          allocation('dedup', [{ id: 'seq-1', phone: '13800000001' }]),
          allocation('dedup', [{ id: 'seq-2', phone: '13800000002' }]),
          allocation('dedup', [{ id: 'seq-3', phone: '13800000001' }]),
        ]),
      );

    const answers = outcomes.map((outcome) => (outcome.ok ? owners(outcome.answer) : null));
    const [first, second, repeat] = answers;
    expect(first?.[0]).not.toBe(second?.[0]);
    // The third lead repeats the first one's phone, so it keeps the first owner.
    expect(repeat).toEqual(first);
    expect(await auditTimes('seq-')).toHaveLength(3);
  });

  it('rejects only the allocation whose key another request used', async () => {
    const keyed = (id: string, requestHash: string): GroupedAllocation => ({
      ...allocation('rr', [{ id }]),
      idempotencyKey: 'group-key',
      requestHash,
    });

    const outcomes = await server.database.db
      .transaction()
      .execute((trx) =>
        decideGroup(trx, [
          keyed('key-1', 'hash-1'),
          keyed('key-1', 'hash-1'),
          keyed('key-2', 'hash-2'),
          allocation('rr', [{ id: 'key-3' }]),
        ]),
      );

    const [first, retry, reused, other] = outcomes;
    expect(first).toMatchObject({ ok: true, answer: { replayed: false } });
    expect(retry).toMatchObject({ ok: true, answer: { replayed: true } });
    expect(retry?.ok && first?.ok && retry.answer.body).toEqual(first?.ok && first.answer.body);
    expect(reused?.ok).toBe(false);
    expect(!reused?.ok && reused?.error).toBeInstanceOf(ApiError);
    expect(other).toMatchObject({ ok: true, answer: { replayed: false } });
    expect(await auditTimes('key-')).toHaveLength(2);
  });

  /** Locks the workspace in a transaction of its own, as a running allocation would. */
  const holdWorkspaceLock = async () => {
    const holder = await server.database.db.startTransaction().execute();
    await sql`select id from workspaces where id = ${server.workspaceId} for update`.execute(
      holder,
    );
    return holder;
  };

  /** Waits until one transaction waits for the workspace lock. */
  const waitForLockWaiter = () =>
    expect
      .poll(async () => {
        const { rows } = await sql<{ waiting: number }>`
          select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(
          server.database.db,
        );
        return rows[0]?.waiting ?? 0;
      })
      .toBe(1);

  it('runs the allocations that wait for a running transaction together in the next one', async () => {
    const holder = await holdWorkspaceLock();

    const first = allocateInGroup(server.database, allocation('rr', [{ id: 'burst-0' }]));
    await waitForLockWaiter();
    const others = [1, 2, 3, 4].map((index) =>
      allocateInGroup(server.database, allocation('rr', [{ id: `burst-${index}` }])),
    );
    await holder.commit().execute();
    const answers = await Promise.all([first, ...others]);

    const assigned = answers.flatMap(owners);
    const toA = assigned.filter((owner) => owner === 'a').length;
    // Round robin stays exact across the two transactions.
    expect(Math.abs(toA - (assigned.length - toA))).toBe(1);
    const times = await auditTimes('burst-');
    expect(times).toHaveLength(5);
    // One transaction for the first allocation, one shared by the four that waited.
    expect(new Set(times).size).toBe(2);
  });

  it('fails only the faulty allocation of a group', async () => {
    const logged: { fields: Record<string, unknown>; message: string }[] = [];
    const log = {
      error: (fields: Record<string, unknown>, message: string) => logged.push({ fields, message }),
    };
    const healthy = allocation('rr', [{ id: 'fault-1' }]);
    // A programming error inside the engine call, as a bug would throw it.
    const runner = Object.create(healthy.runtime.compiled.runner, {
      runDelta: {
        value: () => {
          throw new TypeError('injected fault');
        },
      },
    }) as typeof healthy.runtime.compiled.runner;
    const faulty: GroupedAllocation = {
      ...allocation('rr', [{ id: 'fault-2' }]),
      runtime: { ...healthy.runtime, compiled: { ...healthy.runtime.compiled, runner } },
      log,
    };
    const holder = await holdWorkspaceLock();

    const first = allocateInGroup(server.database, allocation('rr', [{ id: 'fault-0' }]));
    await waitForLockWaiter();
    const settled: string[] = [];
    const group = [healthy, faulty, allocation('rr', [{ id: 'fault-3' }])].map((member) => {
      const answer = allocateInGroup(server.database, { ...member, log });
      void answer.then(
        () => settled.push(member.requestId),
        () => settled.push(member.requestId),
      );
      return answer;
    });
    await holder.commit().execute();
    const [before, second, failed, third] = await Promise.allSettled([first, ...group]);

    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'injected fault' } });
    expect(settled).toEqual(['request-fault-1', 'request-fault-2', 'request-fault-3']);
    const assigned = [before, second, third].map((result) =>
      result?.status === 'fulfilled' ? owners(result.value)[0] : null,
    );
    // Round robin alternates over the three healthy allocations, as if each had come alone.
    expect(assigned[0]).not.toBeNull();
    expect(assigned[1]).not.toBe(assigned[0]);
    expect(assigned[2]).toBe(assigned[0]);
    expect(await auditTimes('fault-')).toHaveLength(3);
    expect(logged).toEqual([
      {
        message: 'allocation group failed; running its requests one by one',
        fields: {
          err: expect.objectContaining({ message: 'injected fault' }),
          workspaceId: server.workspaceId,
          requestIds: ['request-fault-1', 'request-fault-2', 'request-fault-3'],
        },
      },
    ]);
  });

  it('fails the whole group when its commit fails', async () => {
    const db = server.database.db;
    // A deferred trigger fails the first COMMIT that writes a commit-* lead,
    // and only that one: sequences do not roll back.
    await sql`create sequence commit_faults`.execute(db);
    await sql`
      create function fail_first_commit() returns trigger language plpgsql as $$
      begin
        if new.lead_id like 'commit-%' and nextval('commit_faults') = 1 then
          raise exception 'injected commit fault';
        end if;
        return null;
      end $$`.execute(db);
    await sql`
      create constraint trigger fail_first_commit after insert on audit_entries
      deferrable initially deferred for each row execute function fail_first_commit()`.execute(db);
    const logged: string[] = [];
    const log = {
      error: (_fields: Record<string, unknown>, message: string) => logged.push(message),
    };
    const holder = await holdWorkspaceLock();

    const first = allocateInGroup(server.database, allocation('rr', [{ id: 'warm-0' }]));
    await waitForLockWaiter();
    const group = ['commit-1', 'commit-2'].map((id) =>
      allocateInGroup(server.database, { ...allocation('rr', [{ id }]), log }),
    );
    await holder.commit().execute();
    const results = await Promise.allSettled([first, ...group]);
    await sql`drop trigger fail_first_commit on audit_entries`.execute(db);
    await sql`drop function fail_first_commit()`.execute(db);
    await sql`drop sequence commit_faults`.execute(db);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(results[1]).toMatchObject({ reason: { message: 'injected commit fault' } });
    // Running the group again could decide twice when a commit took effect.
    expect(await auditTimes('commit-')).toHaveLength(0);
    expect(logged).toEqual([]);
  });
});
