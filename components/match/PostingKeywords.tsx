import type { Importance } from '@/lib/match/report';
import { Card } from '../Card';

/** The posting's keywords before any CV is there to compare: must-haves first. */
export function PostingKeywords({ keywords, labels }: { keywords: { canonical: string; importance: Importance }[]; labels: { title: string; mustHave: string; niceToHave: string; none: string } }) {
  const groups: [string, Importance][] = [
    [labels.mustHave, 'must'],
    [labels.niceToHave, 'nice'],
  ];
  return (
    <Card title={labels.title} testId="posting-keywords">
      {keywords.length === 0 ? <p className="jf-muted">{labels.none}</p> : null}
      {groups.map(([title, importance]) => {
        const list = keywords.filter((k) => k.importance === importance);
        return list.length ? (
          <div key={importance}>
            <h3 className="jf-match-heading">{title}</h3>
            <ul className="jf-chips">
              {list.map((k) => (
                <li className="jf-chip" key={k.canonical}>
                  {k.canonical}
                </li>
              ))}
            </ul>
          </div>
        ) : null;
      })}
    </Card>
  );
}
