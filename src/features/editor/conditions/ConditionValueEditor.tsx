import { TagsInput } from '@mantine/core';
import { MantineValueEditor } from '@react-querybuilder/mantine';
import type { ValueEditorProps } from 'react-querybuilder';
import { useTranslation } from 'react-i18next';

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value.trim() !== '')
    return value.split(',').map((item) => item.trim());
  return [];
}

/**
 * Value editor of the condition builder: lists ("is one of") are edited as
 * tags so that each value stays a separate array item; everything else uses
 * the Mantine editor.
 */
export function ConditionValueEditor(props: ValueEditorProps) {
  const { t } = useTranslation('editor');
  if (props.operator !== 'in' && props.operator !== 'notIn')
    return <MantineValueEditor {...props} />;

  return (
    <TagsInput
      className={props.className}
      size="xs"
      value={asList(props.value)}
      onChange={(values) => props.handleOnChange(values)}
      placeholder={t('query.listPlaceholder')}
      aria-label={props.title}
      disabled={props.disabled}
      splitChars={[',', '，', '、']}
      style={{ minWidth: 200, flex: 1 }}
    />
  );
}
