/** How a field's values are compared in the condition builder. */
export type LeadFieldKind = 'text' | 'number' | 'date';

/** A lead field offered in the condition builder. */
export interface LeadFieldOption {
  name: string;
  kind: LeadFieldKind;
  /** i18n key of the field's label, for standard fields; dataset columns show their own name. */
  labelKey?: string;
}

/**
 * Standard lead fields: the names the importer maps spreadsheet columns to.
 * NOTE: kept here until the import package exports its list of standard
 * fields; keep the two in step.
 */
export const STANDARD_LEAD_FIELDS: readonly LeadFieldOption[] = [
  { name: 'id', kind: 'text' },
  { name: 'name', kind: 'text' },
  { name: 'phone', kind: 'text' },
  { name: 'tel', kind: 'text' },
  { name: 'email', kind: 'text' },
  { name: 'company', kind: 'text' },
  { name: 'province', kind: 'text' },
  { name: 'city', kind: 'text' },
  { name: 'source', kind: 'text' },
  { name: 'industry', kind: 'text' },
  { name: 'createdAt', kind: 'date' },
  { name: 'owner', kind: 'text' },
  { name: 'status', kind: 'text' },
  { name: 'amount', kind: 'number' },
  { name: 'score', kind: 'number' },
].map((field) => ({
  ...field,
  kind: field.kind as LeadFieldKind,
  labelKey: `fields.${field.name}`,
}));

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
