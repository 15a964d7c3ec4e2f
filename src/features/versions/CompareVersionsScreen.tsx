import type { FlowDocument } from '@sras/engine';
import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ScreenLoading } from '../../app/layout/ScreenLoading';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/useFormat';
import { useStoredFlow } from '../flows/flow-repository';
import { diffFlows } from './flow-diff';
import { FlowBreadcrumbs } from './FlowBreadcrumbs';
import { FlowDiffView } from './FlowDiffView';
import { FlowNotFound } from './FlowNotFound';
import { useVersions } from './version-repository';

/** The value that stands for the flow's current document in the version pickers. */
export const CURRENT_DOCUMENT = 'current';

/** Compares two versions (or a version and the current document) at /flows/:flowId/compare?from=&to=. */
export function CompareVersionsScreen() {
  const { t } = useTranslation('versions');
  const format = useFormat();
  const { flowId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const stored = useStoredFlow(flowId);
  const versions = useVersions(flowId);

  const from = search.get('from') ?? undefined;
  const to = search.get('to') ?? CURRENT_DOCUMENT;

  const options = useMemo(
    () => [
      { value: CURRENT_DOCUMENT, label: t('compare.current') },
      ...(versions ?? []).map((version) => ({
        value: version.id,
        label: `${version.name} · ${format.dateTime(version.createdAt)}`,
      })),
    ],
    [versions, t, format],
  );

  if (stored.status === 'loading' || versions === undefined) return <ScreenLoading />;
  if (stored.status === 'missing') return <FlowNotFound what="flow" />;

  const documentFor = (id: string | undefined): FlowDocument | undefined => {
    if (id === CURRENT_DOCUMENT) return stored.flow.document;
    return versions.find((version) => version.id === id)?.document;
  };
  const before = documentFor(from);
  const after = documentFor(to);

  const choose = (key: 'from' | 'to', value: string | null) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  return (
    <Stack maw={1200} mx="auto">
      <FlowBreadcrumbs
        flowId={flowId}
        flowName={stored.flow.name}
        trail={[{ label: t('title'), to: paths.versions(flowId) }, { label: t('compare.title') }]}
      />
      <Title order={2}>{t('compare.title')}</Title>
      <Group grow align="flex-end">
        <Select
          label={t('compare.from')}
          data={options}
          value={from ?? null}
          onChange={(value) => choose('from', value)}
          placeholder={t('compare.choose')}
          allowDeselect={false}
        />
        <Select
          label={t('compare.to')}
          data={options}
          value={to}
          onChange={(value) => choose('to', value)}
          allowDeselect={false}
        />
      </Group>
      {before && after ? (
        <FlowDiffView diff={diffFlows(before, after)} />
      ) : (
        <Text c="dimmed">{t('compare.pickTwo')}</Text>
      )}
    </Stack>
  );
}
