import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';

/**
 * Unsaved form input kept in the tab's sessionStorage, so that reloading the
 * page (or the tab after a crash) restores a half-filled dialog. Drafts stay
 * in the tab that typed them and go when it closes. Values must be JSON.
 */
const KEY_PREFIX = 'sras.draft.';

/** Reads the stored draft under `key`; undefined when there is none or it is unreadable. */
export function readSessionDraft<T>(key: string): T | undefined {
  try {
    const text = window.sessionStorage.getItem(KEY_PREFIX + key);
    return text === null ? undefined : (JSON.parse(text) as T);
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key`, or removes the draft when `value` is undefined. */
export function writeSessionDraft(key: string, value: unknown): void {
  try {
    if (value === undefined) window.sessionStorage.removeItem(KEY_PREFIX + key);
    else window.sessionStorage.setItem(KEY_PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage disabled or full: the form works as before, without the draft.
  }
}

/** Removes the draft under `key`, after its form was submitted or cancelled. */
export function discardSessionDraft(key: string): void {
  writeSessionDraft(key, undefined);
}

/**
 * State like `useState`, kept under `key` in sessionStorage after every change
 * and read back on mount. With a null key it is plain state. Setting undefined
 * removes the draft.
 */
export function useSessionDraft<T>(
  key: string | null,
  initial: T,
): [T, Dispatch<SetStateAction<T>>] {
  const [value, setValue] = useState<T>(() => {
    if (key === null) return initial;
    return readSessionDraft<T>(key) ?? initial;
  });

  useEffect(() => {
    if (key !== null) writeSessionDraft(key, value);
  }, [key, value]);

  return [value, setValue];
}

/**
 * Keeps a dialog's form values as a session draft while the dialog is open.
 * `opening` is the dialog's starting values, undefined while it is closed.
 * On opening, a stored draft (from before a reload) wins over `opening`, and
 * closing discards the draft.
 */
export function useDialogDraft<T>(
  key: string | undefined,
  opening: T | undefined,
): [T | undefined, Dispatch<SetStateAction<T | undefined>>] {
  const [value, setValue] = useState<T | undefined>(opening);

  // Restoring reads the stored draft before the write below can replace it.
  useEffect(() => {
    if (opening === undefined) {
      setValue(undefined);
      if (key) discardSessionDraft(key);
      return;
    }
    setValue((key ? readSessionDraft<T>(key) : undefined) ?? opening);
    // The key names one dialog and does not change while it is mounted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opening]);

  useEffect(() => {
    if (key && opening !== undefined && value !== undefined) writeSessionDraft(key, value);
  }, [key, opening, value]);

  return [value, setValue];
}
