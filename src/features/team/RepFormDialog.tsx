import {
  ActionIcon,
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_NAME_LENGTH } from '../../app/forms/name-limits';
import { useDialogDraft } from '../../app/forms/session-draft';
import { namesakes, validateDraft, type RepDraft } from './rep-draft';

interface RepFormDialogProps {
  /** The rep being edited or created; closed while undefined. */
  draft: RepDraft | undefined;
  mode: 'create' | 'edit';
  teamNames: string[];
  /** Ids of the other reps, which a new rep may not take. */
  takenIds: ReadonlySet<string>;
  /** The other reps, for the warning about a name another rep already has. */
  otherReps: readonly { id: string; name: string }[];
  onSubmit: (draft: RepDraft) => void;
  onClose: () => void;
  /** Keeps the typed values in the tab's session under this key, so a reload restores them. */
  draftKey?: string;
}

/** Adds or edits a rep: name, id, team, weight, capacities, open leads, leave and employment dates. */
export function RepFormDialog({
  draft,
  mode,
  teamNames,
  takenIds,
  otherReps,
  onSubmit,
  onClose,
  draftKey,
}: RepFormDialogProps) {
  const { t } = useTranslation('team');
  const [values, setValues] = useDialogDraft(draftKey, draft);
  const [submitted, setSubmitted] = useState(false);

  useEffect(() => setSubmitted(false), [draft]);

  const errors = useMemo(() => (values ? validateDraft(values, takenIds) : {}), [values, takenIds]);
  const sameName = useMemo(
    () => (values ? namesakes(values.name, otherReps) : []),
    [values, otherReps],
  );
  const shown = (field: string) =>
    submitted && errors[field] ? t(errors[field] as string, { max: MAX_NAME_LENGTH }) : undefined;
  if (!values) return <Modal opened={false} onClose={onClose} />;

  const set = <K extends keyof RepDraft>(field: K, value: RepDraft[K]) =>
    setValues((current) => (current ? { ...current, [field]: value } : current));
  const numberOrNull = (value: string | number) => (value === '' ? null : Number(value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length === 0) onSubmit(values);
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={mode === 'create' ? t('form.createTitle') : t('form.editTitle', { name: draft?.name })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput
              label={t('form.name')}
              value={values.name}
              onChange={(event) => set('name', event.currentTarget.value)}
              error={shown('name')}
              required
              data-autofocus
            />
            <TextInput
              label={t('form.id')}
              description={mode === 'edit' ? t('form.idFixed') : t('form.idHint')}
              value={values.id}
              onChange={(event) => set('id', event.currentTarget.value)}
              error={shown('id')}
              disabled={mode === 'edit'}
              required
            />
            <Autocomplete
              label={t('form.team')}
              description={t('form.teamHint')}
              data={teamNames}
              value={values.team}
              onChange={(value) => set('team', value)}
            />
            <NumberInput
              label={t('form.weight')}
              description={t('form.weightHint')}
              value={values.weight ?? ''}
              onChange={(value) => set('weight', numberOrNull(value))}
              clampBehavior="none"
              decimalScale={2}
              error={shown('weight')}
            />
          </SimpleGrid>
          {sameName.length > 0 && (
            <Alert color="yellow" data-testid="rep-name-shared">
              {t('form.nameShared', {
                count: sameName.length,
                reps: sameName
                  .map((rep) => t('form.repWithId', { name: rep.name, id: rep.id }))
                  .join(t('listSeparator')),
              })}
            </Alert>
          )}
          <Switch
            label={t('form.active')}
            description={t('form.activeHint')}
            checked={values.active}
            onChange={(event) => set('active', event.currentTarget.checked)}
          />

          <Stack gap={4}>
            <Title order={4} size="h6">
              {t('form.capacity')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('form.capacityHint')}
            </Text>
            <SimpleGrid cols={4}>
              {(['capacityDay', 'capacityWeek', 'capacityMonth'] as const).map((field) => (
                <NumberInput
                  key={field}
                  label={t(`form.${field}`)}
                  placeholder={t('form.unlimited')}
                  value={values[field] ?? ''}
                  onChange={(value) => set(field, numberOrNull(value))}
                  clampBehavior="none"
                  allowDecimal={false}
                  error={shown(field)}
                />
              ))}
              <NumberInput
                label={t('form.openLeads')}
                value={values.openLeads ?? ''}
                onChange={(value) => set('openLeads', numberOrNull(value))}
                clampBehavior="none"
                allowDecimal={false}
                error={shown('openLeads')}
              />
            </SimpleGrid>
          </Stack>

          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('form.employmentStart')}
              value={values.employmentStart}
              onChange={(event) => set('employmentStart', event.currentTarget.value)}
              error={shown('employmentStart')}
            />
            <TextInput
              type="date"
              label={t('form.employmentEnd')}
              value={values.employmentEnd}
              onChange={(event) => set('employmentEnd', event.currentTarget.value)}
              error={shown('employmentEnd')}
            />
          </SimpleGrid>

          <Stack gap={4}>
            <Group justify="space-between">
              <Title order={4} size="h6">
                {t('form.leave')}
              </Title>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} />}
                onClick={() => set('unavailable', [...values.unavailable, { from: '', to: '' }])}
              >
                {t('form.addLeave')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('form.leaveHint')}
            </Text>
            {values.unavailable.map((range, index) => (
              <Group key={index} align="flex-start" wrap="nowrap">
                <TextInput
                  type="date"
                  aria-label={t('form.leaveFrom', { number: index + 1 })}
                  value={range.from}
                  onChange={(event) => {
                    const from = event.currentTarget.value;
                    set(
                      'unavailable',
                      values.unavailable.map((entry, position) =>
                        position === index ? { from, to: entry.to || from } : entry,
                      ),
                    );
                  }}
                  error={shown(`unavailable.${index}`)}
                  flex={1}
                />
                <Text pt={6}>~</Text>
                <TextInput
                  type="date"
                  aria-label={t('form.leaveTo', { number: index + 1 })}
                  value={range.to}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    set(
                      'unavailable',
                      values.unavailable.map((entry, position) =>
                        position === index ? { ...entry, to } : entry,
                      ),
                    );
                  }}
                  flex={1}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={4}
                  aria-label={t('form.removeLeave', { number: index + 1 })}
                  onClick={() =>
                    set(
                      'unavailable',
                      values.unavailable.filter((_entry, position) => position !== index),
                    )
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>

          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit">
              {mode === 'create' ? t('form.create') : t('common:actions.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
