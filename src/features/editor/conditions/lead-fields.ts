import type { TFunction } from 'i18next';
import { STANDARD_FIELDS, type StandardField } from '@sras/import';

/** How a field's values are compared in the condition builder. */
export type LeadFieldKind = 'text' | 'number' | 'date';

/** A lead field offered in the condition builder. */
export interface LeadFieldOption {
  name: string;
  kind: LeadFieldKind;
  /** i18n key of the field's label, for standard fields. */
  labelKey?: string;
  /** The spreadsheet header of a dataset column whose key differs from it, such as `资产规模（万元）` for `assets`. */
  header?: string;
}

/** Standard fields whose values are not compared as text. */
const STANDARD_FIELD_KINDS: Partial<Record<StandardField, LeadFieldKind>> = {
  amount: 'number',
  createdAt: 'date',
  closedAt: 'date',
};

/**
 * Fields that flows write rather than import: the score node's default result
 * field.
 */
const FLOW_FIELDS: readonly LeadFieldOption[] = [
  { name: 'score', kind: 'number', labelKey: 'fields.score' },
];

/**
 * Standard lead fields: the import package's standard fields (the names it
 * maps spreadsheet columns to), then the fields flows write, each with its
 * label key in the editor's catalogue.
 */
export const STANDARD_LEAD_FIELDS: readonly LeadFieldOption[] = [
  ...STANDARD_FIELDS.map((name) => ({
    name,
    kind: STANDARD_FIELD_KINDS[name] ?? 'text',
    labelKey: `fields.${name}`,
  })),
  ...FLOW_FIELDS,
];

/**
 * The fields to offer: the standard fields, then every other column of the
 * stored datasets (numeric when the dataset typed it so), then any field a
 * condition already names, so that nothing in a loaded flow is hidden.
 */
export function mergeLeadFields(
  datasetColumns: readonly { name: string; kind?: LeadFieldKind; header?: string }[],
  fieldsInUse: readonly string[] = [],
): LeadFieldOption[] {
  const fields: LeadFieldOption[] = [...STANDARD_LEAD_FIELDS];
  const known = new Set(fields.map((field) => field.name));

  for (const column of datasetColumns) {
    const name = column.name.trim();
    if (name === '' || known.has(name)) continue;
    known.add(name);
    const header = column.header?.trim();
    fields.push({
      name,
      kind: column.kind ?? 'text',
      ...(header && header !== name ? { header } : {}),
    });
  }
  for (const name of fieldsInUse) {
    if (known.has(name)) continue;
    known.add(name);
    fields.push({ name, kind: 'text' });
  }
  return fields;
}

/** Returns a field's display name: its translated label, else its spreadsheet header, else its key. */
export function leadFieldLabel(field: LeadFieldOption, t: TFunction): string {
  if (field.labelKey) return t(field.labelKey);
  return field.header ?? field.name;
}

/** Returns a field picker's option text: the field's label with its key, such as `城市 (city)`. */
export function leadFieldOptionLabel(field: LeadFieldOption, t: TFunction): string {
  const label = leadFieldLabel(field, t);
  return label === field.name ? label : `${label} (${field.name})`;
}
