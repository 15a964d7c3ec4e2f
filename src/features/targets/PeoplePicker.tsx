import { memo } from 'react';
import { useFrameReveal } from '../data/useFrameReveal';
import classes from './PeoplePicker.module.css';
import type { PlanPerson } from './target-plan.types';

interface PeoplePickerProps {
  people: readonly PlanPerson[];
  /** Ids of the reps left out of the plan. */
  excluded: ReadonlySet<string>;
  onToggle: (personId: string, included: boolean) => void;
}

/** Reps added to the list per animation frame while it mounts. */
const PEOPLE_PER_FRAME = 100;

/**
 * A checkbox per rep, to leave reps out of a new plan. Native checkboxes keep
 * a team of 500 reps cheap to mount, and the list renders again only when
 * the reps or the choice change, not on every key typed elsewhere in the form.
 * The list mounts a hundred reps per frame after the dialog's first, so the
 * dialog opens without waiting for them.
 */
export const PeoplePicker = memo(function PeoplePicker({
  people,
  excluded,
  onToggle,
}: PeoplePickerProps) {
  // The frame that opens the dialog mounts no reps, and each later frame adds a hundred.
  const mountedCount =
    useFrameReveal(people.length + PEOPLE_PER_FRAME, PEOPLE_PER_FRAME) - PEOPLE_PER_FRAME;

  return (
    <div className={classes.list} aria-busy={mountedCount < people.length || undefined}>
      {people.slice(0, mountedCount).map((person) => (
        <PersonCheckbox
          key={person.id}
          person={person}
          included={!excluded.has(person.id)}
          onToggle={onToggle}
        />
      ))}
    </div>
  );
});

/** One rep's checkbox; it renders again only when its own choice changes. */
const PersonCheckbox = memo(function PersonCheckbox({
  person,
  included,
  onToggle,
}: {
  person: PlanPerson;
  included: boolean;
  onToggle: (personId: string, included: boolean) => void;
}) {
  return (
    <label className={classes.person}>
      <input
        type="checkbox"
        className={classes.checkbox}
        checked={included}
        onChange={(event) => onToggle(person.id, event.currentTarget.checked)}
      />
      {person.team ? `${person.name} · ${person.team}` : person.name}
    </label>
  );
});
