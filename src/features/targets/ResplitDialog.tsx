import { Modal, Stack, Text } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../../storage/records';
import { useWorkspaceTimeZone } from '../settings/workspace-settings';
import { PlanFormFooter } from './PlanFormFooter';
import { planTotal } from './plan-grid';
import { SplitMethodFields } from './SplitMethodFields';
import {
  choiceFromSource,
  initialSplitForm,
  readingNotes,
  resolveSplits,
  type SplitFormState,
} from './split-form';
import type { PeopleSplit, SplitReadingNote, TargetPlan, TimeSplit } from './target-plan.types';

interface ResplitDialogProps {
  opened: boolean;
  plan: TargetPlan;
  datasets: readonly DatasetRecord[];
  onClose: () => void;
  /**
   * Splits the plan again and keeps `notes`, the dataset rows the new splits
   * left out, with it. Resolves with the problems that stopped it, or none.
   */
  onApply: (splits: {
    timeSplit: TimeSplit;
    peopleSplit: PeopleSplit;
    notes: SplitReadingNote[];
  }) => Promise<string[]>;
}

/** Returns the form as the plan was last split: methods, weights, amounts and the datasets read. */
export function formFromPlan(
  plan: TargetPlan,
  datasets: readonly Pick<DatasetRecord, 'id'>[],
): SplitFormState {
  const form = initialSplitForm(plan.year);
  const { timeSplit, peopleSplit } = plan;
  form.time = timeSplit.method;
  if (timeSplit.method === 'seasonal') form.monthWeights = [...timeSplit.monthWeights];
  if (timeSplit.method === 'lastYear')
    form.actuals = choiceFromSource(timeSplit.source, plan.year, datasets);

  form.people = peopleSplit.method;
  if (peopleSplit.method === 'manual') form.manualAmounts = { ...peopleSplit.amounts };
  if (peopleSplit.method === 'lastPeriod')
    form.results = choiceFromSource(peopleSplit.source, plan.year, datasets);
  return form;
}

/** Re-splits a draft with other methods, keeping its total and locked cells. */
export function ResplitDialog({ opened, plan, datasets, onClose, onApply }: ResplitDialogProps) {
  const { t } = useTranslation('targets');
  const timeZone = useWorkspaceTimeZone();
  const [splits, setSplits] = useState<SplitFormState>(() => formFromPlan(plan, datasets));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // A dataset imported while the dialog is open does not reset what the user chose.
  const datasetsRef = useRef(datasets);
  useLayoutEffect(() => {
    datasetsRef.current = datasets;
  });

  useEffect(() => {
    if (!opened) return;
    setSplits(formFromPlan(plan, datasetsRef.current));
    setErrors([]);
  }, [opened, plan]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const resolved = await resolveSplits(splits, {
        year: plan.year,
        people: plan.people,
        datasets,
        ...(timeZone ? { timeZone } : {}),
      });
      if (!resolved.ok) {
        setErrors([t(resolved.errorKey)]);
        return;
      }
      const problems = await onApply({
        timeSplit: resolved.timeSplit,
        peopleSplit: resolved.peopleSplit,
        notes: readingNotes(resolved),
      });
      setErrors(problems);
      if (problems.length > 0) return;
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('resplit.title')} size="xl">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('resplit.help')}
          </Text>
          <SplitMethodFields
            value={splits}
            onChange={setSplits}
            datasets={datasets}
            people={plan.people}
            unit={plan.unit}
            total={planTotal(plan)}
          />
          <PlanFormFooter
            errors={errors}
            errorsTitle={t('resplit.problemsTitle')}
            submitLabel={t('resplit.apply')}
            busy={busy}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
