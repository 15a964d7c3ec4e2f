import { useEffect, useRef, type ComponentType } from 'react';
import { ActionIcon, Group, ScrollArea, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '@sras/engine';
import { nodeIcon } from '../canvas/node-icons';
import { getNodeTypeSpec } from '../model/node-catalog';
import { useEditorActions, useFieldFocus, useSelectedNodes } from '../store/editor-selectors';
import { AssigneeSettings } from './AssigneeSettings';
import { AssignSettings } from './AssignSettings';
import { BranchSettings } from './BranchSettings';
import { DedupSettings } from './DedupSettings';
import { FilterSettings } from './FilterSettings';
import { PoolSettings } from './PoolSettings';
import { QuotaSettings } from './QuotaSettings';
import { RegionSplitSettings } from './RegionSplitSettings';
import { ScoreSettings } from './ScoreSettings';
import { NodeProblemList } from '../problems/NodeProblemList';

function SourceSettings() {
  const { t } = useTranslation('editor');
  return <Text size="sm">{t('settings.source.body')}</Text>;
}

function UnknownSettings() {
  const { t } = useTranslation('editor');
  return <Text size="sm">{t('settings.unknown.body')}</Text>;
}

const FORMS: Record<string, ComponentType<{ node: FlowNode }>> = {
  source: SourceSettings,
  filter: FilterSettings,
  score: ScoreSettings,
  branch: BranchSettings,
  regionSplit: RegionSplitSettings,
  quota: QuotaSettings,
  dedup: DedupSettings,
  roundRobin: AssigneeSettings,
  leastLoaded: AssigneeSettings,
  assign: AssignSettings,
  pool: PoolSettings,
};

const FOCUSABLE = 'input:not([disabled]), textarea, select, button:not([disabled]), [tabindex]';

/** Focus the element of a field path, or the closest enclosing field the panel shows. */
function focusField(container: HTMLElement, field: string | undefined): void {
  const paths = field ? [field, field.replace(/\[\d+\]\.[^.]+$/, '').replace(/\.[^.[]+$/, '')] : [];
  for (const path of paths) {
    const element = container.querySelector<HTMLElement>(`[data-field-path="${CSS.escape(path)}"]`);
    if (!element) continue;
    const target = element.matches(FOCUSABLE)
      ? element
      : element.querySelector<HTMLElement>(FOCUSABLE);
    (target ?? element).focus();
    (target ?? element).scrollIntoView({ block: 'nearest' });
    return;
  }
  container.querySelector<HTMLElement>(FOCUSABLE)?.focus();
}

/** Side panel with the form of the selected node, applied as the user types. */
export function NodeSettingsPanel() {
  const { t } = useTranslation('editor');
  const selected = useSelectedNodes();
  const { deleteElements } = useEditorActions();
  const fieldFocus = useFieldFocus();
  const body = useRef<HTMLDivElement>(null);
  const node = selected.length === 1 ? selected[0] : undefined;

  useEffect(() => {
    if (!fieldFocus || !body.current || fieldFocus.nodeId !== node?.id) return;
    // Wait a frame so that a newly selected node's form is in the DOM.
    const frame = requestAnimationFrame(
      () => body.current && focusField(body.current, fieldFocus.field),
    );
    return () => cancelAnimationFrame(frame);
  }, [fieldFocus, node?.id]);

  if (!node) {
    return (
      <Text size="sm" c="dimmed" p="md">
        {selected.length > 1
          ? t('settings.multiple', { count: selected.length })
          : t('settings.empty')}
      </Text>
    );
  }

  const spec = getNodeTypeSpec(node.type);
  const Icon = nodeIcon(node.type);
  const Form = FORMS[node.type] ?? UnknownSettings;

  return (
    <Stack
      gap={0}
      h="100%"
      data-testid="node-settings"
      aria-label={t('settings.title')}
      role="region"
    >
      <Group gap="xs" p="sm" wrap="nowrap">
        <ThemeIcon variant="light" color={spec?.color ?? 'gray'} aria-hidden>
          <Icon size={18} />
        </ThemeIcon>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Text fw={700} size="sm">
            {spec ? t(`nodeTypes.${node.type}.name`) : t('nodeTypes.unknown.name')}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {spec ? t(`nodeTypes.${node.type}.description`) : t('settings.nodeId', { id: node.id })}
          </Text>
        </div>
        <Tooltip label={t('settings.deleteNode')}>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('settings.deleteNode')}
            onClick={() => deleteElements({ nodeIds: [node.id] })}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <ScrollArea style={{ flex: 1 }} px="sm" pb="sm">
        <Stack gap="sm" ref={body} pb="md">
          <NodeProblemList nodeId={node.id} />
          <Form key={node.id} node={node} />
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
