import { Alert, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FlowProblem } from '@sras/engine';
import type { FlowRepair } from './flow-repair';
import type { FlowImportOutcome } from './useFlowActions';

const LOAD_PROBLEM_CODES = new Set([
  'flow-json-invalid',
  'flow-format-invalid',
  'flow-version-invalid',
  'flow-version-unsupported',
  'flow-migration-missing',
  'schema-invalid',
]);

function describeProblem(t: TFunction, problem: FlowProblem): string {
  if (LOAD_PROBLEM_CODES.has(problem.code)) {
    return t(`import.problems.${problem.code}`, { ...problem.params, field: problem.field ?? '/' });
  }
  return t('import.problems.other', { code: problem.code, field: problem.field ?? '/' });
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
    const reasons = outcome.result.problems
      .slice(0, 10)
      .map((problem) => describeProblem(t, problem));
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
