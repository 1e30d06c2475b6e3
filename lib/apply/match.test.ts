// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyForm, type ClassifiedControl } from './match';
import { matchOption } from './options';
import { normalizeQuestion } from './text';

function load(file: string): Document {
  const html = readFileSync(path.resolve('lib/apply/fixtures', file), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

function describeMatch(control: ClassifiedControl): string {
  const m = control.match;
  if (m.kind === 'profile') return `profile:${m.field}`;
  if (m.kind === 'sensitive') return `sensitive:${m.topic}`;
  return m.kind;
}

/** Every control that carries `data-expect` gets exactly that classification; none is missed. */
function expectFixture(doc: Document) {
  const controls = classifyForm(doc);
  const expected = Array.from(doc.querySelectorAll('[data-expect]'));
  expect(expected.length).toBeGreaterThan(5);
  for (const element of expected) {
    const control = controls.find((c) => c.element === element || c.group?.includes(element as HTMLInputElement));
    expect(control, element.outerHTML).toBeDefined();
    expect(describeMatch(control!), element.outerHTML).toBe(element.getAttribute('data-expect'));
  }
  return controls;
}

describe('field matcher on hand-made forms', () => {
  it.each(['generic-en.html', 'generic-es.html', 'generic-fr.html'])('%s: every labelled control is classified as marked', (file) => {
    expectFixture(load(file));
  });

  it('reads each label variant from where the page puts it', () => {
    const controls = classifyForm(load('generic-en.html'));
    const via = (field: string) => controls.find((c) => describeMatch(c) === field)?.via;
    expect(via('profile:firstName')).toBe('label'); // label[for]
    expect(via('profile:lastName')).toBe('label'); // wrapping label
    expect(via('profile:email')).toBe('autocomplete');
    expect(via('profile:phone')).toBe('label'); // aria-label
    expect(via('profile:location')).toBe('label'); // aria-labelledby
    expect(via('profile:linkedin')).toBe('name');
    expect(via('profile:github')).toBe('name'); // camelCase id
    expect(via('profile:website')).toBe('placeholder');
    expect(via('profile:currentCompany')).toBe('nearby');
  });

  it('groups radios into one question with their option texts, and skips hidden and submit inputs', () => {
    const controls = classifyForm(load('generic-en.html'));
    const auth = controls.find((c) => c.type === 'radio')!;
    expect(auth.group).toHaveLength(2);
    expect(auth.options).toEqual(['Yes', 'No']);
    expect(auth.label).toMatch(/legally authorized/);
    expect(controls.some((c) => c.element.getAttribute('name') === 'token')).toBe(false);
  });

  it('finds controls inside open shadow roots and labels them from the shadow tree or the host', () => {
    const doc = document.implementation.createHTMLDocument('shadow');
    const host = doc.createElement('x-field');
    host.setAttribute('label', 'Email address');
    doc.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<input type="text" id="inner">';
    const other = doc.createElement('x-field');
    doc.body.append(other);
    other.attachShadow({ mode: 'open' }).innerHTML = '<label for="p">Phone</label><input id="p">';
    const controls = classifyForm(doc);
    expect(controls.map(describeMatch)).toEqual(['profile:email', 'profile:phone']);
  });

  it('never classifies a long question as a profile field, even if it says "name" or "company"', () => {
    const doc = new DOMParser().parseFromString(
      '<label for="q">Please tell us the name of the company where you did your most challenging project</label><input id="q">',
      'text/html',
    );
    expect(classifyForm(doc).map(describeMatch)).toEqual(['question']);
  });
});

describe('option matching', () => {
  it.each([
    [['Select...', 'Yes', 'No'], 'yes', 1],
    [['Select...', 'Yes', 'No'], 'No', 2],
    [['', 'Sí', 'No'], 'si', 1],
    [['Choisissez', 'Oui', 'Non'], 'Oui', 1],
    [['--', 'Yes, I am authorized', 'No, I am not'], 'Yes', 1],
    [['Female', 'Male', 'Decline to self-identify'], 'decline to self identify', 2],
    [['Hispanic or Latino', 'White', 'Asian'], 'Asian', 2],
    [['LinkedIn', 'Company website', 'Referral'], 'website', 1],
  ] as const)('%j with %s → %i', (options, answer, index) => {
    expect(matchOption(options, answer)).toBe(index);
  });

  it('refuses an answer that fits no option or several', () => {
    expect(matchOption(['Yes', 'No'], 'Maybe')).toBeUndefined();
    expect(matchOption(['Full-time remote', 'Full-time on site'], 'full-time')).toBeUndefined();
    expect(matchOption(['Select...', 'Yes'], 'select')).toBeUndefined();
    expect(matchOption(['Yes', 'No'], '')).toBeUndefined();
  });
});

describe('question normalisation for the answer bank', () => {
  it('folds case, accents, punctuation and required markers to one key', () => {
    expect(normalizeQuestion('How did you hear about us? *')).toBe(normalizeQuestion('how did you hear about us'));
    expect(normalizeQuestion('¿Cómo nos conociste? (obligatorio)')).toBe('como nos conociste');
    expect(normalizeQuestion('Salary  expectations')).not.toBe(normalizeQuestion('Notice period'));
  });
});
