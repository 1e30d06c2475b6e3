import { Card } from '../Card';

/** Without a CV: what the match needs, and the way to the CV view. */
export function AddCvCard({ labels }: { labels: { title: string; text: string; action: string } }) {
  return (
    <Card title={labels.title} testId="add-cv">
      <p className="jf-muted">{labels.text}</p>
      <a className="jf-button" href="#/cv">
        {labels.action}
      </a>
    </Card>
  );
}
