import { describe, expect, it } from 'vitest';
import { detectHeading, requirementOf, segment, yearsIn } from './context';

describe('detectHeading', () => {
  it.each([
    ['Requirements:', 'requirements'],
    ['## What you bring', 'requirements'],
    ['Nice to have (bonus)', 'nice_to_have'],
    ['Responsibilities', 'responsibilities'],
    ['Requisitos mínimos', 'requirements'],
    ['Deseable', 'nice_to_have'],
    ['Qué ofrecemos', 'benefits'],
    ['Profil recherché', 'requirements'],
    ['Vos missions', 'responsibilities'],
    ['Atouts', 'nice_to_have'],
    ['Dein Profil – das bringst du mit', 'requirements'],
    ['Wünschenswert', 'nice_to_have'],
    ['Deine Aufgaben', 'responsibilities'],
    ['Was wir bieten', 'benefits'],
  ] as const)('posting: %s', (line, kind) => {
    expect(detectHeading(line, 'posting')).toBe(kind);
  });

  it.each([
    ['Work Experience', 'experience'],
    ['PROFILE', 'summary'],
    ['Formación académica', 'education'],
    ['Expérience professionnelle', 'experience'],
    ['Compétences techniques', 'skills'],
    ['Berufserfahrung', 'experience'],
    ['Sprachkenntnisse', 'languages'],
    ['Zertifizierungen', 'certifications'],
  ] as const)('CV: %s', (line, kind) => {
    expect(detectHeading(line, 'cv')).toBe(kind);
  });

  it.each(['- Experience with Kubernetes is required', 'Requisitos: Java y Spring', 'We offer a great team and a lot of freedom to grow'])(
    'is not a heading: %s',
    (line) => {
      expect(detectHeading(line)).toBeUndefined();
    },
  );
});

describe('cues', () => {
  it.each([
    ['Kafka is a plus', 'preferred'],
    ['Experience with Rust would be an advantage', 'preferred'],
    ['Se valorará experiencia con AWS', 'preferred'],
    ['La connaissance de Docker est un atout', 'preferred'],
    ['Kenntnisse in Go sind von Vorteil', 'preferred'],
    ['Must have 3 years of Java', 'required'],
    ['Imprescindible: inglés', 'required'],
    ['Maîtrise de SQL requise', 'required'],
    ['Sehr gute Deutschkenntnisse sind zwingend erforderlich', 'required'],
    ['You will work with our team', undefined],
  ] as const)('%s → %s', (sentence, requirement) => {
    expect(requirementOf(sentence)).toBe(requirement);
  });

  it.each([
    ['5+ years of experience', 5],
    ['3-5 years with Python', 3],
    ['at least two years', 2],
    ['mínimo 4 años de experiencia', 4],
    ['3 ans minimum', 3],
    ['mindestens 2 Jahre Berufserfahrung', 2],
    ['in 2023 we grew', undefined],
  ] as const)('years in "%s"', (sentence, years) => {
    expect(yearsIn(sentence)[0]?.value).toBe(years);
  });
});

describe('segment', () => {
  it('splits sentences and carries the section, with absolute offsets', () => {
    const text = 'About us\nWe build things.\r\nRequirements\nJava. Kafka is a plus; SQL.';
    const segs = segment(text);
    expect(segs.map((s) => [text.slice(s.start, s.end).trim(), s.section, s.requirement])).toEqual([
      ['We build things.', 'about', undefined],
      ['Java.', 'requirements', 'required'],
      ['Kafka is a plus;', 'requirements', 'preferred'],
      ['SQL.', 'requirements', 'required'],
    ]);
  });
});
