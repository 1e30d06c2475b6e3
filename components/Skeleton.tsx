export function Skeleton({ lines = 3, label }: { lines?: number; label: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="jf-skeleton" style={{ width: `${90 - i * 15}%` }} />
      ))}
    </div>
  );
}
