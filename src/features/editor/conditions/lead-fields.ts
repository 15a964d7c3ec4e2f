import { STANDARD_FIELDS, type StandardField } from '@sras/import';

/** How a field's values are compared in the condition builder. */
export type LeadFieldKind = 'text' | 'number' | 'date';

/** A lead field offered in the condition builder. */
export interface LeadFieldOption {
  name: string;
  kind: LeadFieldKind;
  /** i18n key of the field's label, for standard fields; dataset columns show their own name. */
  labelKey?: string;
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
  datasetColumns: readonly { name: string; kind?: LeadFieldKind }[],
  fieldsInUse: readonly string[] = [],
): LeadFieldOption[] {
  const fields: LeadFieldOption[] = [...STANDARD_LEAD_FIELDS];
  const known = new Set(fields.map((field) => field.name));

  for (const column of datasetColumns) {
    const name = column.name.trim();
    if (name === '' || known.has(name)) continue;
    known.add(name);
    fields.push({ name, kind: column.kind ?? 'text' });
  }
  for (const name of fieldsInUse) {
    if (known.has(name)) continue;
    known.add(name);
    fields.push({ name, kind: 'text' });
  }
  return fields;
}
