import { describe, expect, it } from 'vitest';
import { emptyCv } from '../cv/model';
import { profileValues, toBase64 } from './plan';

const cv = {
  ...emptyCv({ kind: 'text', lines: [] } as never),
  basics: {
    name: 'Ana María García',
    email: 'cv@example.com',
    phone: '+34 600',
    location: { city: 'Madrid', countryCode: 'ES' },
    profiles: [{ network: 'LinkedIn', url: 'https://www.linkedin.com/in/ana' }, { network: 'GitHub', url: 'https://github.com/ana' }],
    url: 'https://ana.dev',
  },
  work: [
    { name: 'Old Co', position: 'Analyst', endDate: '2020' },
    { name: 'Acme', position: 'Data Engineer' },
  ],
} as unknown as Parameters<typeof profileValues>[1];

describe('profileValues', () => {
  it('takes the settings profile first and the CV for the rest', () => {
    expect(profileValues({ email: 'ana@example.com', links: [] }, cv)).toEqual({
      fullName: 'Ana María García',
      firstName: 'Ana María',
      lastName: 'García',
      email: 'ana@example.com',
      phone: '+34 600',
      location: 'Madrid, ES',
      city: 'Madrid',
      linkedin: 'https://www.linkedin.com/in/ana',
      github: 'https://github.com/ana',
      website: 'https://ana.dev',
      currentCompany: 'Acme',
      currentTitle: 'Data Engineer',
    });
  });

  it('leaves out what neither knows', () => {
    expect(profileValues({ name: 'Solo' }, undefined)).toEqual({ fullName: 'Solo', firstName: 'Solo' });
  });
});

describe('toBase64', () => {
  it('encodes large byte arrays the way Buffer does', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
