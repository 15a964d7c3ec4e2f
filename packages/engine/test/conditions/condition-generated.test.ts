import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionOptions } from '../../src/conditions/index.js';
import { compileCondition, isTruthy } from '../../src/conditions/index.js';
import { createReference, truthyReference } from '../support/json-logic-reference.js';

/**
 * Random expressions over random leads, through the engine and the
 * json-logic-js reference. The seed is fixed so a failure reproduces; the run
 * count keeps the test at a few seconds.
 */
const SEED = 20_241_204;
const RUNS = 2_500;

const options: ConditionOptions = {
  fieldTypes: { phone: 'phone', zip: 'postalCode', code: 'id', amount: 'number', flag: 'boolean' },
  emptyValues: ['Select', '请选择'],
};

const FIELDS = ['a', 'b', 'score', 'phone', 'zip', 'code', 'amount', 'flag', '城市', 'x.y'];

const TEXTS = [
  '10',
  '9',
  '0',
  '-3',
  '2.67',
  '0.5',
  '+4',
  '010010',
  '000881',
  '007',
  '00',
  '13800000000',
  '1,200',
  '5万',
  '1e3',
  '',
  ' ',
  '\u3000',
  'Select',
  ' select ',
  '请选择',
  '广东',
  '东',
  '广东,浙江',
  '杭州示例科技有限公司',
  'abc',
  'ABC',
  'true',
  'yes',
  '是',
];

const scalar = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.constantFrom(0, 1, -1, 9, 10, 2.5, 100000, 13800000000, -0.5),
  fc.integer({ min: -20, max: 20 }),
  fc.boolean(),
  fc.constant(null),
);

const leadValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 9, 10, 2.67, -3, 13800000000) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const lead = fc.dictionary(fc.constantFrom(...FIELDS), leadValue, {
  maxKeys: FIELDS.length,
  noNullPrototype: true,
});

const fieldName = fc.constantFrom(...FIELDS, 'absent', '');

/** Pieces of field names for names computed at run time, unsafe segments included. */
const namePart = fc.constantFrom(
  'a',
  'b',
  'x',
  '.y',
  'ph',
  'one',
  'zip',
  'amount',
  '__proto__',
  '',
);

type Expr = unknown;

const { expr } = fc.letrec<{ expr: Expr; value: Expr; test: Expr; list: Expr }>((tie) => ({
  expr: fc.oneof({ depthSize: 'small' }, tie('value'), tie('test')),
  value: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.record({ var: fieldName }),
    fc.record({ var: fc.tuple(fieldName, scalar) }),
    fc.record({ var: fc.record({ cat: fc.array(namePart, { minLength: 1, maxLength: 3 }) }) }),
    fc.record({ if: fc.array(tie('expr'), { minLength: 1, maxLength: 5 }) }),
    fc.record({ '+': fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ '*': fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ '-': fc.array(tie('value'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ '/': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '%': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ max: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ min: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ cat: fc.array(tie('value'), { maxLength: 3 }) }),
    fc.record({
      substr: fc.oneof(
        fc.tuple(tie('value'), fc.integer({ min: -4, max: 4 })),
        fc.tuple(tie('value'), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 })),
      ),
    }),
    fc.record({ missing: fc.array(fieldName, { maxLength: 3 }) }),
    fc.record({
      missing_some: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.array(fieldName, { maxLength: 3 })),
    }),
    fc.record({ and: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ or: fc.array(tie('expr'), { minLength: 1, maxLength: 3 }) }),
    tie('list'),
  ),
  list: fc.oneof(
    { depthSize: 'small' },
    fc.array(scalar, { maxLength: 4 }),
    fc.record({
      merge: fc.array(fc.oneof(tie('value'), fc.array(scalar, { maxLength: 3 })), { maxLength: 3 }),
    }),
  ),
  test: fc.oneof(
    { depthSize: 'small' },
    fc.record({ '==': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '!=': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '===': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '!==': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '<': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '<': fc.tuple(tie('value'), tie('value'), tie('value')) }),
    fc.record({ '<=': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '<=': fc.tuple(tie('value'), tie('value'), tie('value')) }),
    fc.record({ '>': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '>=': fc.tuple(tie('value'), tie('value')) }),
    fc.record({ in: fc.tuple(tie('value'), fc.oneof(tie('list'), tie('value'))) }),
    fc.record({ startsWith: fc.tuple(tie('value'), tie('value')) }),
    fc.record({ endsWith: fc.tuple(tie('value'), tie('value')) }),
    fc.record({ '!': fc.tuple(tie('expr')) }),
    fc.record({ '!!': fc.tuple(tie('expr')) }),
    fc.record({
      some: fc.tuple(tie('list'), fc.record({ '==': fc.tuple(fc.constant({ var: '' }), scalar) })),
    }),
    fc.record({ all: fc.tuple(tie('list'), fc.record({ '!!': fc.constant({ var: '' }) })) }),
    fc.record({
      none: fc.tuple(tie('list'), fc.record({ '>': fc.tuple(fc.constant({ var: '' }), scalar) })),
    }),
  ),
}));

/** Rules in the shapes react-querybuilder 8 exports, nested in groups. */
const ruleField = fc.record({ var: fc.constantFrom(...FIELDS) });
const rule = fc.oneof(
  fc.record({ '==': fc.tuple(ruleField, scalar) }),
  fc.record({ '!=': fc.tuple(ruleField, scalar) }),
  fc.record({ '<': fc.tuple(ruleField, scalar) }),
  fc.record({ '<=': fc.tuple(ruleField, scalar) }),
  fc.record({ '>': fc.tuple(ruleField, scalar) }),
  fc.record({ '>=': fc.tuple(ruleField, scalar) }),
  fc.record({ '==': fc.tuple(ruleField, fc.constant(null)) }),
  fc.record({ '!=': fc.tuple(ruleField, fc.constant(null)) }),
  fc.record({ in: fc.tuple(ruleField, fc.array(scalar, { maxLength: 4 })) }),
  fc.record({ in: fc.tuple(scalar, ruleField) }),
  fc.record({ startsWith: fc.tuple(ruleField, scalar) }),
  fc.record({ endsWith: fc.tuple(ruleField, scalar) }),
  fc.record({ '<=': fc.tuple(scalar, ruleField, scalar) }),
  fc.record({ '==': fc.tuple(ruleField, ruleField) }),
  fc.record({ '<': fc.tuple(ruleField, ruleField) }),
);
const { group } = fc.letrec<{ group: Expr }>((tie) => ({
  group: fc.oneof(
    { depthSize: 'small' },
    rule,
    fc.record({ and: fc.array(fc.oneof(rule, tie('group')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ or: fc.array(fc.oneof(rule, tie('group')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ '!': tie('group') }),
  ),
}));

describe('generated conditions', () => {
  it('agree with the json-logic-js reference', () => {
    fc.assert(
      fc.property(expr, fc.array(lead, { minLength: 4, maxLength: 4 }), (expression, leads) => {
        const generated = compileCondition(expression, options);
        const closures = compileCondition(expression, { ...options, codegen: false });
        if (!generated.ok || !closures.ok) {
          throw new Error(`rejected: ${JSON.stringify(expression)}`);
        }
        const reference = createReference(expression, options);
        for (const row of leads) {
          const value = reference.apply(row);
          const truth = reference.test(row);
          expect(generated.evaluate(row)).toEqual(value);
          expect(closures.evaluate(row)).toEqual(value);
          expect(generated.test(row)).toBe(truth);
          expect(closures.test(row)).toBe(truth);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('agree with the reference on rule-builder shapes', () => {
    fc.assert(
      fc.property(group, fc.array(lead, { minLength: 6, maxLength: 6 }), (expression, leads) => {
        const generated = compileCondition(expression, options);
        const closures = compileCondition(expression, { ...options, codegen: false });
        if (!generated.ok || !closures.ok) {
          throw new Error(`rejected: ${JSON.stringify(expression)}`);
        }
        const reference = createReference(expression, options);
        for (const row of leads) {
          const value = reference.apply(row);
          expect(generated.evaluate(row)).toEqual(value);
          expect(closures.evaluate(row)).toEqual(value);
          expect(generated.test(row)).toBe(closures.test(row));
        }
      }),
      { seed: SEED, numRuns: 1_500 },
    );
  });

  it('agree on truthiness of any lead value', () => {
    fc.assert(
      fc.property(fc.oneof(leadValue, scalar, fc.array(scalar, { maxLength: 2 })), (value) => {
        expect(isTruthy(value, options)).toBe(truthyReference(value, options));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});
