import type { Evidence } from '@/lib/match/report';

/** A CV line (or the user's fact) with the skill marked. Text only: React escapes it. */
export function EvidenceText({ evidence }: { evidence: Evidence }) {
  const { text, start, end } = evidence;
  if (end <= start) return <q className="jf-match-evidence">{text}</q>;
  return (
    <q className="jf-match-evidence">
      {text.slice(0, start)}
      <mark>{text.slice(start, end)}</mark>
      {text.slice(end)}
    </q>
  );
}
