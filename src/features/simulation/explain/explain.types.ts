/** Looks up a text of the `simulation` namespace (or `ns:key`) with parameters, as i18next's `t` does. */
export type Translate = (key: string, params?: Record<string, unknown>) => string;
