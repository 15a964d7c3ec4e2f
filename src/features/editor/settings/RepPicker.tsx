import { useCallback, useMemo, useState } from 'react';
import { Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rep } from '@sras/engine';
import { localDay, matchesRepSearch, repOptionLabel, repSearchText } from './rep-options';

/**
 * Maximum number of options a rep picker lists at once. Rendering all 500
 * options of a large team took one main-thread task of 57–66 ms on a quiet
 * 2-core machine. Fifty options fill the dropdown, and a search reaches the rest.
 */
export const REP_PICKER_LIMIT = 50;

export interface RepPickerProps {
  label: string;
  /** The chosen rep id, or null when none is chosen (an "add" picker stays at null). */
  value: string | null;
  /** Called with the picked rep id, or null when the user clears the choice. */
  onChange: (repId: string | null) => void;
  reps: readonly Rep[];
  /** Reps not offered, such as those already taking part. */
  exclude?: ReadonlySet<string>;
  /** The `data-field-path` that problems and field focus find the input by. */
  fieldPath?: string;
}

interface RepOption extends ComboboxItem {
  searchText: string;
}

/**
 * Render a search-first picker of reps. Opening it lists at most
 * REP_PICKER_LIMIT reps (the chosen one first), and typing finds any rep by
 * name, id or team. Labels mark inactive reps and reps on leave today.
 */
export function RepPicker({ label, value, onChange, reps, exclude, fieldPath }: RepPickerProps) {
  const { t } = useTranslation('editor');
  const [today] = useState(() => localDay(new Date()));

  const options = useMemo(() => {
    const list: RepOption[] = [];
    for (const rep of reps) {
      if (exclude?.has(rep.id)) continue;
      list.push({
        value: rep.id,
        label: repOptionLabel(rep, t, today),
        searchText: repSearchText(rep),
      });
    }
    if (value !== null && value !== '' && !reps.some((rep) => rep.id === value)) {
      const unknown = t('settings.reps.unknownRep', { id: value });
      list.push({ value, label: unknown, searchText: unknown.toLowerCase() });
    }
    return list;
  }, [reps, exclude, value, t, today]);

  const filter = useCallback<OptionsFilter>(
    ({ search, limit }) => {
      const found: RepOption[] = [];
      const chosen = options.find((option) => option.value === value);
      if (search.trim() === '' && chosen) found.push(chosen);
      for (const option of options) {
        if (found.length >= limit) break;
        if (option === chosen && found[0] === chosen) continue;
        if (matchesRepSearch(option.searchText, search)) found.push(option);
      }
      return found;
    },
    [options, value],
  );

  return (
    <Select
      label={label}
      placeholder={t('settings.reps.searchRep')}
      description={
        options.length > REP_PICKER_LIMIT
          ? t('settings.reps.searchHint', { count: options.length })
          : undefined
      }
      data={options}
      value={value === '' ? null : value}
      searchable
      limit={REP_PICKER_LIMIT}
      filter={filter}
      nothingFoundMessage={t('settings.reps.nothingFound')}
      onChange={onChange}
      data-field-path={fieldPath}
    />
  );
}
