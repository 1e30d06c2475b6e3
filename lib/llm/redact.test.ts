import { describe, expect, it } from 'vitest';
import type { Profile } from '../storage/items';
import { createRedactor } from './redact';

const profile: Profile = {
  name: 'Ana María López-García',
  email: 'ana.lopez+jobs@mail.example.dev',
  phone: '+49 151 12345678',
  location: 'Berlin, Germany',
  links: ['https://www.linkedin.com/in/ana-lopez-garcia/', 'github.com/analopez'],
};

const cv = `Ana María López-García
ana.lopez+jobs@mail.example.dev · +49 151 12345678 · Berlin, Germany
linkedin.com/in/ana-lopez-garcia · https://github.com/analopez

Experience
2019 – 2023  Senior Engineer, Acme GmbH (Berlin). Led 12 engineers; grew revenue 35% in 2021.
01/2020 – 03/2022  Platform work with TypeScript, React, Node.js and AWS.
References: Jean Dupont, jean.dupont@acme.example.com, +33 6 12 34 56 78.
Contact LÓPEZ-GARCÍA, Ana María or call 0151/1234 5678.`;

/** Every value of the profile, in the spellings a CV uses. */
const profileValues = [
  'Ana María López-García',
  'López-García',
  'López',
  'García',
  'ana.lopez+jobs@mail.example.dev',
  '+49 151 12345678',
  '0151/1234 5678',
  '12345678',
  'Berlin',
  'linkedin.com/in/ana-lopez-garcia',
  'github.com/analopez',
];

describe('redact: the profile', () => {
  it('replaces every profile value and variant with placeholders', () => {
    const r = createRedactor(profile);
    const out = r.redact(cv);
    for (const value of profileValues) expect(out).not.toContain(value);
    expect(out).not.toMatch(/ana[\s.-]?l[oó]pez/i);
    expect(out).toContain('[[NAME_1]]');
    expect(out).toContain('[[EMAIL_1]]');
    expect(out).toContain('[[PHONE_1]]');
    expect(out).toContain('[[LOCATION_1]]');
    expect(out).toContain('[[URL_1]]');
  });

  it('keeps years, dates, numbers, companies and skills', () => {
    const out = createRedactor(profile).redact(cv);
    for (const kept of ['2019 – 2023', '01/2020 – 03/2022', '12 engineers', '35%', '2021', 'Acme GmbH', 'TypeScript', 'React', 'Node.js', 'AWS']) {
      expect(out).toContain(kept);
    }
  });

  it('round-trips: restore(redact(x)) === x', () => {
    const r = createRedactor(profile);
    const restored = r.restore(r.redact(cv));
    expect(restored.text).toBe(cv);
    expect(restored.mangled).toEqual([]);
    expect(restored.missing).toEqual([]);
  });

  it('gives the same surface text the same placeholder across calls (system and user messages)', () => {
    const r = createRedactor(profile);
    const a = r.redact('Write for Ana María López-García.');
    const b = r.redact('Candidate: Ana María López-García, ana.lopez+jobs@mail.example.dev');
    expect(a).toBe('Write for [[NAME_1]].');
    expect(b).toBe('Candidate: [[NAME_1]], [[EMAIL_1]]');
    expect(r.count).toBe(2);
    // A fresh redactor numbers identically: identical requests hash identically (cache).
    const again = createRedactor(profile);
    expect(again.redact('Write for Ana María López-García.')).toBe(a);
  });

  it.each([
    ['without diacritics', 'Ana Maria Lopez-Garcia'],
    ['upper case', 'ANA MARÍA LÓPEZ-GARCÍA'],
    ['"Last, First"', 'López-García, Ana María'],
    ['a space instead of the hyphen', 'Ana María López García'],
    ['across a line break', 'Ana María\nLópez-García'],
    ['decomposed accents (NFD)', 'Ana Mari\u0301a Lo\u0301pez-Garci\u0301a'],
  ])('matches the name %s', (_label, written) => {
    const r = createRedactor(profile);
    const out = r.redact(`Signed: ${written}.`);
    expect(out).toBe('Signed: [[NAME_1]].');
    expect(r.restore(out).text).toBe(`Signed: ${written}.`);
  });

  it('matches single name parts only when capitalised and whole words', () => {
    const r = createRedactor({ name: 'Mark Will' });
    expect(r.redact('Mark said Will will mark the essay; Willow and Marketa stay.')).toBe(
      '[[NAME_1]] said [[NAME_2]] will mark the essay; Willow and Marketa stay.',
    );
  });

  it('does not redact a name inside longer words (company or school names)', () => {
    const r = createRedactor({ name: 'Ana Banks' });
    expect(r.redact('Worked at Banana Republic and Banksy Ltd; studied at Anaheim High.')).toBe(
      'Worked at Banana Republic and Banksy Ltd; studied at Anaheim High.',
    );
    // The name as a whole word inside a company name is still hidden (conservative).
    expect(createRedactor({ name: 'Ana Banks' }).redact('Banks & Co')).toBe('[[NAME_1]] & Co');
  });

  it('handles apostrophes and particles', () => {
    const r = createRedactor({ name: "Seán O'Brien de la Cruz" });
    const out = r.redact('Seán O’Brien de la Cruz wrote this; O’Brien agrees. De la Soul is a band.');
    expect(out).toBe('[[NAME_1]] wrote this; [[NAME_2]] agrees. De la Soul is a band.');
    expect(r.restore(out).text).toBe('Seán O’Brien de la Cruz wrote this; O’Brien agrees. De la Soul is a band.');
  });

  it('handles CJK and single-word names', () => {
    expect(createRedactor({ name: '王小明' }).redact('候选人王小明在北京工作')).toBe('候选人[[NAME_1]]在北京工作');
    expect(createRedactor({ name: 'Madonna' }).redact('MADONNA, singer. madonna@x.example.com')).toBe('[[NAME_1]], singer. [[EMAIL_1]]');
  });

  it('does not treat an empty profile as a pattern', () => {
    const r = createRedactor({ name: '', email: '', phone: '', location: '', links: [] });
    expect(r.redact('Nothing personal here in 2024.')).toBe('Nothing personal here in 2024.');
  });

  it('can leave the location in when the user chooses to send it', () => {
    const r = createRedactor(profile, { redactLocation: false });
    expect(r.redact('Based in Berlin, Germany.')).toBe('Based in Berlin, Germany.');
  });
});

describe('redact: other emails, phones and URLs', () => {
  it.each([
    ['an email with a +tag and subdomains', 'Mail jane.doe+cv@eu.mail.example.co.uk now', 'Mail [[EMAIL_1]] now'],
    ['E.164', 'Call +14155550132.', 'Call [[PHONE_1]].'],
    ['spaces and an extension', 'Tel +1 415-555-0132 ext. 12, thanks', 'Tel [[PHONE_1]], thanks'],
    ['a French number in spaces', 'Portable : +33 6 12 34 56 78, fixe', 'Portable : [[PHONE_1]], fixe'],
    ['a URL with scheme', 'See https://portfolio.example.com/work?id=3.', 'See [[URL_1]].'],
    ['a www URL', 'See www.example.org/about, then', 'See [[URL_1]], then'],
    ['a bare GitHub path', 'Code: github.com/someone-else/repo', 'Code: [[URL_1]]'],
  ])('%s', (_label, input, expected) => {
    const r = createRedactor({});
    expect(r.redact(input)).toBe(expected);
    expect(r.restore(expected).text).toBe(input);
  });

  it('leaves dates, year ranges, versions and plain numbers alone', () => {
    const text = 'From 2015-2018 and 2019 - 2023; 12.05.2021; ID 20231512; Node.js 20.11.1; 1234567 users; ASP.NET; v1.2.3';
    expect(createRedactor(profile).redact(text)).toBe(text);
  });

  it('matches profile links with and without scheme, www and trailing slash', () => {
    const r = createRedactor(profile);
    expect(
      r.redact('A https://www.linkedin.com/in/ana-lopez-garcia/ B www.linkedin.com/in/ana-lopez-garcia C http://github.com/analopez D github.com/analopez/'),
    ).toBe('A [[URL_1]] B [[URL_2]] C [[URL_3]] D [[URL_4]]');
    // A different profile path is a different URL, still hidden by the generic rule.
    expect(r.redact('github.com/analopez-fan')).toBe('[[URL_5]]');
  });

  it('recognises the profile phone in national and digit-only spellings', () => {
    const r = createRedactor(profile);
    expect(r.redact('0151 12345678 | 015112345678 | +49 (0)151 1234 5678 | 0049 151 12345678')).toBe(
      '[[PHONE_1]] | [[PHONE_2]] | [[PHONE_3]] | [[PHONE_4]]',
    );
  });
});

describe('restore: placeholders the model changed', () => {
  const r = createRedactor(profile);
  const sent = r.redact('Ana María López-García <ana.lopez+jobs@mail.example.dev>, +49 151 12345678');

  it('sent text has three placeholders', () => {
    expect(sent).toBe('[[NAME_1]] <[[EMAIL_1]]>, [[PHONE_1]]');
  });

  it.each([
    ['[[EMAIL 1]]', 'ana.lopez+jobs@mail.example.dev'],
    ['[EMAIL_1]', 'ana.lopez+jobs@mail.example.dev'],
    ['[[email_1]]', 'ana.lopez+jobs@mail.example.dev'],
    ['[[ EMAIL_1 ]]', 'ana.lopez+jobs@mail.example.dev'],
    ['EMAIL_1]]', 'ana.lopez+jobs@mail.example.dev'],
    ['[PHONE]', '+49 151 12345678'],
  ])('%s is detected, reported and repaired', (written, value) => {
    const result = r.restore(`Contact: ${written}.`);
    expect(result.text).toBe(`Contact: ${value}.`);
    expect(result.mangled).toEqual([{ found: written, placeholder: expect.stringMatching(/^\[\[(EMAIL|PHONE)_1\]\]$/), restored: true }]);
  });

  it('an unknown index is reported and left as written', () => {
    const result = r.restore('Mail [[EMAIL_7]] or [EMAIL_2]');
    expect(result.text).toBe('Mail [[EMAIL_7]] or [EMAIL_2]');
    expect(result.mangled).toEqual([
      { found: '[[EMAIL_7]]', restored: false },
      { found: '[EMAIL_2]', restored: false },
    ]);
  });

  it('dropped placeholders are listed as missing', () => {
    expect(r.restore('Dear [[NAME_1]], thanks.').missing).toEqual(['[[EMAIL_1]]', '[[PHONE_1]]']);
  });

  it('leaves bracketed words alone that are not placeholders', () => {
    const result = r.restore('[Named entity] and [link](https://x.example) and [Location] stay.');
    expect(result.text).toBe('[Named entity] and [link](https://x.example) and [Location] stay.');
    expect(result.mangled).toEqual([]);
  });

  it('escapes user text that already looks like a placeholder', () => {
    const own = createRedactor(profile);
    const input = 'Template: [[EMAIL_1]] goes here; mine is ana.lopez+jobs@mail.example.dev';
    const out = own.redact(input);
    expect(out).toBe('Template: [[RAW_1]] goes here; mine is [[EMAIL_1]]');
    expect(own.restore(out).text).toBe(input);
  });
});

describe('stream restorer', () => {
  const answer =
    'Dear [[NAME_1]], we will write to [[EMAIL_1]] or call [[PHONE_1]]. Your [link](https://x.example) [note] — 😀 完成.';

  it('restores placeholders split across chunks at every position', () => {
    for (let cut = 1; cut < answer.length; cut += 1) {
      const r = createRedactor(profile);
      r.redact('Ana María López-García ana.lopez+jobs@mail.example.dev +49 151 12345678');
      const restorer = r.createStreamRestorer();
      const shown = restorer.push(answer.slice(0, cut)) + restorer.push(answer.slice(cut)) + restorer.flush();
      expect(shown).toBe(r.restore(answer).text);
    }
  });

  it('restores one character at a time, never showing half a placeholder', () => {
    const r = createRedactor(profile);
    r.redact('Ana María López-García ana.lopez+jobs@mail.example.dev +49 151 12345678');
    const restorer = r.createStreamRestorer();
    let shown = '';
    for (const ch of answer) {
      shown += restorer.push(ch);
      expect(shown).not.toMatch(/\[\[[A-Z]/);
    }
    shown += restorer.flush();
    expect(shown).toBe(
      'Dear Ana María López-García, we will write to ana.lopez+jobs@mail.example.dev or call +49 151 12345678. Your [link](https://x.example) [note] — 😀 完成.',
    );
  });
});
