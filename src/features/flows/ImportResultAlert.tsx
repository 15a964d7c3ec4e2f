import { Alert, Anchor, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { formatProblem, type FlowProblem, type MessageLanguage } from '@sras/engine';
import { flowDisplayName } from './flow-display-name';
import type { FlowRepair } from './flow-repair';
import type { FlowImportOutcome } from './useFlowActions';

const LOAD_PROBLEM_CODES = new Set([
  'flow-json-invalid',
  'flow-format-invalid',
  'flow-version-invalid',
  'flow-version-unsupported',
  'flow-migration-missing',
]);

/**
 * Words a problem of a rejected file from the app's texts, never with the
 * parser's English text. A field off the flow schema is worded by the
 * engine's catalogue in `language`, naming the node, the field and the fix.
 */
export function describeImportProblem(
  t: TFunction,
  problem: FlowProblem,
  language: MessageLanguage,
): string {
  const params = problem.params;
  if (problem.code === 'flow-json-invalid') {
    if (params.empty) return t('import.problems.jsonEmpty');
    if (params.atEnd) return t('import.problems.jsonEnd', params);
    if (params.line !== undefined) return t('import.problems.jsonAt', params);
    return t('import.problems.jsonInvalid');
  }
  if (problem.code === 'flow-format-invalid') {
    if (params.missing) return t('import.problems.formatMissing');
    if (problem.field === undefined) return t('import.problems.notObject');
  }
  if (problem.field === 'name' && params.nameTooLong !== undefined) {
    return t('import.problems.nameTooLong', { max: params.nameTooLong });
  }
  if (problem.code === 'schema-invalid') {
    const message = formatProblem(problem, language);
    return t('import.problems.schemaAt', { message, path: problem.field ?? '/' });
  }
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
  const { t, i18n } = useTranslation('flows');
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';

  if (outcome.status === 'rejected') {
    const reasons = outcome.result.problems
      .slice(0, 10)
      .map((problem) => describeImportProblem(t, problem, language));
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
  const name = flowDisplayName(outcome.flow.name, t);
  const { errors, warnings } = outcome.problems;
  const clean = repairs.length === 0 && errors + warnings === 0;
  const title =
    repairs.length === 0
      ? t('import.importedTitle', { name })
      : t('import.repairedTitle', { name, count: repairs.length });
  return (
    <Alert
      color={clean ? 'green' : 'yellow'}
      title={title}
      withCloseButton
      onClose={onClose}
      data-testid="import-result"
    >
      {repairs.length > 0 && (
        <List size="sm">
          {repairs.map((repair) => (
            <List.Item key={JSON.stringify(repair)}>{describeRepair(t, repair)}</List.Item>
          ))}
        </List>
      )}
      {errors + warnings > 0 && (
        <Text size="sm" mt={repairs.length > 0 ? 'xs' : 0} data-testid="import-problems">
          {t('import.problemCount', { errors, warnings, count: errors + warnings })}{' '}
          <Anchor component={Link} to={paths.flowEditor(outcome.flow.id)} size="sm">
            {t('import.openFlow')}
          </Anchor>
        </Text>
      )}
    </Alert>
  );
}
