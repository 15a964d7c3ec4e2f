import { memo } from 'react';
import classes from './PeoplePicker.module.css';
import type { PlanPerson } from './target-plan.types';

interface PeoplePickerProps {
  people: readonly PlanPerson[];
  /** Ids of the reps left out of the plan. */
  excluded: ReadonlySet<string>;
  onToggle: (personId: string, included: boolean) => void;
}

/**
 * A checkbox per rep, to leave reps out of a new plan. Native checkboxes keep
 * a team of 500 reps cheap to mount, and the list renders again only when
 * the reps or the choice change, not on every key typed elsewhere in the form.
 */
export const PeoplePicker = memo(function PeoplePicker({
  people,
  excluded,
  onToggle,
}: PeoplePickerProps) {
  return (
    <div className={classes.list}>
      {people.map((person) => (
        <label key={person.id} className={classes.person}>
          <input
            type="checkbox"
            className={classes.checkbox}
            checked={!excluded.has(person.id)}
            onChange={(event) => onToggle(person.id, event.currentTarget.checked)}
          />
          {person.team ? `${person.name} · ${person.team}` : person.name}
        </label>
      ))}
    </div>
  );
});
