import { describe, expect, it } from 'vitest';
import { handMadeCv, handMadeFacts, lineId } from '../ai/fixtures/hand-made';
import { checkCoverLetter } from '../ai/post-check';
import { answerGuided, skipGuided, startGuided } from '../ai/guided';
import type { TailoredCv } from '../ai/schemas';
import { mergeTailoredCv, reviewTailoredCv } from '../ai/tailored';
import type { CvFact } from '../cv/facts';
import { aiFactsOf, cvFactOfAnswer, diffRows, letterDraft, letterParagraphs, readGuided, reviewCounts, statusAfterTailoring, storedGuided, toggleApproval } from './ai-review';

const master = handMadeCv();
const L = (prefix: string) => lineId(master, prefix);

const tailored: TailoredCv = {
  lines: [
    { section: 'experience', kind: 'header', text: 'Senior Software Engineer, Northwind Logistics, Berlin', sources: [L('Senior Software Engineer')] },
    { section: 'experience', kind: 'bullet', text: 'Designed a Kafka event pipeline processing 2 million events per day.', sources: [L('Designed an event')] },
    // Planted: an employer the cited line does not name.
    { section: 'experience', kind: 'bullet', text: 'Led a team of 5 engineers at Initech.', sources: [L('Led a team')] },
    { section: 'experience', kind: 'bullet', text: 'Provisioned AWS staging environments with Terraform modules.', sources: ['f1'] },
  ],
  omitted: [],
};

describe('the tailoring diff rows', () => {
  it('tells a line from the facts apart from one that cites nothing real', async () => {
    const lines: TailoredCv['lines'] = [
      { section: 'experience', kind: 'bullet', text: handMadeFacts[0]!.text, sources: [handMadeFacts[0]!.id] },
      { section: 'experience', kind: 'bullet', text: 'Shipped the mobile app.', sources: ['l999'] },
      { section: 'experience', kind: 'bullet', text: 'Shipped the web app.', sources: [] },
    ];
    const review = await reviewTailoredCv({ master, tailored: { lines, omitted: [] }, facts: handMadeFacts });
    expect(diffRows(review, new Set()).slice(0, 3).map((r) => [r.kind, r.blocked])).toEqual([
      ['added', false],
      ['unsourced', true],
      ['unsourced', true],
    ]);
  });

  it('shows kept, changed (word diff), added and removed lines, the planted line blocked until approved', async () => {
    const review = await reviewTailoredCv({ master, tailored, facts: handMadeFacts });
    const rows = diffRows(review, new Set());
    expect(rows.slice(0, 4).map((r) => r.kind)).toEqual(['same', 'changed', 'changed', 'added']);
    expect(rows.slice(4).every((r) => r.kind === 'removed')).toBe(true);
    expect(rows.some((r) => r.kind === 'removed' && r.text.startsWith('Cut p95'))).toBe(true);
    expect(rows[1]!.parts!.filter((p) => p.kind === 'added').map((p) => p.value.trim())).toContain('a Kafka');
    expect(rows[2]).toMatchObject({ blocked: true, approved: false });
    expect(rows[2]!.flags.map((f) => f.reason)).toContain('new_employer');
    expect(rows.filter((r) => r.blocked)).toHaveLength(1);
    expect(reviewCounts(rows)).toMatchObject({ kept: 3, blocked: 1, approved: 0 });

    const approved = toggleApproval(new Set(), 2, true);
    const after = diffRows(review, approved);
    expect(after[2]).toMatchObject({ blocked: false, approved: true });
    expect(reviewCounts(after)).toMatchObject({ kept: 4, blocked: 0, approved: 1 });
    expect([...toggleApproval(approved, 2, false)]).toEqual([]);
  });

  it('what is saved follows the approvals: the unapproved fabrication is left out, an approved one kept', async () => {
    const review = await reviewTailoredCv({ master, tailored, facts: handMadeFacts });
    expect(mergeTailoredCv(master, review, new Set()).text).not.toContain('Initech');
    expect(mergeTailoredCv(master, review, toggleApproval(new Set(), 2, true)).text).toContain('Initech');
  });
});

describe('the cover letter draft', () => {
  it('holds the unflagged and approved paragraphs, and an edited body splits back into paragraphs', async () => {
    const letter = {
      paragraphs: [
        { text: 'I designed an event pipeline in Kafka that processes 2 million events per day.', sources: [L('Designed an event')] },
        { text: 'I also ran the Berlin office of Hooli for three years.', sources: [L('Led a team')] },
      ],
    };
    const checked = await checkCoverLetter(letter, { lines: master.source.lines, facts: handMadeFacts, posting: { title: 'Engineer', company: 'Acme' } });
    expect(checked[0]!.flags).toEqual([]);
    expect(checked[1]!.flags.length).toBeGreaterThan(0);
    expect(letterDraft(checked, new Set())).toBe(letter.paragraphs[0]!.text);
    expect(letterDraft(checked, new Set([1]))).toBe(`${letter.paragraphs[0]!.text}\n\n${letter.paragraphs[1]!.text}`);
    expect(letterParagraphs('One\nline.\n\n\n  Two.  \n \nThree.')).toEqual(['One line.', 'Two.', 'Three.']);
  });
});

describe('facts for prompts and guided answers', () => {
  const stored: CvFact[] = [
    { id: 'b', skill: 'Rust', text: 'Wrote Rust tooling for CI', source: 'user', createdAt: 20 },
    { id: 'a', skill: 'Kafka', text: 'Ran Kafka in production', source: 'user', createdAt: 10 },
  ];

  it('numbers stored facts in the order they were written, and a guided answer gets the next id', () => {
    const facts = aiFactsOf(stored);
    expect(facts).toEqual([
      { id: 'f1', text: 'Ran Kafka in production', skill: 'Kafka' },
      { id: 'f2', text: 'Wrote Rust tooling for CI', skill: 'Rust' },
    ]);
    let session = startGuided(
      [
        { gap: 'Terraform', question: 'Where did you use Terraform?', skill: 'Terraform' },
        { gap: 'On-call', question: 'Have you been on call?', skill: null },
        { gap: 'GraphQL', question: 'GraphQL?', skill: 'GraphQL' },
      ],
      facts,
    );
    session = answerGuided(session, 'Wrote Terraform modules for staging at Northwind');
    session = skipGuided(session);
    session = answerGuided(session, 'Built a GraphQL gateway for the mobile app');
    const saved = session.facts.slice(2).map((f, i) => cvFactOfAnswer(f, session.questions[i === 0 ? 0 : 2]!.gap, 30 + i, `n${i}`));
    expect(saved.map((f) => f.skill)).toEqual(['Terraform', 'GraphQL']);
    // Stored and read back, the answers keep the ids the session gave them.
    expect(aiFactsOf([...stored, ...saved]).map((f) => f.id)).toEqual(session.facts.map((f) => f.id));
    expect(cvFactOfAnswer({ id: 'f9', text: ' Yes, every other week. ' }, 'On-call', 1, 'x')).toEqual({ id: 'x', skill: 'On-call', text: 'Yes, every other week.', source: 'user', createdAt: 1 });
  });

  it('a saved tailored CV moves a job to "CV tailored" only from Saved or Interested', () => {
    expect(statusAfterTailoring('saved')).toBe('cv_tailored');
    expect(statusAfterTailoring('interested')).toBe('cv_tailored');
    expect(statusAfterTailoring('applied')).toBeUndefined();
    expect(statusAfterTailoring('cv_tailored')).toBeUndefined();
  });
});

describe('a guided session kept in storage', () => {
  const questions = [
    { gap: 'Kafka', question: 'Where did you use Kafka?', skill: 'Kafka' },
    { gap: 'Rust', question: 'What did you write in Rust?', skill: null },
  ];
  it('comes back as it was (answered, skipped, current), through JSON', () => {
    const session = skipGuided(answerGuided(startGuided(questions, [{ id: 'f1', text: 'Old fact.' }]), 'Kafka consumers at Globex.'));
    const stored = JSON.parse(JSON.stringify(storedGuided(session))) as unknown;
    expect(readGuided(stored, questions)).toEqual(session);
    const midway = answerGuided(startGuided(questions), 'Kafka consumers at Globex.');
    expect(readGuided(JSON.parse(JSON.stringify(storedGuided(midway))), questions)).toEqual(midway);
  });
  it('is ignored when it is about other questions or malformed', () => {
    const session = storedGuided(startGuided(questions));
    expect(readGuided(session, [questions[0]!])).toBeUndefined();
    expect(readGuided({ ...(session as object), current: -1 }, questions)).toBeUndefined();
    expect(readGuided('nonsense', questions)).toBeUndefined();
    expect(readGuided(undefined, questions)).toBeUndefined();
  });
});
