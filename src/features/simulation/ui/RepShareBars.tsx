import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import type { RepShare } from '../engine/run-overview';
import classes from './RepShareBars.module.css';

/**
 * Leads per rep against the share their weights promise, as one pair of
 * bars per rep scaled to the largest count. Plain elements rather than a
 * chart library: it mounts in a few milliseconds when a run finishes.
 */
export function RepShareBars({ reps }: { reps: readonly RepShare[] }) {
  const { t } = useTranslation('simulation');
  const format = useFormat();
  const largest = Math.max(1, ...reps.map((rep) => Math.max(rep.assigned, rep.promised)));
  const width = (count: number) => `${(count / largest) * 100}%`;

  return (
    <Stack gap={6} data-testid="simulation-rep-chart">
      <div className={classes.legend} aria-hidden>
        <span>
          <span className={`${classes.swatch} ${classes.assigned}`} />
          {t('reps.chartAssigned')}
        </span>
        <span>
          <span className={`${classes.swatch} ${classes.promised}`} />
          {t('reps.chartPromised')}
        </span>
      </div>
      <ul className={classes.list}>
        {reps.map((rep) => {
          const label = t('reps.barLabel', {
            rep: rep.name,
            assigned: format.number(rep.assigned),
            promised: format.number(rep.promised, { maximumFractionDigits: 1 }),
          });
          return (
            <li key={rep.repId} className={classes.row} aria-label={label} title={label}>
              <span className={classes.name}>{rep.name}</span>
              <span className={classes.bars} aria-hidden>
                <span className={classes.assigned} style={{ width: width(rep.assigned) }} />
                <span className={classes.promised} style={{ width: width(rep.promised) }} />
              </span>
            </li>
          );
        })}
      </ul>
    </Stack>
  );
}
