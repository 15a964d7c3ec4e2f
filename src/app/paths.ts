/** URLs of the app's screens, so that links are built in one place. */
export const paths = {
  flows: () => '/flows',
  flowEditor: (flowId: string) => `/flows/${encodeURIComponent(flowId)}`,
  versions: (flowId: string) => `/flows/${encodeURIComponent(flowId)}/versions`,
  version: (flowId: string, versionId: string) =>
    `/flows/${encodeURIComponent(flowId)}/versions/${encodeURIComponent(versionId)}`,
  compareVersions: (flowId: string, from?: string, to?: string) => {
    const query = new URLSearchParams();
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    const search = query.toString();
    return `/flows/${encodeURIComponent(flowId)}/compare${search ? `?${search}` : ''}`;
  },
  simulate: (flowId: string) => `/flows/${encodeURIComponent(flowId)}/simulate`,
  templates: () => '/templates',
  data: () => '/data',
  dataset: (datasetId: string) => `/data/${encodeURIComponent(datasetId)}`,
  team: () => '/team',
  backup: () => '/backup',
  targets: () => '/targets',
  dashboard: () => '/dashboard',
  settings: () => '/settings',
  /** The user guide, in the UI language when `language` is not given. */
  guide: (language?: string) => (language ? `/guide/${encodeURIComponent(language)}` : '/guide'),
};
