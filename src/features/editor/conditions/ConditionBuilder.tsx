import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Code, Stack, Text } from '@mantine/core';
import { QueryBuilderMantine } from '@react-querybuilder/mantine';
import { QueryBuilder, type Field, type RuleGroupType } from 'react-querybuilder';
import { useTranslation } from 'react-i18next';
import { useEditorEnvironment } from '../environment/EditorEnvironment';
import {
  fieldsInCondition,
  jsonLogicToQuery,
  queryToJsonLogic,
  sameCondition,
} from './condition-query.convert';
import { ConditionValueEditor } from './ConditionValueEditor';
import { leadFieldOptionLabel, mergeLeadFields, type LeadFieldKind } from './lead-fields';
import classes from './ConditionBuilder.module.css';

const OPERATORS_BY_KIND: Record<LeadFieldKind, string[]> = {
  text: [
    '=',
    '!=',
    'contains',
    'doesNotContain',
    'beginsWith',
    'doesNotBeginWith',
    'endsWith',
    'doesNotEndWith',
    'in',
    'notIn',
    'null',
    'notNull',
  ],
  number: [
    '=',
    '!=',
    '<',
    '<=',
    '>',
    '>=',
    'between',
    'notBetween',
    'in',
    'notIn',
    'null',
    'notNull',
  ],
  date: ['=', '!=', '<', '<=', '>', '>=', 'between', 'null', 'notNull'],
};

export interface ConditionBuilderProps {
  /** The stored JSON Logic condition; undefined when none is set. */
  value: unknown;
  /** Called with the new JSON Logic, or undefined when every rule was removed. */
  onChange: (condition: Record<string, unknown> | undefined) => void;
  /** Path of the condition in the node, used to focus it from the problems panel. */
  fieldPath: string;
}

/**
 * Visual editor of one condition (react-querybuilder with Mantine controls).
 * It writes JSON Logic as the user edits and reads the stored condition back;
 * a condition it cannot show exactly is displayed read-only, never rewritten.
 */
export function ConditionBuilder({ value, onChange, fieldPath }: ConditionBuilderProps) {
  const { t } = useTranslation('editor');
  const { datasetColumns } = useEditorEnvironment();

  const fieldOptions = useMemo(
    () => mergeLeadFields(datasetColumns, fieldsInCondition(value)),
    // Fields named by the condition are added once; re-deriving on every keystroke is not needed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [datasetColumns],
  );
  const kindOf = useMemo(() => {
    const kinds = new Map(fieldOptions.map((field) => [field.name, field.kind]));
    return (name: string) => kinds.get(name);
  }, [fieldOptions]);

  const fields = useMemo<Field[]>(
    () =>
      fieldOptions.map((field) => ({
        name: field.name,
        value: field.name,
        label: leadFieldOptionLabel(field, t),
        inputType: field.kind === 'number' ? 'number' : 'text',
        operators: OPERATORS_BY_KIND[field.kind].map((name) => ({
          name,
          value: name,
          label: t(`operators.${name}`),
        })),
      })),
    [fieldOptions, t],
  );

  const combinators = useMemo(
    () =>
      ['and', 'or'].map((name) => ({ name, value: name, label: t(`query.combinators.${name}`) })),
    [t],
  );
  const translations = useMemo(
    () => ({
      addRule: { label: `+ ${t('query.addRule')}`, title: t('query.addRule') },
      addGroup: { label: `+ ${t('query.addGroup')}`, title: t('query.addGroup') },
      removeRule: { label: '×', title: t('query.removeRule') },
      removeGroup: { label: '×', title: t('query.removeGroup') },
      notToggle: { label: t('query.not'), title: t('query.not') },
      fields: { title: t('query.field'), placeholderLabel: t('query.field') },
      operators: { title: t('query.operator'), placeholderLabel: t('query.operator') },
      value: { title: t('query.value') },
      combinators: { title: t('query.combinators.and') },
    }),
    [t],
  );

  // The query shown; kept while the stored value is what this builder last wrote,
  // so that an unfinished rule is not lost, and re-read when undo or another tab changes it.
  const lastWritten = useRef<unknown>(value);
  const [query, setQuery] = useState<RuleGroupType | null>(() => {
    const parsed = jsonLogicToQuery(value, kindOf);
    return parsed.ok ? parsed.query : null;
  });
  const [shownValue, setShownValue] = useState<unknown>(value);

  if (shownValue !== value && !sameCondition(value, lastWritten.current)) {
    const parsed = jsonLogicToQuery(value, kindOf);
    setShownValue(value);
    setQuery(parsed.ok ? parsed.query : null);
    lastWritten.current = value;
  }

  function onQueryChange(next: RuleGroupType) {
    setQuery(next);
    const logic = queryToJsonLogic(next, kindOf);
    lastWritten.current = logic;
    setShownValue(logic);
    if (!sameCondition(logic, value)) onChange(logic);
  }

  if (query === null) {
    return (
      <Alert
        color="yellow"
        title={t('query.readOnlyTitle')}
        data-field-path={fieldPath}
        tabIndex={-1}
      >
        <Stack gap="xs">
          <Text size="sm">{t('query.readOnlyBody')}</Text>
          <Code block>{JSON.stringify(value, null, 2)}</Code>
          <Button
            size="xs"
            variant="light"
            onClick={() => {
              setQuery({ combinator: 'and', rules: [] });
              lastWritten.current = undefined;
              onChange(undefined);
            }}
          >
            {t('query.clear')}
          </Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <div
      className={classes.builder}
      data-field-path={fieldPath}
      data-testid={`condition-builder-${fieldPath}`}
    >
      <QueryBuilderMantine>
        <QueryBuilder
          fields={fields}
          combinators={combinators}
          query={query}
          onQueryChange={onQueryChange}
          translations={translations}
          controlElements={{ valueEditor: ConditionValueEditor }}
          listsAsArrays
          showNotToggle
          resetOnFieldChange
          controlClassnames={{ queryBuilder: classes.queryBuilder }}
        />
      </QueryBuilderMantine>
      {query.rules.length === 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('query.empty')}
        </Text>
      )}
    </div>
  );
}
