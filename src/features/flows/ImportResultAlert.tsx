import { Alert, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FlowFileRejection } from './flow-file';
import type { FlowRepair } from './flow-repair';
import type { FlowImportOutcome } from './useFlowActions';

function describeRejection(t: TFunction, rejection: FlowFileRejection): string[] {
  switch (rejection.code) {
    case 'invalidJson':
      return [t('import.invalidJson', { detail: rejection.detail })];
    case 'notAFlow':
      return [t('import.notAFlow')];
    case 'unsupportedVersion':
      return [t('import.unsupportedVersion', { version: rejection.version })];
    case 'invalidSchema':
      return rejection.issues
        .slice(0, 10)
        .map((issue) =>
          t('import.schemaIssue', { path: issue.path || '/', message: issue.message }),
        );
  }
}

function describeRepair(t: TFunction, repair: FlowRepair): string {
  switch (repair.kind) {
    case 'duplicateNode':
      return t('import.repairs.duplicateNode', { nodeId: repair.nodeId });
    case 'duplicateEdge':
      return t('import.repairs.duplicateEdge', { edgeId: repair.edgeId });
    case 'edgeToMissingNode':
      return t('import.repairs.edgeToMissingNode', {
        edgeId: repair.edgeId,
        nodeId: repair.missingNodeId,
      });
  }
}

interface ImportResultAlertProps {
  outcome: FlowImportOutcome;
  onClose: () => void;
}

/** Says what became of an imported flow file: rejected with the reason, or imported with what was dropped. */
export function ImportResultAlert({ outcome, onClose }: ImportResultAlertProps) {
  const { t } = useTranslation('flows');

  if (outcome.status === 'rejected') {
    const reasons = describeRejection(t, outcome.result.rejection);
    return (
      <Alert
        color="red"
        title={t('import.rejectedTitle', { file: outcome.fileName })}
        withCloseButton
        onClose={onClose}
        data-testid="import-result"
      >
        <Text size="sm" mb="xs">
          {t('import.rejectedBody')}
        </Text>
        <List size="sm">
          {reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      </Alert>
    );
  }

  const { repairs } = outcome.result;
  if (repairs.length === 0) {
    return (
      <Alert
        color="green"
        title={t('import.importedTitle', { name: outcome.flow.name })}
        withCloseButton
        onClose={onClose}
        data-testid="import-result"
      />
    );
  }
  return (
    <Alert
      color="yellow"
      title={t('import.repairedTitle', { name: outcome.flow.name, count: repairs.length })}
      withCloseButton
      onClose={onClose}
      data-testid="import-result"
    >
      <List size="sm">
        {repairs.map((repair) => (
          <List.Item key={JSON.stringify(repair)}>{describeRepair(t, repair)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
