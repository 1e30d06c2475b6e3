import { profile } from './llm-data';

/** A CV with the profile's personal values on top, as a user would import it (plain text). */
export const aiCvText = [
  profile.name,
  `${profile.email} · ${profile.phone} · ${profile.location}`,
  profile.links,
  '',
  'SUMMARY',
  'Backend engineer building payment systems in Go.',
  '',
  'EXPERIENCE',
  'Backend Engineer',
  'Acme Payments GmbH, Berlin — Mar 2021 – Present',
  '- Built a ledger service in Go handling 5M transactions a day.',
  '- Led the migration to Kubernetes.',
  '',
  'Software Engineer, Globex Corporation — Jan 2017 – Feb 2021',
  '- Wrote the billing API in Go.',
  '',
  'EDUCATION',
  'M.Sc. in Informatics, Technische Universität München, 2015 – 2017',
  '',
  'SKILLS',
  'Go, Python, SQL, Docker, Kubernetes, Terraform',
].join('\n');

/** The line a tailoring answer invents: an employer and a tool the cited line does not hold. */
export const fabricated = 'Scaled event streaming with Kafka at Stripe.';

/** A tailored CV as the model answers (ids of aiCvText's lines): honest rephrasings plus one fabrication. */
export const tailored = {
  lines: [
    { section: 'summary', kind: 'text', text: 'Backend engineer who builds payment systems in Go.', sources: ['l5'] },
    { section: 'experience', kind: 'header', text: 'Backend Engineer', sources: ['l7'] },
    { section: 'experience', kind: 'header', text: 'Acme Payments GmbH, Berlin — Mar 2021 – Present', sources: ['l8'] },
    { section: 'experience', kind: 'bullet', text: 'Built a Go ledger service that handles 5M transactions a day.', sources: ['l9'] },
    { section: 'experience', kind: 'bullet', text: 'Led the migration to Kubernetes.', sources: ['l10'] },
    { section: 'experience', kind: 'bullet', text: fabricated, sources: ['l10'] },
    { section: 'experience', kind: 'header', text: 'Software Engineer, Globex Corporation — Jan 2017 – Feb 2021', sources: ['l11'] },
    { section: 'experience', kind: 'bullet', text: 'Wrote the billing API in Go.', sources: ['l12'] },
    { section: 'education', kind: 'text', text: 'M.Sc. in Informatics, Technische Universität München, 2015 – 2017', sources: ['l14'] },
    { section: 'skills', kind: 'text', text: 'Go, Kubernetes, Docker, Terraform, Python, SQL', sources: ['l16'] },
  ],
  omitted: [],
};

/** The guided answers a user types; the second question is skipped. */
export const answers = { kafka: 'I ran the Kafka consumers for billing events at Globex.', rust: 'I wrote a Rust command-line tool for ledger checks at Acme.' };

export const questions = {
  questions: [
    { gap: 'Kafka', question: 'Where have you used Kafka, and what did you build with it?', skill: 'Kafka' },
    { gap: 'Terraform', question: 'Which infrastructure did you manage with Terraform?', skill: 'Terraform' },
    { gap: 'Rust', question: 'What have you written in Rust?', skill: 'Rust' },
  ],
};

/** The update after the answers: the facts' lines added (citing f1, f2), the rest as before. */
export const updated = {
  lines: [
    ...tailored.lines.slice(0, 5),
    { section: 'experience', kind: 'bullet', text: fabricated, sources: ['l10'] },
    ...tailored.lines.slice(6, 8),
    { section: 'experience', kind: 'bullet', text: 'Ran the Kafka consumers for billing events.', sources: ['l12', 'f1'] },
    { section: 'experience', kind: 'bullet', text: 'Wrote a Rust command-line tool for ledger checks.', sources: ['l9', 'f2'] },
    ...tailored.lines.slice(8),
  ],
  omitted: [],
};

export const letter = {
  paragraphs: [
    { text: 'I build payment systems in Go, and the ledger behind your payments is the work I know best.', sources: ['l5'] },
    { text: 'At Acme Payments GmbH I built a ledger service in Go handling 5M transactions a day and led the migration to Kubernetes.', sources: ['l8', 'l9', 'l10'] },
    { text: 'Before that I wrote the billing API in Go at Globex Corporation.', sources: ['l11', 'l12'] },
    // Planted: a team size and an employer the cited line does not hold.
    { text: 'I also led a team of twelve engineers at Google.', sources: ['l10'] },
  ],
};

/** A job analysis of match-posting.html that agrees with the offline match on some points and not on others. */
export const jobAnalysis = (role: string) => ({
  role,
  seniority: 'lead',
  technologies: [
    { name: 'Go', confidence: 0.9 },
    { name: 'Kubernetes', confidence: 0.8 },
  ],
  hardSkills: ['Go', 'Kubernetes'],
  softSkills: [],
  mustHave: ['Go', 'Kubernetes in production'],
  niceToHave: ['GraphQL'],
  atsKeywords: [{ keyword: 'Go', priority: 'high' }],
  suggestedSections: ['Experience'],
  confidence: 0.8,
});

/** A CV evaluation citing aiCvText's lines: one real line beside an id the CV does not have, and one match backed only by a made-up id. */
export const evaluation = {
  score: 74,
  rationale: 'Strong Go and payments background; no Kafka in the CV.',
  matches: [
    { requirement: 'Go', lineIds: ['l9', 'l404'], note: 'payments ledger' },
    { requirement: 'Kafka', lineIds: ['l99'], note: '' },
  ],
  gaps: [{ requirement: 'Kubernetes at scale', importance: 'must', lineIds: ['l10'], note: 'one migration' }],
};
