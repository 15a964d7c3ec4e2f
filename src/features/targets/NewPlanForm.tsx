import { Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import {
  memo,
  startTransition,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { isNameTooLong, MAX_NAME_LENGTH, nameLength } from '../../app/forms/name-limits';
import { writeSessionDraft } from '../../app/forms/session-draft';
import { checkNumber, describeNumberProblem, type NumberRules } from '../../app/forms/number-check';
import type { DatasetRecord } from '../../storage/records';
import { useDeferredMount } from '../../app/useDeferredMount';
import { useWorkspaceTimeZone } from '../settings/workspace-settings';
import { createId } from '../../storage/ids';
import { dateInTimeZone } from './civil-date';
import { NEW_PLAN_DRAFT_KEY, readNewPlanDraft, type NewPlanDraft } from './new-plan-draft';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR, withSplitNotes } from './plan-build';
import { PeoplePicker } from './PeoplePicker';
import { PlanFormFooter } from './PlanFormFooter';
import { PlanTotalField, TOTAL_RULES } from './PlanTotalField';
import { SplitMethodFields } from './SplitMethodFields';
import { initialSplitForm, readingNotes, resolveSplits, type SplitFormState } from './split-form';
import { ExistingPlanNotice } from './ExistingPlanNotice';
import { describePeopleCount, describeTargetProblem } from './target-messages';
import type { PlanPerson, TargetPlan, TargetUnit } from './target-plan.types';
import { useAmountFormat } from './useAmountFormat';
import { getPlanEditClient } from './worker/plan-edit.client';

const YEAR_RULES: NumberRules = {
  min: MIN_PLAN_YEAR,
  max: MAX_PLAN_YEAR,
  integer: true,
  required: true,
};

export interface NewPlanFormProps {
  people: readonly PlanPerson[];
  datasets: readonly DatasetRecord[];
  /** Stored plans, to tell when the year already has one. */
  plans: readonly TargetPlan[];
  onCancel: () => void;
  /** Called with the new plan, its split notes included; the caller saves it. */
  onCreate: (plan: TargetPlan) => Promise<void>;
  onOpenPlan: (planId: string) => void;
}

/**
 * Form for a new plan: year, name, unit, total, the splits and the reps to
 * include. It mounts with the dialog and starts empty each time, unless a
 * session draft from before a reload is stored: then it starts from that.
 * Its values are written to that draft on every change.
 *
 * The dialog's open and close transitions render the modal synchronously in
 * an animation frame, so the form renders again only when its own props or
 * state change, and its split fields and rep list mount after the first frame.
 */
export const NewPlanForm = memo(function NewPlanForm({
  people,
  datasets,
  plans,
  onCancel,
  onCreate,
  onOpenPlan,
}: NewPlanFormProps) {
  const { t, i18n } = useTranslation('targets');
  const timeZone = useWorkspaceTimeZone();
  const defaultYear = Number(dateInTimeZone(Date.now(), timeZone).slice(0, 4)) + 1;
  const [saved] = useState(readNewPlanDraft);
  const [yearText, setYearText] = useState<number | string>(saved?.yearText ?? defaultYear);
  const [name, setName] = useState(saved?.name ?? '');
  const [unit, setUnit] = useState<TargetUnit>(saved?.unit ?? 'yuan');
  // The total field keeps its own text, so typing renders that field alone. The form's copy
  // follows in a transition, which renders the split fields after the keystroke and yields to
  // the next one. Submit reads the ref, which is current even while that transition waits.
  const [totalText, setTotalText] = useState<number | string>(saved?.totalText ?? 0);
  const totalTextRef = useRef<number | string>(saved?.totalText ?? 0);
  const changeTotalText = useCallback((text: number | string) => {
    totalTextRef.current = text;
    startTransition(() => setTotalText(text));
  }, []);
  const [splits, setSplits] = useState<SplitFormState>(
    () => saved?.splits ?? initialSplitForm(defaultYear),
  );
  const [excluded, setExcluded] = useState<Set<string>>(() => new Set(saved?.excluded));
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formatAmount = useAmountFormat(unit);
  const restMounted = useDeferredMount();
  const yearCheck = checkNumber(yearText, YEAR_RULES);
  const year = yearCheck.ok && yearCheck.value !== null ? yearCheck.value : defaultYear;
  const shownTotalCheck = checkNumber(totalText, TOTAL_RULES);
  const shownTotal =
    shownTotalCheck.ok && shownTotalCheck.value !== null ? shownTotalCheck.value : 0;

  const included = useMemo(
    () => people.filter((person) => !excluded.has(person.id)),
    [people, excluded],
  );
  const togglePerson = useCallback((personId: string, include: boolean) => {
    setExcluded((current) => {
      const next = new Set(current);
      if (include) next.delete(personId);
      else next.add(personId);
      return next;
    });
  }, []);

  useEffect(() => {
    const draft: NewPlanDraft = {
      yearText,
      name,
      unit,
      totalText,
      splits,
      excluded: [...excluded],
    };
    writeSessionDraft(NEW_PLAN_DRAFT_KEY, draft);
  }, [yearText, name, unit, totalText, splits, excluded]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Every field that rejects its value marks itself aria-invalid and shows why.
    const invalidField = event.currentTarget.querySelector<HTMLElement>('[aria-invalid="true"]');
    const totalCheck = checkNumber(totalTextRef.current, TOTAL_RULES);
    if (!yearCheck.ok || !totalCheck.ok || invalidField) {
      invalidField?.focus();
      return;
    }
    const total = totalCheck.value ?? 0;
    setBusy(true);
    try {
      const resolved = await resolveSplits(splits, {
        year,
        people: included,
        datasets,
        ...(timeZone ? { timeZone } : {}),
      });
      if (!resolved.ok) {
        setErrors([t(resolved.errorKey)]);
        return;
      }

      const result = await getPlanEditClient().createPlan({
        id: createId('plan'),
        name: name.trim() || t('form.defaultName', { year }),
        year,
        unit,
        total,
        timeSplit: resolved.timeSplit,
        peopleSplit: resolved.peopleSplit,
        people: included,
        now: Date.now(),
      });
      if (!result.ok) {
        setErrors(
          result.problems.map((problem) =>
            describeTargetProblem(t, problem, { teams: [], people: included }, formatAmount),
          ),
        );
        return;
      }

      await onCreate(withSplitNotes(result.value, [...result.notices, ...readingNotes(resolved)]));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Group grow align="flex-start">
          <NumberInput
            label={t('form.year')}
            value={yearText}
            allowDecimal={false}
            clampBehavior="none"
            onChange={setYearText}
            error={
              yearCheck.ok
                ? undefined
                : describeNumberProblem(t, yearCheck.problem, i18n.language, false)
            }
            required
          />
          <TextInput
            label={t('form.name')}
            placeholder={t('form.defaultName', { year })}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={
              isNameTooLong(name.trim())
                ? t('common:nameDialog.tooLong', {
                    count: nameLength(name.trim()),
                    max: MAX_NAME_LENGTH,
                  })
                : undefined
            }
          />
        </Group>
        {yearCheck.ok && <ExistingPlanNotice year={year} plans={plans} onOpen={onOpenPlan} />}
        <Group grow align="flex-end">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('form.unit')}
            </Text>
            <SegmentedControl
              value={unit}
              onChange={(next) => setUnit(next as TargetUnit)}
              data={[
                { value: 'yuan', label: t('units.yuan') },
                { value: 'count', label: t('units.count') },
              ]}
            />
          </Stack>
          <PlanTotalField
            unit={unit}
            initialText={saved?.totalText ?? 0}
            onTextChange={changeTotalText}
          />
        </Group>

        {restMounted && (
          <>
            <SplitMethodFields
              value={splits}
              onChange={setSplits}
              datasets={datasets}
              people={included}
              unit={unit}
              total={shownTotal}
            />

            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {describePeopleCount(t, included)}
              </Text>
              {people.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('form.noPeople')}
                </Text>
              ) : (
                <PeoplePicker people={people} excluded={excluded} onToggle={togglePerson} />
              )}
            </Stack>
          </>
        )}

        <PlanFormFooter
          errors={errors}
          errorsTitle={t('form.problemsTitle')}
          submitLabel={t('form.create')}
          busy={busy}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
});
