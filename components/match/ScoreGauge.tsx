const R = 34;
const CIRCUMFERENCE = 2 * Math.PI * R;

/** The 0–100 score as a ring; the number is the accessible value. */
export function ScoreGauge({ score, label }: { score: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  const band = value >= 70 ? 'high' : value >= 40 ? 'mid' : 'low';
  return (
    <div className="jf-match-gauge" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={label} data-testid="match-score" data-score={value} data-band={band}>
      <svg viewBox="0 0 80 80" width="80" height="80" aria-hidden="true">
        <circle cx="40" cy="40" r={R} className="jf-match-gauge-track" />
        <circle cx="40" cy="40" r={R} className="jf-match-gauge-value" strokeDasharray={`${(CIRCUMFERENCE * value) / 100} ${CIRCUMFERENCE}`} transform="rotate(-90 40 40)" />
      </svg>
      <span className="jf-match-gauge-number">{value}</span>
    </div>
  );
}
