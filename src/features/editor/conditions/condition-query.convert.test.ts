import { compileCondition } from '@sras/engine';
import type { RuleGroupType } from 'react-querybuilder';
import { describe, expect, it } from 'vitest';
import {
  BUILDER_OPERATORS,
  fieldsInCondition,
  LIST_OPERATORS,
  jsonLogicToQuery,
  queryToJsonLogic,
  sameCondition,
} from './condition-query.convert';
import type { LeadFieldKind } from './lead-fields';

const kinds: Record<string, LeadFieldKind> = { amount: 'number', score: 'number' };
const kindOf = (field: string) => kinds[field] ?? 'text';

function query(rules: RuleGroupType['rules'], combinator = 'and', not = false): RuleGroupType {
  return { combinator, rules, not };
}

const rule = (field: string, operator: string, value: unknown) => ({ field, operator, value });

describe('queryToJsonLogic', () => {
  it.each([
    [rule('source', '=', '展会'), { '==': [{ var: 'source' }, '展会'] }],
    [rule('source', '!=', '展会'), { '!=': [{ var: 'source' }, '展会'] }],
    [rule('amount', '=', '500'), { '==': [{ var: 'amount' }, 500] }],
    [rule('amount', '>=', '10'), { '>=': [{ var: 'amount' }, 10] }],
    [rule('TotalVisits', '>', '9'), { '>': [{ var: 'TotalVisits' }, 9] }],
    [rule('company', 'contains', '科技'), { in: ['科技', { var: 'company' }] }],
    [rule('company', 'doesNotContain', '科技'), { '!': { in: ['科技', { var: 'company' }] } }],
    [rule('phone', 'beginsWith', '138'), { startsWith: [{ var: 'phone' }, '138'] }],
    [rule('email', 'endsWith', '@qq.com'), { endsWith: [{ var: 'email' }, '@qq.com'] }],
    [rule('province', 'in', ['广东', '浙江']), { in: [{ var: 'province' }, ['广东', '浙江']] }],
    [rule('province', 'notIn', ['广东']), { '!': { in: [{ var: 'province' }, ['广东']] } }],
    [rule('score', 'between', ['60', '80']), { '<=': [60, { var: 'score' }, 80] }],
    [rule('city', 'null', ''), { '==': [{ var: 'city' }, null] }],
    [rule('city', 'notNull', ''), { '!=': [{ var: 'city' }, null] }],
  ])('writes %j as %j', (single, expected) => {
    expect(queryToJsonLogic(query([single]), kindOf)).toEqual(expected);
  });

  it('keeps a postal code with a leading zero as text', () => {
    expect(queryToJsonLogic(query([rule('postcode', '=', '010010')]), kindOf)).toEqual({
      '==': [{ var: 'postcode' }, '010010'],
    });
  });

  it('writes a list as an array, never as comma-joined text', () => {
    const logic = queryToJsonLogic(query([rule('province', 'in', '广东, 浙江')]), kindOf);

    expect(logic).toEqual({ in: [{ var: 'province' }, ['广东', '浙江']] });
  });

  it('writes groups with their combinator and negation', () => {
    const logic = queryToJsonLogic(
      query([
        rule('source', '=', '展会'),
        query([rule('amount', '>', '1000'), rule('city', 'notNull', '')], 'or', true),
      ]),
      kindOf,
    );

    expect(logic).toEqual({
      and: [
        { '==': [{ var: 'source' }, '展会'] },
        { '!': { or: [{ '>': [{ var: 'amount' }, 1000] }, { '!=': [{ var: 'city' }, null] }] } },
      ],
    });
  });

  it('writes no condition for an empty query', () => {
    expect(queryToJsonLogic(query([]))).toBeUndefined();
  });
});

describe('jsonLogicToQuery', () => {
  const written = [
    { '==': [{ var: 'source' }, '展会'] },
    { '!=': [{ var: 'amount' }, 5] },
    { '<': [{ var: 'score' }, 60] },
    { '<=': [{ var: 'score' }, 60] },
    { '>': [{ var: 'score' }, 60] },
    { '>=': [{ var: 'score' }, 60.5] },
    { in: ['科技', { var: 'company' }] },
    { '!': { in: ['科技', { var: 'company' }] } },
    { startsWith: [{ var: 'phone' }, '138'] },
    { '!': { startsWith: [{ var: 'phone' }, '138'] } },
    { endsWith: [{ var: 'email' }, '@qq.com'] },
    { '!': { endsWith: [{ var: 'email' }, '@qq.com'] } },
    { in: [{ var: 'province' }, ['广东', '浙江']] },
    { '!': { in: [{ var: 'province' }, ['广东']] } },
    { '<=': [60, { var: 'score' }, 80] },
    { '!': { '<=': [60, { var: 'score' }, 80] } },
    { '==': [{ var: 'city' }, null] },
    { '!=': [{ var: 'city' }, null] },
    { or: [{ '==': [{ var: 'source' }, '展会'] }, { '==': [{ var: 'source' }, '官网'] }] },
    { '!': { and: [{ '==': [{ var: 'a' }, 'x'] }, { and: [{ '>': [{ var: 'b' }, 1] }] }] } },
  ];

  it.each(written)('reads %j back into the same condition', (logic) => {
    const parsed = jsonLogicToQuery(logic, kindOf);

    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(queryToJsonLogic(parsed.query, kindOf)).toEqual(logic);
  });

  it('reads a missing condition as an empty query', () => {
    expect(jsonLogicToQuery(undefined)).toEqual({
      ok: true,
      query: { combinator: 'and', rules: [] },
    });
  });

  it('reads numeric text in an equality as the same condition', () => {
    const parsed = jsonLogicToQuery({ '==': [{ var: 'amount' }, '500'] }, kindOf);

    expect(parsed.ok).toBe(true);
  });

  it.each([
    [{ method: [{ var: 's' }, 'toUpperCase', []] }],
    [{ '==': [{ var: ['source', 'default'] }, 'x'] }],
    [{ '==': [{ var: 'flag' }, true] }],
    [{ '!!': { var: 'phone' } }],
    [{ '==': [{ '+': [{ var: 'a' }, 1] }, 2] }],
    [{ and: [{ '==': [{ var: 'a' }, 1] }], extra: 1 }],
    ['plain text'],
  ])('reports %j as not representable', (logic) => {
    expect(jsonLogicToQuery(logic, kindOf)).toEqual({ ok: false, reason: 'notRepresentable' });
  });
});

describe('generated conditions compiled by the engine', () => {
  const leads = [
    {
      id: 'L1',
      source: '展会',
      province: '广东',
      amount: '1200',
      city: '深圳',
      phone: '13800000000',
      email: 'a@qq.com',
    },
    { id: 'L2', source: '官网', province: '浙江', amount: 80, city: '', phone: '13900000000' },
    { id: 'L3', source: '展会', province: '北京', amount: null, city: '   ', phone: '' },
    { id: 'L4', source: 'Select', province: '东', score: '' },
  ];
  const run = (rules: ReturnType<typeof rule>[], combinator = 'and', not = false) => {
    const logic = queryToJsonLogic(query(rules, combinator, not), kindOf);
    const compiled = compileCondition(logic);
    if (!compiled.ok) throw new Error(`rejected: ${JSON.stringify(compiled.problems)}`);
    return leads.filter((lead) => compiled.test(lead)).map((lead) => lead.id);
  };

  it.each(BUILDER_OPERATORS)('compiles the %s operator', (operator) => {
    const value = LIST_OPERATORS.has(operator) ? ['1', '2'] : '1';
    const logic = queryToJsonLogic(query([rule('amount', operator, value)]), kindOf);

    expect(compileCondition(logic).ok).toBe(true);
  });

  it('matches source equal to 展会', () => {
    expect(run([rule('source', '=', '展会')])).toEqual(['L1', 'L3']);
  });

  it('matches a province from a list and never a substring of a joined list', () => {
    expect(run([rule('province', 'in', ['广东', '浙江'])])).toEqual(['L1', 'L2']);
  });

  it('compares amounts held as text as numbers', () => {
    expect(run([rule('amount', '>', '100')])).toEqual(['L1']);
  });

  it('treats a missing amount as neither below nor above a number', () => {
    expect(run([rule('amount', '<', '100')])).toEqual(['L2']);
  });

  it('counts blank and whitespace as empty', () => {
    expect(run([rule('city', 'null', '')])).toEqual(['L2', 'L3', 'L4']);
    expect(run([rule('city', 'notNull', '')])).toEqual(['L1']);
  });

  it('finds a text inside a field, at its start and at its end', () => {
    expect(run([rule('city', 'contains', '深')])).toEqual(['L1']);
    expect(run([rule('phone', 'beginsWith', '139')])).toEqual(['L2']);
    expect(run([rule('email', 'endsWith', '@qq.com')])).toEqual(['L1']);
  });

  it('combines rules with or and negation', () => {
    expect(run([rule('source', '=', '官网'), rule('province', '=', '北京')], 'or')).toEqual([
      'L2',
      'L3',
    ]);
    expect(run([rule('source', '=', '展会')], 'and', true)).toEqual(['L2', 'L4']);
  });
});

describe('sameCondition', () => {
  it('counts numeric text as its number', () => {
    expect(sameCondition({ '==': [{ var: 'a' }, '10'] }, { '==': [{ var: 'a' }, 10] })).toBe(true);
    expect(sameCondition({ '==': [{ var: 'a' }, '010'] }, { '==': [{ var: 'a' }, 10] })).toBe(
      false,
    );
  });
});

describe('fieldsInCondition', () => {
  it('lists each field once in order', () => {
    expect(
      fieldsInCondition({
        and: [
          { '==': [{ var: 'b' }, 1] },
          { in: ['x', { var: 'a' }] },
          { '!=': [{ var: 'b' }, null] },
        ],
      }),
    ).toEqual(['b', 'a']);
  });
});
