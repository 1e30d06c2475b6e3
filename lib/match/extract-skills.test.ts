import { beforeAll, describe, expect, it } from 'vitest';
import { createSkillExtractor, getSkillExtractor, type SkillExtractor } from './extract-skills';
import type { TaxonomyData } from './taxonomy';

let extractor: SkillExtractor;
beforeAll(async () => {
  extractor = await getSkillExtractor();
});

const canon = (text: string) => extractor.extract(text).map((m) => m.canonical);
const spans = (text: string) => extractor.extract(text).map((m) => m.text);

describe('traps of the shipped taxonomy', () => {
  it.each([
    ['C, C++ and C# developers wanted', ['C', 'C++', 'C#']],
    ['Strong skills in C/C++ and Python', ['C', 'C++', 'Python']],
    ['iOS apps in Objective-C and Swift', ['iOS', 'Objective-C', 'Swift']],
    ['Reporting to C-level executives', []],
    ['Vitamin C and grade C', []],
  ])('C family: %s', (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it.each([
    ['Experience with Go and Kubernetes', ['Go', 'Kubernetes']],
    ['We build services in Golang.', ['Go']],
    ['Tags: go, docker, postgresql', ['Go', 'Docker', 'PostgreSQL']],
    ['We go the extra mile for customers', []],
    ['Go beyond what is expected', []],
    ['Own our go-to-market strategy', []],
    ['Ready to go live next week', []],
  ])('Go: %s', (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it.each([
    ['Frontend in React and TypeScript', ['React', 'TypeScript']],
    ['ReactJS, React.js or React Native', ['React', 'React', 'React Native']],
    ['Able to react quickly to incidents', []],
    ['A reactive, friendly team', []],
  ])('React: %s', (text, expected) => {
    expect(canon(text).filter((c) => c !== 'Frontend development')).toEqual(expected);
  });

  it.each([
    ['Advanced Excel skills and SQL', ['Excel', 'SQL']],
    ['Knowledge of MS Excel', ['Excel']],
    ['You will excel at building rapport', []],
    ['Excel at solving hard problems.', []],
  ])('Excel: %s', (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it('Excel is not found in "excellent"', () => {
    expect(canon('Excellent written English')).toEqual(['English']);
  });

  it.each([
    ['Java and JavaScript are different languages', ['Java', 'JavaScript']],
    ['Java/JavaScript/TypeScript', ['Java', 'JavaScript', 'TypeScript']],
    ['Java Script and Java EE', ['JavaScript', 'Java EE']],
  ])('Java vs JavaScript: %s', (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it.each([
    ['Python, R and SQL for analysis', ['Python', 'R', 'SQL']],
    ['Statistics in R programming', ['Statistics', 'R']],
    ['Our R&D department', []],
    ['Contact Dr. R. Smith', []],
  ])('R: %s', (text, expected) => {
    expect(canon(text)).toEqual(expected);
  });

  it('AWS Lambda is one skill; a lambda in Java is not', () => {
    expect(extractor.extract('Deploy functions on AWS Lambda').map((m) => [m.text, m.canonical])).toEqual([['AWS Lambda', 'AWS Lambda']]);
    expect(canon('Use lambda expressions and streams in Java')).toEqual(['Java']);
    expect(canon('We use Lambda, S3 and DynamoDB')).toEqual(['AWS Lambda', 'Amazon S3', 'DynamoDB']);
  });

  it('maps abbreviations and spellings to one canonical name', () => {
    expect(canon('JS, k8s, Node and Postgres')).toEqual(['JavaScript', 'Kubernetes', 'Node.js', 'PostgreSQL']);
    expect(canon('node.js or NodeJS')).toEqual(['Node.js', 'Node.js']);
    expect(canon('front-end, front end and frontend')).toEqual(['Frontend development', 'Frontend development', 'Frontend development']);
  });

  it('prefers the longest multi-word term', () => {
    expect(spans('Spring Boot microservices on Amazon Web Services')).toEqual(['Spring Boot', 'microservices', 'Amazon Web Services']);
    expect(canon('machine learning and deep learning')).toEqual(['Machine learning', 'Deep learning']);
  });

  it('keeps a version with the name, not a number of years', () => {
    expect(spans('Java 8 or Python 3.x, Angular 2+')).toEqual(['Java 8', 'Python 3.x', 'Angular 2+']);
    expect(spans('Java 5 years minimum')).toEqual(['Java']);
  });

  it('reads surface forms in Spanish, French and German', () => {
    expect(canon('Nivel alto de inglés y aprendizaje automático')).toEqual(['English', 'Machine learning']);
    expect(canon('Anglais courant, apprentissage automatique')).toEqual(['English', 'Machine learning']);
    expect(canon('Sehr gute Englisch- und Deutschkenntnisse, maschinelles Lernen')).toContain('Machine learning');
    expect(canon('Teamfähigkeit und Kommunikationsfähigkeit')).toEqual(['Teamwork', 'Communication']);
  });

  it('gives every match a kind from the fixed set', () => {
    const kinds = extractor
      .extract('PhD in Computer Science, AWS Certified, fluent German, Jira, Python, finance, teamwork')
      .map((m) => [m.canonical, m.kind]);
    expect(kinds).toEqual([
      ['PhD', 'degree'],
      ['Computer science', 'domain'],
      ['AWS Certified', 'certification'],
      ['German', 'spoken_language'],
      ['Jira', 'tool'],
      ['Python', 'technology'],
      ['Finance', 'domain'],
      ['Teamwork', 'soft_skill'],
    ]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text', () => {
    const text = '🚀 Équipe: développeurs Python — K8s\net Docker (obligatoire)';
    const found = extractor.extract(text);
    expect(found.map((m) => m.canonical)).toEqual(['Python', 'Kubernetes', 'Docker']);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('cover multi-word terms across hyphens and slashes', () => {
    const text = 'CI / CD and test-driven development';
    expect(extractor.extract(text).map((m) => [m.start, m.end, m.text])).toEqual([
      [0, 7, 'CI / CD'],
      [12, 35, 'test-driven development'],
    ]);
  });
});

describe('context', () => {
  const posting = [
    'Senior Backend Engineer',
    'Requirements:',
    '- 5+ years of experience with Python',
    '- Solid knowledge of PostgreSQL',
    '- Kafka is a plus',
    'Nice to have',
    '- Terraform',
    '- Experience with Kubernetes is required',
  ].join('\n');

  it('takes requirement and years from the sentence, else from the section', () => {
    const ctx = Object.fromEntries(extractor.extract(posting).map((m) => [m.canonical, m.context]));
    expect(ctx.Python).toEqual({ section: 'requirements', requirement: 'required', years: 5 });
    expect(ctx.PostgreSQL).toEqual({ section: 'requirements', requirement: 'required' });
    expect(ctx.Kafka).toEqual({ section: 'requirements', requirement: 'preferred' });
    expect(ctx.Terraform).toEqual({ section: 'nice_to_have', requirement: 'preferred' });
    expect(ctx.Kubernetes).toEqual({ section: 'nice_to_have', requirement: 'required' });
  });

  it('reads inline headings and headings in other languages', () => {
    const es = extractor.extract('Requisitos: Java y Spring Boot\nDeseable: experiencia con AWS');
    expect(es.map((m) => [m.canonical, m.context.requirement])).toEqual([
      ['Java', 'required'],
      ['Spring Boot', 'required'],
      ['Amazon Web Services', 'preferred'],
    ]);
    const de = extractor.extract('Dein Profil\nMindestens 3 Jahre Erfahrung mit TypeScript\nWünschenswert\nGraphQL');
    expect(de.map((m) => [m.canonical, m.context])).toEqual([
      ['TypeScript', { section: 'requirements', requirement: 'required', years: 3 }],
      ['GraphQL', { section: 'nice_to_have', requirement: 'preferred' }],
    ]);
    const fr = extractor.extract('Profil recherché\nVous maîtrisez Vue.js (3 ans minimum)\nAtouts\nDocker');
    expect(fr.map((m) => [m.canonical, m.context.section, m.context.years])).toEqual([
      ['Vue.js', 'requirements', 3],
      ['Docker', 'nice_to_have', undefined],
    ]);
  });

  it('marks names inside role titles, and can leave them out', () => {
    const text = 'Senior Java Developer\nYou know Java and Spring.';
    expect(extractor.extract(text).map((m) => [m.canonical, m.context.inRole ?? false])).toEqual([
      ['Java', true],
      ['Java', false],
      ['Spring', false],
    ]);
    expect(extractor.extract(text, { skipRoles: true }).map((m) => m.start)).toEqual([text.indexOf('Java and'), text.indexOf('Spring')]);
  });

  it('reads a degree before "position" or "student" as the role, and a nationality as no language', () => {
    expect(extractor.extract('PhD position in robotics; applicants hold a PhD.').map((m) => [m.canonical, m.context.inRole ?? false])).toEqual([
      ['PhD', true],
      ['Robotics', false],
      ['PhD', false],
    ]);
    expect(canon('A Danish company that values fluent Danish.')).toEqual(['Danish']);
  });

  it('does not take the language of the application for a skill', () => {
    expect(canon('Please apply in English by sending your CV.')).toEqual([]);
    expect(canon('Fluent in English and German (written and spoken).')).toEqual(['English', 'German']);
  });
});

describe('createSkillExtractor', () => {
  const data: TaxonomyData = {
    version: 1,
    kinds: ['technology', 'tool'],
    skills: [
      ['Go', 0, ['=Go', 'golang']],
      ['Docker', 0, []],
      ['Chef', 1, ['=~Chef']],
    ],
  };

  it('applies surface flags: case, neighbours', () => {
    const ex = createSkillExtractor(data);
    expect(ex.extract('Written in Go').map((m) => m.canonical)).toEqual(['Go']);
    expect(ex.extract('let us go home').map((m) => m.canonical)).toEqual([]);
    expect(ex.extract('head chef wanted').map((m) => m.canonical)).toEqual([]);
    expect(ex.extract('Chef, Docker').map((m) => m.canonical)).toEqual(['Chef', 'Docker']);
    expect(ex.lookup('golang')).toBeUndefined();
    expect(ex.lookup('go')).toEqual({ canonical: 'Go', kind: 'technology' });
  });
});
