import { describe, expect, it } from 'vitest';
import { importCvText } from '../cv/import/index';
import { handMadeCv, handMadeFacts, lineId } from './fixtures/hand-made';
import type { TailoredCv } from './schemas';
import { mergeTailoredCv, pendingFlags, reviewTailoredCv } from './tailored';

const master = handMadeCv();
const L = (prefix: string) => lineId(master, prefix);

const tailored: TailoredCv = {
  lines: [
    { section: 'summary', kind: 'text', text: 'Backend engineer with 7 years of experience building data-heavy web services in Python and Go.', sources: [L('Backend engineer')] },
    { section: 'experience', kind: 'header', text: 'Senior Software Engineer, Northwind Logistics, Berlin', sources: [L('Senior Software Engineer')] },
    { section: 'experience', kind: 'header', text: 'Mar 2021 – Present', sources: [L('Mar 2021')] },
    { section: 'experience', kind: 'bullet', text: 'Designed a Kafka event pipeline processing 2 million events per day.', sources: [L('Designed an event')] },
    // Planted: a metric from the other job.
    { section: 'experience', kind: 'bullet', text: 'Led a team of 5 engineers and cut cloud costs by $30k per year.', sources: [L('Led a team')] },
    { section: 'experience', kind: 'bullet', text: 'Provisioned AWS staging environments with Terraform modules.', sources: ['f1'] },
    { section: 'skills', kind: 'text', text: 'Kafka, Python, Go, PostgreSQL, Kubernetes, Terraform', sources: [L('Python, Go, Django'), 'f1'] },
  ],
  omitted: [L('Cut p95')],
};

describe('reviewing a tailored CV', () => {
  it('does not list the contact line as left out: the saved CV keeps it', async () => {
    const ana = importCvText(['Ana Example', 'ana@mail.example.dev · +49 151 12345678 · Berlin, Germany', '', 'EXPERIENCE', 'Backend Engineer, Acme — 2021 – Present', '- Wrote the billing API in Go.'].join('\n'), { fileName: 'ana.txt' });
    const id = (text: string) => ana.source.lines.find((l) => l.text.includes(text))!.id;
    const review = await reviewTailoredCv({
      master: ana,
      tailored: { lines: [{ section: 'experience', kind: 'header', text: 'Backend Engineer, Acme — 2021 – Present', sources: [id('Backend')] }], omitted: [] },
    });
    expect(review.removed.map((r) => r.text)).toEqual(['Wrote the billing API in Go.']);
    const merged = mergeTailoredCv(ana, review);
    expect(merged.text).toContain('ana@mail.example.dev · +49 151 12345678 · Berlin, Germany');
    expect(merged.cv.basics.email).toBe('ana@mail.example.dev');
  });

  it('post-checks each line, tells unchanged, changed and added lines apart, and lists what was dropped', async () => {
    const review = await reviewTailoredCv({ master, tailored, facts: handMadeFacts });
    expect(review.lines.map((l) => l.change)).toEqual(['unchanged', 'unchanged', 'unchanged', 'changed', 'changed', 'added', 'changed']);
    expect(review.flagged).toBe(1);
    expect(review.lines[4]!.blocked).toBe(true);
    expect(review.lines[4]!.flags).toContainEqual({ reason: 'new_number', detail: '$30k' });
    expect(review.lines[4]!.flags.map((f) => f.reason)).not.toContain('new_employer');
    expect(review.lines.filter((l) => l.index !== 4).every((l) => !l.blocked)).toBe(true);
    // The word diff of a changed line shows what was added and removed.
    const parts = review.lines[3]!.parts!;
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toContain('a Kafka');
    expect(parts.filter((p) => p.removed).map((p) => p.value.trim()).join(' ')).toMatch(/an/);
    const removed = review.removed.map((r) => r.text);
    expect(removed).toContain('Cut p95 API latency by 40% by introducing Redis caching and query tuning in PostgreSQL.');
    expect(removed).toContain('Jun 2017 – Feb 2021');
    expect(removed).not.toContain('Experience');
    expect(removed.some((t) => t.includes('@'))).toBe(false);
    expect(review.diff.some((c) => c.added && c.value.includes('Provisioned AWS staging'))).toBe(true);
    expect(review.diff.some((c) => c.removed && c.value.includes('Mentored 2 junior developers'))).toBe(true);
    expect(pendingFlags(review, new Set())).toEqual([{ index: 4, flags: review.lines[4]!.flags }]);
    expect(pendingFlags(review, new Set([4]))).toEqual([]);
  });

  it('keeps a flagged line out of the saved CV until the user approves it', async () => {
    const review = await reviewTailoredCv({ master, tailored, facts: handMadeFacts });
    const blocked = mergeTailoredCv(master, review);
    expect(blocked.text).not.toContain('$30k');
    expect(blocked.left.map((l) => l.index)).toEqual([4]);
    expect(blocked.cv.basics).toMatchObject({ name: 'Priya Raman', email: 'priya.raman@example.com' });
    expect(blocked.cv.work).toHaveLength(1);
    expect(blocked.cv.work[0]).toMatchObject({
      name: 'Northwind Logistics',
      position: 'Senior Software Engineer',
      startDate: '2021-03',
      highlights: ['Designed a Kafka event pipeline processing 2 million events per day.', 'Provisioned AWS staging environments with Terraform modules.'],
    });
    expect(blocked.cv.skills.flatMap((s) => s.keywords ?? [])).toEqual(['Kafka', 'Python', 'Go', 'PostgreSQL', 'Kubernetes', 'Terraform']);
    expect(blocked.cv.basics.summary).toMatch(/^Backend engineer with 7 years/);

    const approved = mergeTailoredCv(master, review, new Set([4]));
    expect(approved.left).toEqual([]);
    expect(approved.cv.work[0]!.highlights).toContain('Led a team of 5 engineers and cut cloud costs by $30k per year.');
  });

  it('uses the master’s own section headings', async () => {
    const es = importCvText(['Lucía Pérez', 'lucia@example.es', 'Experiencia', 'Ingeniera de datos, Acme, Madrid', '2019 – 2023', '• Diseñé pipelines en Kafka.', 'Habilidades', 'Kafka, Python'].join('\n'));
    const id = (t: string) => es.source.lines.find((l) => l.text.startsWith(t))!.id;
    const review = await reviewTailoredCv({
      master: es,
      tailored: {
        lines: [
          { section: 'experience', kind: 'header', text: 'Ingeniera de datos, Acme, Madrid', sources: [id('Ingeniera')] },
          { section: 'experience', kind: 'header', text: '2019 – 2023', sources: [id('2019')] },
          { section: 'experience', kind: 'bullet', text: 'Diseñé pipelines de datos en Kafka.', sources: [id('• Diseñé'.slice(2))] },
          { section: 'skills', kind: 'text', text: 'Python, Kafka', sources: [id('Kafka, Python')] },
        ],
        omitted: [],
      },
    });
    expect(review.flagged).toBe(0);
    const merged = mergeTailoredCv(es, review);
    expect(merged.text.split('\n')).toEqual(expect.arrayContaining(['Experiencia', 'Habilidades']));
    expect(merged.cv.work[0]).toMatchObject({ name: 'Acme', position: 'Ingeniera de datos' });
  });
});
