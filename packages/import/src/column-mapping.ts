import {
  FIELD_KEYWORDS,
  FIELD_SYNONYMS,
  GENERIC_PHONE_SYNONYMS,
  LANDLINE_SYNONYMS,
  STANDARD_FIELDS,
  normaliseHeader,
  type StandardField,
} from './field-synonyms.js';
import { ImportError } from './import.error.js';

/** How a column came to its field. */
export type MappingSource = 'synonym' | 'keyword' | 'caller';

/** A column as the mapper sees it. */
export interface MappableColumn {
  key: string;
  header: string;
}

/** The field a column is mapped to, if any. */
export interface ColumnFieldMapping {
  field: string | null;
  mappedBy: MappingSource | null;
}

/**
 * Caller's mapping: column (by header text or column key) → field name, or
 * null to leave the column unmapped. Field names are the standard ones or
 * any name a flow uses.
 */
export type MappingOverrides = Readonly<Record<string, string | null>>;

/**
 * Maps columns to standard fields by Chinese and English header synonyms,
 * then applies the caller's overrides. Each field gets at most one column
 * and each column at most one field. A column named like a mobile number
 * (手机) becomes `phone`; a generic or landline number (电话, 联系电话,
 * 办公室电话) becomes `tel`, or `phone` when the file has no mobile column,
 * because dedup and validation key on `phone`.
 * Throws `mapping-column-not-found` when an override names no column.
 */
export function mapColumns(
  columns: readonly MappableColumn[],
  overrides: MappingOverrides = {},
): Map<string, ColumnFieldMapping> {
  const result = new Map<string, ColumnFieldMapping>(
    columns.map((column) => [column.key, { field: null, mappedBy: null }]),
  );
  const callerFields = applyOverrides(columns, overrides, result);
  const free = columns.filter((column) => result.get(column.key)?.mappedBy !== 'caller');
  const taken = new Set<string>(callerFields);
  const normalised = new Map(free.map((column) => [column.key, normaliseHeader(column.header)]));

  const assign = (
    column: MappableColumn | undefined,
    field: string,
    mappedBy: MappingSource,
  ): void => {
    if (!column || taken.has(field) || result.get(column.key)?.field) return;
    result.set(column.key, { field, mappedBy });
    taken.add(field);
  };
  const findBySynonyms = (synonyms: readonly string[]): MappableColumn | undefined => {
    for (const synonym of synonyms) {
      const column = free.find(
        (candidate) =>
          normalised.get(candidate.key) === synonym && !result.get(candidate.key)?.field,
      );
      if (column) return column;
    }
    return undefined;
  };

  for (const field of STANDARD_FIELDS) {
    if (field === 'tel') continue;
    assign(findBySynonyms(FIELD_SYNONYMS[field]), field, 'synonym');
  }
  assignPhoneNumbers(findBySynonyms, assign);

  for (const [field, keywords] of FIELD_KEYWORDS) {
    const column = free.find(
      (candidate) =>
        !result.get(candidate.key)?.field &&
        keywords.some((keyword) => normalised.get(candidate.key)?.includes(keyword)),
    );
    assign(column, field, 'keyword');
  }
  return result;
}

function assignPhoneNumbers(
  findBySynonyms: (synonyms: readonly string[]) => MappableColumn | undefined,
  assign: (column: MappableColumn | undefined, field: string, mappedBy: MappingSource) => void,
): void {
  const generic = findBySynonyms(GENERIC_PHONE_SYNONYMS);
  assign(generic, 'phone', 'synonym');
  assign(generic, 'tel', 'synonym');
  assign(findBySynonyms(LANDLINE_SYNONYMS), 'phone', 'synonym');
  assign(findBySynonyms(LANDLINE_SYNONYMS), 'tel', 'synonym');
}

function applyOverrides(
  columns: readonly MappableColumn[],
  overrides: MappingOverrides,
  result: Map<string, ColumnFieldMapping>,
): string[] {
  const fields: string[] = [];
  for (const [name, rawField] of Object.entries(overrides)) {
    const column =
      columns.find((candidate) => candidate.key === name) ??
      columns.find((candidate) => candidate.header === name.trim());
    if (!column) {
      throw new ImportError(
        'mapping-column-not-found',
        `The mapping names the column "${name}", which the file does not have. ` +
          `Its columns are: ${columns.map((candidate) => candidate.header || candidate.key).join(', ')}.`,
        {
          column: name,
          columns: columns.map((candidate) => candidate.header || candidate.key).join(', '),
        },
      );
    }
    const field = rawField?.trim() || null;
    if (field) {
      for (const [key, mapping] of result) {
        if (mapping.field === field) result.set(key, { field: null, mappedBy: null });
      }
      fields.push(field);
    }
    result.set(column.key, { field, mappedBy: 'caller' });
  }
  return fields;
}

/** True for the names of `STANDARD_FIELDS`. */
export function isStandardField(field: string): field is StandardField {
  return (STANDARD_FIELDS as readonly string[]).includes(field);
}
