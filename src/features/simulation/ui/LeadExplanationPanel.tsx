import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Timeline,
  Title,
} from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument, Rep } from '@sras/engine';
import type { DatasetColumn } from '../../../storage/records';
import { explainLead, type LeadExplanation } from '../explain/explain-lead';
import { getSimulationClient } from '../worker/simulation.client';
import { fieldLabelFromColumns } from './column-headers';
import type { LeadTraceAnswer, Slot } from '../worker/simulation.protocol';

interface LeadExplanationPanelProps {
  slot: Slot;
  position: number;
  document: FlowDocument;
  reps: readonly Rep[];
  columns: readonly DatasetColumn[];
  onClose: () => void;
}

/** Why the selected lead went where it did, step by step, with a copy button. */
export function LeadExplanationPanel({
  slot,
  position,
  document,
  reps,
  columns,
  onClose,
}: LeadExplanationPanelProps) {
  const { t, i18n } = useTranslation('simulation');
  const clipboard = useClipboard({ timeout: 2000 });
  const [trace, setTrace] = useState<LeadTraceAnswer | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    setTrace(null);
    setFailed(false);
    getSimulationClient()
      .explain(slot, position)
      .then((answer) => current && setTrace(answer))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [slot, position]);

  const explanation = useMemo<LeadExplanation | null>(() => {
    if (!trace) return null;
    const names = new Map(reps.map((rep) => [rep.id, rep.name]));
    const fixedT = i18n.getFixedT(i18n.language, 'simulation');
    return explainLead(
      trace.result,
      {
        flow: document,
        lead: trace.lead,
        repName: (repId) => names.get(repId) ?? repId,
        fieldLabel: fieldLabelFromColumns(columns),
      },
      (key, params) => fixedT(key, params ?? {}),
    );
  }, [trace, reps, columns, document, i18n]);

  return (
    <Paper withBorder p="sm" data-testid="lead-explanation">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h5">
            {t('explanation.title')}
            {trace && (
              <Text span c="dimmed" size="sm" ml="xs">
                {t('explanation.lead', { id: String(trace.result.leadId) })}
              </Text>
            )}
          </Title>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              variant="light"
              leftSection={clipboard.copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              disabled={!explanation}
              onClick={() => explanation && clipboard.copy(explanation.text)}
              data-testid="copy-explanation"
            >
              {clipboard.copied ? t('explanation.copied') : t('explanation.copy')}
            </Button>
            <CloseButton aria-label={t('explanation.close')} onClick={onClose} />
          </Group>
        </Group>
        {failed && <Alert color="red">{t('errors.noResult')}</Alert>}
        {!explanation && !failed && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('explanation.loading')}</Text>
          </Group>
        )}
        {explanation && (
          <>
            <Text size="sm" fw={500} data-testid="explanation-text">
              {explanation.text}
            </Text>
            <Timeline bulletSize={14} lineWidth={2} active={explanation.steps.length}>
              {explanation.steps.map((step, index) => (
                <Timeline.Item key={`${step.nodeId}-${index}`}>
                  <Text size="sm">{step.text}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </>
        )}
      </Stack>
    </Paper>
  );
}
