/** The leads-per-rep chart, in a chunk of its own (loaded with React.lazy) so the charts load only here. */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { RepShare } from '../engine/run-overview';

export default function RepShareChart({ reps }: { reps: RepShare[] }) {
  const { t } = useTranslation('simulation');
  const data = reps.map((rep) => ({
    rep: rep.name,
    [t('reps.chartAssigned')]: rep.assigned,
    [t('reps.chartPromised')]: Math.round(rep.promised * 10) / 10,
  }));
  return (
    <BarChart
      h={Math.max(180, reps.length * 36)}
      data={data}
      dataKey="rep"
      orientation="vertical"
      yAxisProps={{ width: 90 }}
      series={[
        { name: t('reps.chartAssigned'), color: 'blue.6' },
        { name: t('reps.chartPromised'), color: 'gray.4' },
      ]}
      withLegend
      data-testid="simulation-rep-chart"
    />
  );
}
