import { beforeAll, describe, expect, it } from 'vitest';
import { structuredAnswer } from '../../e2e/mock-openrouter/scenarios';
import type { Cv } from '../cv/model';
import { getSkillExtractor, type SkillExtractor } from '../match/extract-skills';
import { fabrications, honest, type FabricationCase } from './fixtures/fabrication-cases';
import { handMadeCv, handMadeFacts, handMadePosting, lineId } from './fixtures/hand-made';
import { useAiService } from './fixtures/service-harness';
import { checkCoverLetter, createPostChecker, type CheckedText } from './post-check';
import { answerToFact, buildCoverLetterPrompt, buildTailoringPrompt, promptCvLines, type AiFact } from './prompts';
import type { CoverLetter, TailoredCv } from './schemas';
import { reviewTailoredCv } from './tailored';

/**
 * The fabrication suite: planted fabrications of every kind must be flagged, honest rephrasings must
 * not. The mock plays the model: it answers with a tailored CV, a guided-question update or a cover
 * letter holding the cases (lib/ai/fixtures/fabrication-cases.ts), which go through the real LLM
 * service (openai SDK, schema validation) and then the panel's own review. As a guided update the
 * cited lines' texts arrive as the user's answers (facts) and the update cites the facts; in a cover
 * letter each case sits in a paragraph that also names the posting's role and company.
 */

const ai = useAiService();
let extractor: SkillExtractor;
let cv: Cv;
let lines: { id: string; text: string }[];

beforeAll(async () => {
  extractor = await getSkillExtractor();
  cv = handMadeCv();
  lines = cv.source.lines.map(({ id, text }) => ({ id, text }));
});

const resolve = (c: FabricationCase) => c.cites.map((p) => (/^(?:f|l)\d+$/.test(p) ? p : lineId(cv, p)));
const confirmedOf = (cases: FabricationCase[]) => [...new Set(cases.flatMap((c) => c.confirmed ?? []))];

/** The three ways a model's text reaches the post-check. */
type Mode = 'tailored CV' | 'guided update' | 'cover letter';
const modes: Mode[] = ['tailored CV', 'guided update', 'cover letter'];

/** The mock answers with every case at once; the result is each case's checked text, in order. */
async function throughService(mode: Mode, cases: FabricationCase[]): Promise<CheckedText[]> {
  const confirmedKeywords = confirmedOf(cases);
  const cvLines = promptCvLines(cv.source.lines);
  if (mode === 'cover letter') {
    const letter: CoverLetter = {
      paragraphs: cases.map((c) => ({ text: `I am writing to apply for the ${handMadePosting.title} role at ${handMadePosting.company}. ${c.text}`, sources: resolve(c) })),
    };
    ai.mock.enqueue(structuredAnswer(letter));
    const done = await ai.run(buildCoverLetterPrompt({ posting: handMadePosting, cvLines, facts: handMadeFacts }));
    expect(done.result).toEqual(letter);
    return checkCoverLetter(done.result as CoverLetter, { lines, confirmedKeywords, posting: handMadePosting }, { extractor });
  }
  let facts: AiFact[] = [];
  let sourcesOf = resolve;
  if (mode === 'guided update') {
    // Each cited line's text is the user's answer to a guided question; the update cites those facts.
    facts = [...handMadeFacts];
    const factOf = new Map<string, string>();
    for (const id of cases.flatMap(resolve)) {
      const line = lines.find((l) => l.id === id);
      if (!line || factOf.has(id)) continue;
      const fact = answerToFact(line.text, facts);
      facts.push(fact);
      factOf.set(id, fact.id);
    }
    sourcesOf = (c) => resolve(c).map((id) => factOf.get(id) ?? id);
  }
  const tailored: TailoredCv = { lines: cases.map((c) => ({ section: 'experience', kind: 'bullet', text: c.text, sources: sourcesOf(c) })), omitted: [] };
  ai.mock.enqueue(structuredAnswer(tailored));
  const summary = lineId(cv, 'Backend engineer');
  const previous: TailoredCv | undefined =
    mode === 'guided update' ? { lines: [{ section: 'summary', kind: 'text', text: lines.find((l) => l.id === summary)!.text, sources: [summary] }], omitted: [] } : undefined;
  const done = await ai.run(buildTailoringPrompt({ posting: handMadePosting, cvLines, facts, confirmedKeywords, ...(previous ? { previous } : {}) }));
  expect(done.result).toEqual(tailored);
  if (mode === 'guided update') expect(ai.chatBodies()[0]).toContain(`${facts.at(-1)!.id}: ${facts.at(-1)!.text}`);
  const review = await reviewTailoredCv({ master: cv, tailored: done.result as TailoredCv, facts, confirmedKeywords, extractor });
  expect(review.lines.map((l) => l.blocked)).toEqual(review.lines.map((l) => l.flags.length > 0));
  return review.lines;
}

/** One service run per mode and set, shared by that set's tests (the first test of the set makes it). */
const runs = new Map<string, Promise<CheckedText[]>>();
function checked(mode: Mode, set: 'fabrications' | 'honest', index: number): Promise<CheckedText> {
  const key = `${mode}/${set}`;
  if (!runs.has(key)) runs.set(key, throughService(mode, set === 'fabrications' ? fabrications : honest));
  return runs.get(key)!.then((all) => all[index]!);
}

describe('the fabrication suite', () => {
  it('has at least 20 kinds of fabrication and 10 honest rephrasings', () => {
    expect(new Set(fabrications.map((c) => c.kind)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(honest.map((c) => c.kind)).size).toBeGreaterThanOrEqual(10);
  });

  for (const mode of modes) {
    describe(mode, () => {
      fabrications.forEach((c, i) => {
        it(`flags: ${c.kind}`, async () => {
          const line = await checked(mode, 'fabrications', i);
          expect(line.text).toContain(c.text);
          const reasons = line.flags.map((f) => f.reason);
          expect(reasons.some((r) => c.reasons!.includes(r)), `${c.text} → ${JSON.stringify(line.flags)}`).toBe(true);
        });
      });
      honest.forEach((c, i) => {
        it(`passes: ${c.kind}`, async () => {
          const line = await checked(mode, 'honest', i);
          expect(line.text).toContain(c.text);
          expect(line.flags, c.text).toEqual([]);
        });
      });
    });
  }

  it('the confirmed keyword is what makes the Helm line honest', () => {
    const c = honest.find((h) => h.confirmed)!;
    expect(createPostChecker({ lines }, extractor).check([{ text: c.text, sources: resolve(c) }])[0]!.flags).toEqual([{ reason: 'new_skill', detail: 'Helm' }]);
  });

  it('a confirmed keyword still needs a valid citation', () => {
    const flags = createPostChecker({ lines, confirmedKeywords: ['Helm'] }, extractor).check([{ text: 'Deployed services with Helm.', sources: [] }])[0]!.flags;
    expect(flags.map((f) => f.reason)).toEqual(expect.arrayContaining(['no_citation', 'new_skill']));
  });

  it('a fact’s own skill counts as evidence, and facts can carry a line about tools', () => {
    const checker = createPostChecker({ lines, facts: handMadeFacts }, extractor);
    const [ok, bad, moved] = checker.check([
      { text: 'Provisioned AWS staging environments with Terraform modules.', sources: ['f1'] },
      { text: 'Provisioned 40 AWS accounts with Terraform and Pulumi.', sources: ['f1'] },
      { text: 'Set up GitHub Actions pipelines at Northwind running the test suite on every pull request.', sources: ['f2'] },
    ]);
    expect(ok!.flags).toEqual([]);
    expect(bad!.flags.map((f) => f.reason)).toEqual(expect.arrayContaining(['new_number', 'new_skill']));
    expect(moved!.flags).toContainEqual({ reason: 'new_employer', detail: 'Northwind' });
  });

  it('invisible characters cannot hide a fabrication from the check', () => {
    const text = `Led a team of 1\u200b2 engineers at Str\u2060ipe.`;
    const reasons = createPostChecker({ lines }, extractor).check([{ text, sources: [lineId(cv, 'Led a team')] }])[0]!.flags.map((f) => f.reason);
    expect(reasons).toEqual(expect.arrayContaining(['new_number', 'new_employer']));
  });

  it('catches titles and achievements written in Spanish, French and German', () => {
    const es = [
      { id: 'l1', text: 'Ingeniera de datos, Acme, Madrid' },
      { id: 'l2', text: 'Diseñé pipelines en Kafka para 3 equipos.' },
    ];
    const checker = createPostChecker({ lines: es }, extractor);
    const [title, award, honest, fr, de] = checker.check([
      { text: 'Jefa de ingeniería de datos, Acme, Madrid', sources: ['l1'] },
      { text: 'Diseñé pipelines en Kafka para 3 equipos y gané un premio de innovación.', sources: ['l2'] },
      { text: 'Pipelines en Kafka diseñados para 3 equipos.', sources: ['l2'] },
      { text: 'Directrice des données, Acme, Madrid', sources: ['l1'] },
      { text: 'Diseñé pipelines en Kafka, ausgezeichnet mit dem Innovationspreis.', sources: ['l2'] },
    ]);
    expect(title!.flags).toContainEqual({ reason: 'new_title', detail: 'Jefa' });
    expect(award!.flags).toContainEqual({ reason: 'new_claim', detail: 'premio' });
    expect(honest!.flags).toEqual([]);
    expect(fr!.flags).toContainEqual({ reason: 'new_title', detail: 'Directrice' });
    expect(de!.flags.map((f) => f.reason)).toContain('new_claim');
  });
});
