import type { ReactNode } from 'react';

export function Card({ title, children, testId }: { title?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="jf-card" data-testid={testId}>
      {title ? <h2>{title}</h2> : null}
      {children}
    </section>
  );
}
