import { describe, expect, it } from 'vitest';
import { extractSections } from './sections';

describe('extractSections', () => {
  it('reads lists under marked headings, in several languages', () => {
    const text = [
      'Intro paragraph.',
      'What you will do:',
      '• Build things',
      '• Run things',
      'Profil recherché',
      '• Curiosité',
      'Nice to have',
      '• Rust',
      'Benefits:',
      '• Lunch',
    ].join('\n');
    expect(extractSections(text)).toEqual({
      responsibilities: ['Build things', 'Run things'],
      requirements: ['Curiosité'],
      niceToHave: ['Rust'],
    });
  });

  it('takes paragraphs when a marked section has no bullets', () => {
    expect(extractSections('Requisiti\nLaurea in informatica.\nInglese fluente.\nBenefit:\nTicket')).toEqual({
      requirements: ['Laurea in informatica.', 'Inglese fluente.'],
    });
  });

  it('does not take a sentence that starts with a heading word for a heading', () => {
    expect(extractSections('Experience with React is a must.\n• not a section')).toBeUndefined();
    expect(extractSections('Responsibilities include owning the roadmap and hiring.')).toBeUndefined();
  });

  it('accepts compound headings', () => {
    expect(extractSections('Requirements & Skills\n• Go')).toEqual({ requirements: ['Go'] });
    expect(extractSections('Preferred qualifications\n• Kafka\nQualifications\n• SQL')).toEqual({ niceToHave: ['Kafka'], requirements: ['SQL'] });
  });

  it('ends a section at a heading of what the employer offers', () => {
    expect(extractSections('Ihr Profil\n• Kotlin\nWir bieten\n• 30 Tage Urlaub')).toEqual({ requirements: ['Kotlin'] });
    expect(extractSections('Requirements\n• SQL\nWhat we offer:\n• Bonus')).toEqual({ requirements: ['SQL'] });
  });

  it('gives nothing for unmarked text', () => {
    expect(extractSections('Just a description with no headings.')).toBeUndefined();
    expect(extractSections(undefined)).toBeUndefined();
  });
});
