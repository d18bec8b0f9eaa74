import type { ReactNode } from 'react';
import classes from './facts.module.css';

export interface Fact {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** Label/value pairs as a description list: screen readers announce them as pairs. */
export function Facts({ items }: { items: readonly Fact[] }) {
  return (
    <dl className={classes.list}>
      {items.map((item) => (
        <div key={item.label} style={{ display: 'contents' }} data-testid={item.testId}>
          <dt className={classes.term}>{item.label}</dt>
          <dd className={classes.value}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
