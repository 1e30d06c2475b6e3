import { beforeAll, describe, expect, it } from 'vitest';
import type { Cv } from '../cv/model';
import { getSkillExtractor, type SkillExtractor } from '../match/extract-skills';
import { handMadeCv, handMadeFacts, handMadePosting, lineId } from './fixtures/hand-made';
import { createPostChecker, type CheckEvidence, type FlagReason } from './post-check';
import type { AiFact } from './prompts';

/**
 * The fabrication suite: planted fabrications of every kind must be flagged, honest rephrasings must
 * not. Each case runs three ways: as a tailored CV line citing master lines, as a guided-question
 * update citing user facts (the same texts given as answers), and inside a cover-letter paragraph that
 * also names the posting's role and company. The CV is the hand-made fixture (lib/ai/fixtures).
 */

interface Case {
  kind: string;
  text: string;
  /** Prefixes of the master lines cited, or fact ids. */
  cites: string[];
  /** The flag expected among the line's flags (any of these reasons). */
  reasons?: FlagReason[];
  confirmed?: string[];
}

const fabrications: Case[] = [
  { kind: 'new employer', text: 'Led a team of 5 engineers at Stripe migrating the shipment tracking platform from a monolith to microservices on Kubernetes.', cites: ['Led a team'], reasons: ['new_employer'] },
  { kind: 'inflated title', text: 'Principal Software Engineer, Northwind Logistics, Berlin', cites: ['Senior Software Engineer'], reasons: ['new_title'] },
  { kind: 'shifted dates', text: 'Mar 2019 – Present', cites: ['Mar 2021'], reasons: ['new_date'] },
  { kind: 'metric moved from one job to another', text: 'Reduced cloud costs by 40% by rightsizing AWS EC2 instances.', cites: ['Reduced cloud costs'], reasons: ['new_number'] },
  { kind: 'invented tool', text: 'Designed an event pipeline on Kafka and Apache Flink processing 2 million events per day.', cites: ['Designed an event'], reasons: ['new_skill'] },
  { kind: 'degree upgrade', text: 'MSc Computer Science, Technical University of Munich, 2013 – 2017', cites: ['BSc Computer'], reasons: ['new_degree'] },
  { kind: 'new certification', text: 'AWS Certified Solutions Architect – Professional', cites: ['Python, Go, Django'], reasons: ['new_certification', 'new_claim'] },
  { kind: 'fake project', text: 'Built Project Atlas, an internal observability platform for the patient scheduling product.', cites: ['Built REST APIs'], reasons: ['new_name'] },
  { kind: 'invented award', text: 'Received the engineering excellence award for the microservices migration to Kubernetes.', cites: ['Led a team'], reasons: ['new_claim'] },
  { kind: 'changed school', text: 'BSc Computer Science, Stanford University, 2013 – 2017', cites: ['BSc Computer'], reasons: ['new_school'] },
  { kind: 'added language', text: 'English (fluent), German (B2), French (C1)', cites: ['English (fluent)'], reasons: ['new_language'] },
  { kind: 'inflated team size', text: 'Led a team of 12 engineers migrating the shipment tracking platform from a monolith to microservices on Kubernetes.', cites: ['Led a team'], reasons: ['new_number'] },
  { kind: 'invented percentage', text: 'Built REST APIs in Python and Django for a patient scheduling product used by 120 clinics, raising bookings by 25%.', cites: ['Built REST APIs'], reasons: ['new_number'] },
  { kind: 'extended tenure (to present)', text: 'Jun 2017 – Present', cites: ['Jun 2017'], reasons: ['new_date'] },
  { kind: 'extended tenure (earlier start)', text: 'Jun 2015 – Feb 2021', cites: ['Jun 2017'], reasons: ['new_date'] },
  { kind: 'promoted seniority', text: 'Lead Software Engineer, Contoso Health, Munich', cites: ['Software Engineer, Contoso'], reasons: ['new_title'] },
  { kind: 'new client name', text: 'Built REST APIs in Python and Django for clients such as Siemens Healthineers.', cites: ['Built REST APIs'], reasons: ['new_employer', 'new_name'] },
  { kind: 'new location', text: 'Senior Software Engineer, Northwind Logistics, based in London', cites: ['Senior Software Engineer'], reasons: ['new_location'] },
  { kind: 'invented publication', text: 'Published a paper on event pipelines processing 2 million events per day on Kafka.', cites: ['Designed an event'], reasons: ['new_claim'] },
  { kind: 'fake volunteer role', text: 'Volunteered as a coding mentor for 2 junior developers every week.', cites: ['Mentored 2'], reasons: ['new_claim'] },
  { kind: 'new skill not confirmed', text: 'Built REST APIs in Python, Django and GraphQL for a patient scheduling product used by 120 clinics.', cites: ['Built REST APIs'], reasons: ['new_skill'] },
  { kind: 'invented years of experience', text: 'Backend engineer with 10 years of experience building data-heavy web services in Python and Go.', cites: ['Backend engineer'], reasons: ['new_number'] },
  { kind: 'invented PhD', text: 'PhD in Computer Science, Technical University of Munich, 2013 – 2017', cites: ['BSc Computer'], reasons: ['new_degree'] },
  { kind: 'achievement moved to another employer', text: 'Cut p95 API latency by 40% at Contoso Health by introducing Redis caching.', cites: ['Cut p95'], reasons: ['new_employer'] },
  { kind: 'invented months', text: 'BSc Computer Science, Technical University of Munich, Sep 2013 – Jul 2017', cites: ['BSc Computer'], reasons: ['new_date'] },
  { kind: 'inflated savings', text: 'Reduced cloud costs by $300k per year by rightsizing AWS EC2 instances.', cites: ['Reduced cloud costs'], reasons: ['new_number'] },
  { kind: 'injected experience (10 years of Rust)', text: 'Backend engineer with 10 years of Rust experience building data-heavy web services.', cites: ['Backend engineer'], reasons: ['new_skill', 'new_number'] },
  { kind: 'written-out inflated number', text: 'Led a team of twelve engineers migrating the shipment tracking platform to microservices.', cites: ['Led a team'], reasons: ['new_number'] },
  { kind: 'patent', text: 'Patented a caching scheme that cut p95 API latency by 40%.', cites: ['Cut p95'], reasons: ['new_claim'] },
  { kind: 'no citation', text: 'Backend engineer with 7 years of experience.', cites: [], reasons: ['no_citation'] },
  { kind: 'unknown citation', text: 'Backend engineer with 7 years of experience.', cites: ['l999'], reasons: ['unknown_citation'] },
];

const honest: Case[] = [
  { kind: 'reordering', text: 'Cut p95 API latency by 40% through PostgreSQL query tuning and Redis caching.', cites: ['Cut p95'] },
  { kind: 'synonyms', text: 'Lowered p95 API latency by 40% with Redis caching and PostgreSQL query tuning.', cites: ['Cut p95'] },
  { kind: 'tense', text: 'Mentoring 2 junior developers and running weekly code reviews.', cites: ['Mentored 2'] },
  { kind: 'shortening', text: 'Built Python and Django REST APIs used by 120 clinics.', cites: ['Built REST APIs'] },
  { kind: 'merging two cited lines', text: 'Designed a Kafka event pipeline processing 2 million events per day, and cut p95 API latency by 40% with Redis caching.', cites: ['Designed an event', 'Cut p95'] },
  { kind: 'adding a confirmed keyword supported by a cited line', text: 'Led a team of 5 engineers migrating the shipment tracking platform to microservices on Kubernetes with Helm.', cites: ['Led a team'], confirmed: ['Helm'] },
  { kind: 'header rewritten', text: 'Senior Software Engineer — Northwind Logistics, Berlin (March 2021 – present)', cites: ['Senior Software Engineer', 'Mar 2021'] },
  { kind: 'skills reordered', text: 'Kubernetes, Docker, AWS, Python, Go, PostgreSQL, Redis, Kafka, Django', cites: ['Python, Go, Django'] },
  { kind: 'summary rewritten from cited lines', text: 'Senior software engineer with 7 years of experience building data-heavy Python and Go services, most recently moving a logistics platform to microservices on Kubernetes.', cites: ['Backend engineer', 'Senior Software Engineer', 'Led a team'] },
  { kind: 'number written out', text: 'Led a five-person engineering team moving the shipment tracking platform to Kubernetes microservices.', cites: ['Led a team'] },
  { kind: 'amount written in full', text: 'Saved $30,000 a year in cloud costs by rightsizing AWS EC2 instances.', cites: ['Reduced cloud costs'] },
  { kind: 'degree spelled out', text: 'Bachelor of Science in Computer Science, Technical University of Munich (2013–2017)', cites: ['BSc Computer'] },
  { kind: 'languages reordered', text: 'German (B2) and English (fluent)', cites: ['English (fluent)'] },
  { kind: 'skill alias', text: 'Built REST APIs with Python/Django for a patient-scheduling product serving 120 clinics.', cites: ['Built REST APIs'] },
];

let extractor: SkillExtractor;
let cv: Cv;
let lines: { id: string; text: string }[];

beforeAll(async () => {
  extractor = await getSkillExtractor();
  cv = handMadeCv();
  lines = cv.source.lines.map(({ id, text }) => ({ id, text }));
});

const resolve = (c: Case) => c.cites.map((p) => (/^(?:f|l)\d+$/.test(p) ? p : lineId(cv, p)));

/** The three ways a text reaches the post-check. */
type Mode = 'tailored line' | 'guided update' | 'cover letter';
const modes: Mode[] = ['tailored line', 'guided update', 'cover letter'];

function checkIn(mode: Mode, c: Case) {
  const sources = resolve(c);
  const confirmedKeywords = c.confirmed ?? [];
  if (mode === 'tailored line') {
    return createPostChecker({ lines, confirmedKeywords }, extractor).check([{ text: c.text, sources }])[0]!;
  }
  if (mode === 'guided update') {
    // The cited lines' texts arrive as the user's answers (facts); the update cites the facts.
    const facts: AiFact[] = [...handMadeFacts];
    const factSources = sources.map((id) => {
      const line = lines.find((l) => l.id === id);
      if (!line) return id;
      const fact = { id: `f${facts.length + 1}`, text: line.text };
      facts.push(fact);
      return fact.id;
    });
    const evidence: CheckEvidence = { lines: [], facts, confirmedKeywords };
    return createPostChecker(evidence, extractor).check([{ text: c.text, sources: factSources }])[0]!;
  }
  const paragraph = `I am writing to apply for the ${handMadePosting.title} role at ${handMadePosting.company}. ${c.text}`;
  const evidence: CheckEvidence = { lines, confirmedKeywords, allowedPhrases: [handMadePosting.title, handMadePosting.company!] };
  return createPostChecker(evidence, extractor).check([{ text: paragraph, sources }])[0]!;
}

describe('the fabrication suite', () => {
  it('has at least 20 kinds of fabrication and 10 honest rephrasings', () => {
    expect(new Set(fabrications.map((c) => c.kind)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(honest.map((c) => c.kind)).size).toBeGreaterThanOrEqual(10);
  });

  for (const mode of modes) {
    describe(mode, () => {
      for (const c of fabrications) {
        it(`flags: ${c.kind}`, () => {
          const checked = checkIn(mode, c);
          const reasons = checked.flags.map((f) => f.reason);
          expect(reasons.some((r) => c.reasons!.includes(r)), `${c.text} → ${JSON.stringify(checked.flags)}`).toBe(true);
        });
      }
      for (const c of honest) {
        it(`passes: ${c.kind}`, () => {
          const checked = checkIn(mode, c);
          expect(checked.flags, c.text).toEqual([]);
        });
      }
    });
  }

  it('the confirmed keyword is what makes the Helm line honest', () => {
    const c = honest.find((h) => h.confirmed)!;
    expect(checkIn('tailored line', { ...c, confirmed: [] }).flags).toEqual([{ reason: 'new_skill', detail: 'Helm' }]);
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
