import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AfterFrames, useFrameReveal } from './useFrameReveal';

function Items({ total, step }: { total: number; step: number }) {
  const shown = useFrameReveal(total, step);
  return (
    <ul>
      {Array.from({ length: shown }, (_, index) => (
        <li key={index}>item {index}</li>
      ))}
    </ul>
  );
}

describe('useFrameReveal', () => {
  it('shows the first step at once and the rest a step per frame', async () => {
    render(<Items total={25} step={10} />);

    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    expect(await screen.findByText('item 19')).toBeInTheDocument();
    expect(await screen.findByText('item 24')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(25);
  });

  it('never shows more than the total', () => {
    render(<Items total={3} step={10} />);

    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });
});

describe('AfterFrames', () => {
  it('renders its children only after the given number of frames', async () => {
    render(
      <>
        <AfterFrames frames={0}>
          <p>first</p>
        </AfterFrames>
        <AfterFrames frames={2}>
          <p>third</p>
        </AfterFrames>
      </>,
    );

    expect(screen.getByText('first')).toBeInTheDocument();
    expect(screen.queryByText('third')).not.toBeInTheDocument();
    expect(await screen.findByText('third')).toBeInTheDocument();
  });
});
