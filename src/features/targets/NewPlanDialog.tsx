import { Modal } from '@mantine/core';
import { useCallback, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetRecord } from '../../storage/records';
import { NewPlanForm } from './NewPlanForm';
import type { PlanPerson, TargetPlan } from './target-plan.types';

interface NewPlanDialogProps {
  opened: boolean;
  people: readonly PlanPerson[];
  datasets: readonly DatasetRecord[];
  /** Stored plans, to tell when the year already has one. */
  plans: readonly TargetPlan[];
  onClose: () => void;
  /** Called with the new plan, its split notes included; the caller saves it. */
  onCreate: (plan: TargetPlan) => Promise<void>;
  /** Opens a stored plan instead of creating one. */
  onOpenPlan: (planId: string) => void;
}

/** The new-plan dialog. Its form starts empty each time the dialog opens. */
export function NewPlanDialog({
  opened,
  people,
  datasets,
  plans,
  onClose,
  onCreate,
  onOpenPlan,
}: NewPlanDialogProps) {
  const { t } = useTranslation('targets');
  // The form gets callbacks that stay the same object, so a new render of the
  // screen or a step of the dialog's transition does not render the form again.
  const handlersRef = useRef({ onClose, onCreate, onOpenPlan });
  useLayoutEffect(() => {
    handlersRef.current = { onClose, onCreate, onOpenPlan };
  });
  const openPlan = useCallback((planId: string) => handlersRef.current.onOpenPlan(planId), []);
  const cancel = useCallback(() => handlersRef.current.onClose(), []);
  const create = useCallback((plan: TargetPlan) => handlersRef.current.onCreate(plan), []);

  return (
    <Modal opened={opened} onClose={onClose} title={t('form.title')} size="xl">
      <NewPlanForm
        people={people}
        datasets={datasets}
        plans={plans}
        onCancel={cancel}
        onCreate={create}
        onOpenPlan={openPlan}
      />
    </Modal>
  );
}
