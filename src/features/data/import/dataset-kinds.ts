/**
 * What each kind of dataset needs from the column mapping.
 *
 * - `leads`: nothing; the importer warns when no phone or e-mail column is
 *   mapped, because dedup then has nothing to compare.
 * - `owners` (existing customers with their owner, used by the dedup node):
 *   an owner column and at least one of phone, e-mail or company, the keys
 *   dedup compares. The owner column is stored as `owner_id`, the field the
 *   allocation engine reads from an existing-owners list.
 * - `deals` (read by the dashboard): owner and amount, and a won flag,
 *   status or stage to tell won deals; a close date is recommended.
 *
 * A new file's kind is guessed from its mapped fields (`guessKind`) until
 * the user picks one.
 */
import type { DatasetKind } from '../../../storage/records';
import type { WizardColumnType } from './import-worker.protocol';

/** A requirement on the mapping: one field, or any one of several. */
export interface FieldRequirement {
  fields: string[];
  /** `required` blocks saving; `recommended` is only shown. */
  level: 'required' | 'recommended';
}

/** The requirements of a kind with which of them the mapping misses. */
export interface KindCheck {
  kind: DatasetKind;
  missing: FieldRequirement[];
  /** False when a required field is missing, so the dataset cannot be saved as this kind. */
  ok: boolean;
}

export const DATASET_KINDS: readonly DatasetKind[] = ['leads', 'owners', 'deals'];

const REQUIREMENTS: Readonly<Record<DatasetKind, readonly FieldRequirement[]>> = {
  leads: [],
  owners: [
    { fields: ['owner'], level: 'required' },
    { fields: ['phone', 'email', 'company'], level: 'required' },
  ],
  deals: [
    { fields: ['owner'], level: 'required' },
    { fields: ['amount'], level: 'required' },
    { fields: ['wonFlag', 'status', 'stage'], level: 'required' },
    { fields: ['closedAt'], level: 'recommended' },
  ],
};

/** Types a kind gives its mapped fields unless the user chose another. */
const DEFAULT_TYPES: Readonly<Record<DatasetKind, Readonly<Record<string, WizardColumnType>>>> = {
  leads: {},
  owners: {},
  deals: { amount: 'number', createdAt: 'date', closedAt: 'date', wonFlag: 'boolean' },
};

/** Checks the mapped fields against the requirements of `kind`. */
export function checkKind(kind: DatasetKind, mappedFields: Iterable<string>): KindCheck {
  const mapped = new Set(mappedFields);
  const missing = REQUIREMENTS[kind].filter(
    (requirement) => !requirement.fields.some((field) => mapped.has(field)),
  );
  return { kind, missing, ok: missing.every((requirement) => requirement.level !== 'required') };
}

/**
 * Mapped fields that mark a table of deals: an amount, a sales stage, a
 * close date and a won flag describe an outcome, which a lead list lacks.
 */
export const DEAL_SIGNAL_FIELDS: readonly string[] = ['amount', 'stage', 'closedAt', 'wonFlag'];

/**
 * Mapped fields that mark a table of leads: how to reach a person, where
 * they came from and who they are. Company, name, owner, status and the
 * creation date occur in both kinds and count for neither.
 */
export const LEAD_SIGNAL_FIELDS: readonly string[] = [
  'phone',
  'tel',
  'email',
  'wechat',
  'qq',
  'source',
  'country',
  'province',
  'city',
  'district',
  'address',
  'postalCode',
  'title',
  'gender',
  'industry',
  'website',
];

/** Deal fields a table needs at least, so that one money or date column alone never makes deals. */
const MIN_DEAL_SIGNALS = 2;

/** The kind guessed from a column mapping, with the mapped fields that counted for each kind. */
export interface KindGuess {
  kind: DatasetKind;
  /** Mapped fields of `LEAD_SIGNAL_FIELDS`, in column order. */
  leadFields: string[];
  /** Mapped fields of `DEAL_SIGNAL_FIELDS`, in column order. */
  dealFields: string[];
}

/**
 * Guesses whether a table contains leads or deals from its mapped fields: deals
 * when at least two deal fields are mapped and more of them than lead
 * fields, otherwise leads. Existing-owners lists are never guessed, because
 * their columns (owner, phone, company) are those of a lead list with an
 * owner column, and only the user knows which of the two a file is.
 */
export function guessKind(mappedFields: Iterable<string>): KindGuess {
  const fields = [...new Set(mappedFields)];
  const leadFields = fields.filter((field) => LEAD_SIGNAL_FIELDS.includes(field));
  const dealFields = fields.filter((field) => DEAL_SIGNAL_FIELDS.includes(field));

  const isDeals = dealFields.length >= MIN_DEAL_SIGNALS && dealFields.length > leadFields.length;
  return { kind: isDeals ? 'deals' : 'leads', leadFields, dealFields };
}

/** The type a kind gives a field by default, if any. */
export function defaultTypeOf(
  kind: DatasetKind,
  field: string | null,
): WizardColumnType | undefined {
  return field ? DEFAULT_TYPES[kind][field] : undefined;
}

/**
 * Key under which a mapped field is stored in the rows of a dataset of
 * `kind`: the field name, except the owner of an existing-owners list.
 */
export function storedFieldName(kind: DatasetKind, field: string): string {
  return kind === 'owners' && field === 'owner' ? 'owner_id' : field;
}
