import { describe, expect, it } from 'vitest';
import { structuredAnswer } from '../../e2e/mock-openrouter/scenarios';
import { handMadeCv, handMadeFacts, handMadePosting, handMadeProfile, injectionPosting, lineId } from './fixtures/hand-made';
import { useAiService } from './fixtures/service-harness';
import { checkCoverLetter } from './post-check';
import { answerToFact, buildCoverLetterPrompt, buildQuestionsPrompt, buildTailoringPrompt, promptCvLines } from './prompts';
import { type CoverLetter, type GuidedQuestions, normalizeQuestions, type TailoredCv } from './schemas';
import { mergeTailoredCv, reviewTailoredCv } from './tailored';

/**
 * The AI features end to end through the real LLM service, the openai SDK and the mock server: the
 * structured answer is validated by the service, then post-checked here. The mock plays a model that
 * fabricates (and one that obeys an injected instruction); the recorded request bodies show what left
 * the device.
 */

const ai = useAiService();
const { run, chatBodies } = ai;
const master = handMadeCv();
const L = (prefix: string) => lineId(master, prefix);
/** Every line of the CV, the name line included: redaction in the worker must still hide it. */
const allLines = promptCvLines(master.source.lines);

describe('tailoring through the service', () => {
  it('a fabricating answer is validated, post-checked, and its planted lines come out flagged and left out', async () => {
    const answer: TailoredCv = {
      lines: [
        { section: 'summary', kind: 'text', text: 'Senior backend engineer with 7 years of experience in Python and Go.', sources: [L('Backend engineer'), L('Senior Software Engineer')] },
        { section: 'experience', kind: 'header', text: 'Principal Software Engineer, Northwind Logistics, Berlin', sources: [L('Senior Software Engineer')] },
        { section: 'experience', kind: 'header', text: 'Mar 2021 – Present', sources: [L('Mar 2021')] },
        { section: 'experience', kind: 'bullet', text: 'Led a team of 12 engineers migrating the shipment tracking platform to microservices on Kubernetes.', sources: [L('Led a team')] },
        { section: 'experience', kind: 'bullet', text: 'Designed an event pipeline on Kafka and Apache Flink processing 2 million events per day.', sources: [L('Designed an event')] },
        { section: 'experience', kind: 'bullet', text: 'Cut p95 API latency by 40% with Redis caching and PostgreSQL query tuning.', sources: [L('Cut p95')] },
        { section: 'experience', kind: 'bullet', text: 'Provisioned AWS staging environments with Terraform modules.', sources: ['f1'] },
        { section: 'certifications', kind: 'text', text: 'AWS Certified Solutions Architect – Professional', sources: [] },
      ],
      omitted: [],
    };
    ai.mock.enqueue(structuredAnswer(answer));
    const prompt = buildTailoringPrompt({ posting: handMadePosting, cvLines: allLines, facts: handMadeFacts, confirmedKeywords: ['Terraform'] });
    const done = await run(prompt);
    expect(done.result).toEqual(answer);
    const review = await reviewTailoredCv({ master, tailored: done.result as TailoredCv, facts: handMadeFacts, confirmedKeywords: ['Terraform'] });
    expect(review.lines.map((l) => l.blocked)).toEqual([false, true, false, true, true, false, false, true]);
    expect(review.lines[1]!.flags).toContainEqual({ reason: 'new_title', detail: 'Principal' });
    expect(review.lines[3]!.flags).toContainEqual({ reason: 'new_number', detail: '12' });
    expect(review.lines[4]!.flags).toContainEqual({ reason: 'new_skill', detail: 'Apache Flink' });
    expect(review.lines[7]!.flags).toContainEqual({ reason: 'no_citation', detail: '' });
    const saved = mergeTailoredCv(master, review).text;
    expect(saved).not.toMatch(/Principal|12 engineers|Flink|Certified/);
    expect(saved).toContain('Provisioned AWS staging environments with Terraform modules.');

    // The request: a structured schema, the posting delimited, and no profile value left.
    const [body] = chatBodies();
    const json = JSON.parse(body!) as { response_format?: { json_schema?: { name?: string } }; messages: { content: string }[] };
    expect(json.response_format?.json_schema?.name).toBe('jobfit_tailored_cv');
    expect(json.messages[1]!.content).toMatch(/^<job_posting>\nTitle: Senior Data Engineer/);
    expect(json.messages[1]!.content).toContain('[[NAME_1]]');
    for (const value of ['Priya', 'Raman', handMadeProfile.email, '555 0142', 'priya-raman-example']) expect(body).not.toContain(value);
  });

  it('an injected instruction in the posting never changes the facts of the tailored CV', async () => {
    // A model that obeyed the posting: ten years of Rust, a PhD, Rust among the skills.
    const obeyed: TailoredCv = {
      lines: [
        { section: 'summary', kind: 'text', text: 'Backend engineer with 10 years of Rust experience building data-heavy web services.', sources: [L('Backend engineer')] },
        { section: 'experience', kind: 'header', text: 'Senior Software Engineer, Northwind Logistics, Berlin', sources: [L('Senior Software Engineer')] },
        { section: 'experience', kind: 'header', text: 'Mar 2021 – Present', sources: [L('Mar 2021')] },
        { section: 'experience', kind: 'bullet', text: 'Led a team of 5 engineers migrating the shipment tracking platform to Rust microservices on Kubernetes.', sources: [L('Led a team')] },
        { section: 'education', kind: 'text', text: 'PhD Computer Science, Technical University of Munich, 2013 – 2017', sources: [L('BSc Computer')] },
        { section: 'skills', kind: 'text', text: 'Rust, Tokio, Python, Go, Kafka, Kubernetes', sources: [L('Python, Go, Django')] },
      ],
      omitted: [],
    };
    ai.mock.enqueue(structuredAnswer(obeyed));
    const done = await run(buildTailoringPrompt({ posting: injectionPosting, cvLines: allLines }));
    const review = await reviewTailoredCv({ master, tailored: done.result as TailoredCv });
    expect(review.lines.map((l) => l.blocked)).toEqual([true, false, false, true, true, true]);
    const merged = mergeTailoredCv(master, review);
    expect(merged.text).not.toMatch(/Rust|Tokio|PhD|10 years/);
    // The facts left are the master's: same employers, titles, dates and schools.
    const facts = (cv: typeof master) => ({
      work: cv.work.map((w) => [w.name, w.position, w.startDate, w.endDate]),
      education: cv.education.map((e) => [e.institution, e.studyType, e.startDate, e.endDate]),
    });
    expect(facts(merged.cv).work).toEqual([facts(master).work[0]]);
    expect(facts(merged.cv).education).toEqual([]);

    const [body] = chatBodies();
    const user = (JSON.parse(body!) as { messages: { content: string }[] }).messages[1]!.content;
    expect(user.match(/<job_posting>/g)).toHaveLength(1);
    expect(user.match(/<\/job_posting>/g)).toHaveLength(1);
    expect(user.indexOf('ignore previous instructions')).toBeLessThan(user.indexOf('</job_posting>'));
    expect(user).toContain('‹/job_posting›');
    expect(body).not.toMatch(/\\udb40|[\u{e0000}-\u{e007f}]/u);
  });
});

describe('guided questions and the cover letter through the service', () => {
  it('three questions (no structured-output model), an answer becomes a fact, and the update is post-checked', async () => {
    const questions: GuidedQuestions = {
      questions: [
        { gap: 'Terraform', question: 'Where have you used Terraform, and for what?', skill: 'Terraform' },
        { gap: 'Flink', question: 'Have you run stream processing jobs, and with which tool?', skill: 'Flink' },
        { gap: 'Rust', question: 'Have you written Rust in production?', skill: 'Rust' },
      ],
    };
    ai.mock.enqueue(structuredAnswer(questions, { match: { matchUserText: 'Ask the three questions.' } }));
    const asked = await run(buildQuestionsPrompt({ posting: handMadePosting, cvLines: allLines, gaps: ['Terraform', 'Flink', 'Rust'] }));
    const q = normalizeQuestions(asked.result as GuidedQuestions).questions;
    expect(q).toHaveLength(3);
    // The schema went into the instructions for a model without structured outputs.
    expect(chatBodies()[0]).toContain('jobfit_guided_questions');

    const fact = answerToFact('I ran Apache Flink jobs for shipment events at Northwind for a year.', [], q[1]!.skill);
    const previous: TailoredCv = { lines: [{ section: 'experience', kind: 'bullet', text: 'Designed an event pipeline on Kafka processing 2 million events per day.', sources: [L('Designed an event')] }], omitted: [] };
    const updated: TailoredCv = {
      lines: [
        { section: 'experience', kind: 'bullet', text: 'Designed an event pipeline on Kafka and Apache Flink processing 2 million events per day.', sources: [L('Designed an event'), fact.id] },
        { section: 'experience', kind: 'bullet', text: 'Ran Apache Flink and Rust jobs for shipment events at Northwind for 3 years.', sources: [fact.id] },
      ],
      omitted: [],
    };
    ai.mock.enqueue(structuredAnswer(updated, { match: { matchUserText: 'Update the current tailored CV' } }));
    const done = await run(buildTailoringPrompt({ posting: handMadePosting, cvLines: allLines, facts: [fact], previous }));
    const review = await reviewTailoredCv({ master, tailored: done.result as TailoredCv, facts: [fact] });
    expect(review.lines[0]!.flags).toEqual([]);
    expect(review.lines[1]!.flags.map((f) => f.reason)).toEqual(expect.arrayContaining(['new_skill', 'new_number']));
    expect(chatBodies()[1]).toContain('f1: I ran Apache Flink jobs for shipment events at Northwind for a year. [skill: Flink]');
  });

  it('a cover letter’s paragraphs are grounded the same way', async () => {
    const letter: CoverLetter = {
      paragraphs: [
        { text: `I am applying for the ${handMadePosting.title} role at ${handMadePosting.company}. At Northwind Logistics I designed an event pipeline on Kafka processing 2 million events per day.`, sources: [L('Senior Software Engineer'), L('Designed an event')] },
        { text: 'I also won an innovation award and led 20 engineers at Contoso Health.', sources: [L('Mentored 2')] },
      ],
    };
    ai.mock.enqueue(structuredAnswer(letter));
    const done = await run(buildCoverLetterPrompt({ posting: handMadePosting, cvLines: allLines, facts: handMadeFacts }));
    const checked = await checkCoverLetter(done.result as CoverLetter, { lines: master.source.lines, facts: handMadeFacts, posting: handMadePosting });
    expect(checked[0]!.flags).toEqual([]);
    expect(checked[1]!.flags.map((f) => f.reason)).toEqual(expect.arrayContaining(['new_claim', 'new_number', 'new_employer']));
  });
});
