import { useMemo } from 'react';
import { Autocomplete, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useLeadFieldOptions } from './useLeadFieldOptions';

export interface FieldPickerProps {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  fieldPath: string;
}

/**
 * Picker of a lead field name: suggests standard fields and dataset columns
 * by name or translated label, and accepts any other field name typed.
 */
export function FieldPicker({ label, placeholder, value, onChange, fieldPath }: FieldPickerProps) {
  const options = useLeadFieldOptions();
  const labels = useMemo(
    () => new Map(options.map((option) => [option.value, option.label])),
    [options],
  );

  const filter = useMemo<OptionsFilter>(
    () =>
      ({ options: items, search }) => {
        const needle = search.trim().toLowerCase();
        if (needle === '') return items;
        return (items as ComboboxItem[]).filter((item) =>
          (labels.get(item.value) ?? item.value).toLowerCase().includes(needle),
        );
      },
    [labels],
  );

  return (
    <Autocomplete
      label={label}
      placeholder={placeholder}
      data={options.map((option) => option.value)}
      value={value}
      onChange={onChange}
      filter={filter}
      renderOption={({ option }) => labels.get(option.value) ?? option.value}
      description={labels.get(value)}
      data-field-path={fieldPath}
    />
  );
}
