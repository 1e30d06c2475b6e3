/** A full profile as a user types it in Settings (hand-made values), for specs that check redaction. */
export const profile = {
  name: 'Ana María López-García',
  email: 'ana.lopez@mail.example.dev',
  phone: '+49 151 12345678',
  location: 'Berlin, Germany',
  links: 'https://www.linkedin.com/in/ana-lopez-garcia/',
};

/** A job analysis as the schema wants it; `role` carries the text a test streams. */
export const analysis = (role: string) => ({
  role,
  seniority: 'senior',
  technologies: [{ name: 'React', confidence: 0.9 }],
  hardSkills: ['React', 'TypeScript'],
  softSkills: [],
  mustHave: ['React', 'TypeScript'],
  niceToHave: [],
  atsKeywords: [{ keyword: 'React', priority: 'high' }],
  suggestedSections: ['Experience'],
  confidence: 0.8,
});
