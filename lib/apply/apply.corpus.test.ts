import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectAts } from './ats';
import { fillForm } from './fill';
import { classifyForm, type ClassifiedControl } from './match';
import type { FillPlan } from './report';

// The real application forms in ../shared/corpus/application_forms (saved pages, served from 127.0.0.1
// as the e2e suite does): what the matcher must recognise on each, and what a fill does and leaves.
const CORPUS = process.env.JOBFIT_FORMS ?? path.resolve(process.cwd(), '../shared/corpus/application_forms');
const GREENHOUSE = 'Ravi-30__project-autofill-resume-json-extension/greenhouse_sonatus_senior-staff-ai-engineer.html';
const SUCCESSFACTORS = 'Saurabhkg03__Job-autofill/sap-successfactors_career-portal_my-profile.html';

function load(file: string): Document {
  return new JSDOM(readFileSync(path.join(CORPUS, file), 'utf8'), {
    url: `http://127.0.0.1:4173/${path.basename(file)}`,
    // Saved pages carry CSS jsdom cannot parse; its complaints are noise here.
    virtualConsole: new VirtualConsole(),
  }).window.document;
}

const kindOf = (c: ClassifiedControl) =>
  c.match.kind === 'profile' ? `profile:${c.match.field}` : c.match.kind === 'sensitive' ? `sensitive:${c.match.topic}` : c.match.kind;

const plan: FillPlan = {
  profile: { firstName: 'Ana', lastName: 'García', email: 'ana@example.com', phone: '+34 600 000 000', linkedin: 'https://www.linkedin.com/in/ana', city: 'Madrid' },
  resume: { name: 'Ana_Garcia_CV.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.7').toString('base64') },
  answers: [],
  uploadWaitMs: 1000,
};
const attach = (input: HTMLInputElement, file: File) => Object.defineProperty(input, 'files', { value: [file], configurable: true });

describe.runIf(existsSync(CORPUS))('application form corpus', () => {
  it('reads the MANIFEST rows it tests', () => {
    const manifest = readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8');
    for (const file of [GREENHOUSE, SUCCESSFACTORS]) expect(manifest).toContain(file);
  });

  describe('Greenhouse (job-boards.greenhouse.io, React UI)', () => {
    const doc = load(GREENHOUSE);
    const controls = classifyForm(doc.body, detectAts(doc));
    const byId = (id: string) => kindOf(controls.find((c) => c.element.id === id)!);

    it('is recognised as Greenhouse', () => expect(detectAts(doc)?.name).toBe('greenhouse'));

    it.each([
      ['first_name', 'profile:firstName'],
      ['last_name', 'profile:lastName'],
      ['email', 'profile:email'],
      ['phone', 'profile:phone'],
      ['resume', 'resume'],
      ['cover_letter', 'coverLetter'],
      ['question_11493141007', 'profile:linkedin'],
      ['preferred_name', 'question'],
      ['question_11493142007', 'question'],
      ['question_11493143007', 'question'],
      ['question_11493144007', 'sensitive:workAuthorization'],
      ['question_11493145007', 'sensitive:sponsorship'],
      ['question_11493146007', 'question'],
      ['4011014007', 'sensitive:gender'],
      ['4011015007', 'sensitive:race'],
      ['4011016007', 'sensitive:gender'],
      ['4011017007', 'sensitive:gender'],
      ['4011018007', 'sensitive:disability'],
      ['4011019007', 'sensitive:veteran'],
    ])('#%s is %s', (id, expected) => expect(byId(id)).toBe(expected));

    it('skips react-select’s hidden required mirrors', () => {
      expect(controls.filter((c) => c.element.getAttribute('aria-hidden') === 'true' && c.type !== 'file')).toEqual([]);
    });

    it('a fill attaches the CV, fills the profile fields, and leaves every sensitive question for the user', async () => {
      const page = load(GREENHOUSE);
      const report = await fillForm(page, plan, { undo: [], attach });
      expect(page.querySelector<HTMLInputElement>('#resume')!.files?.[0]?.name).toBe('Ana_Garcia_CV.pdf');
      expect(page.querySelector<HTMLInputElement>('#cover_letter')!.files?.length ?? 0).toBe(0);
      expect(report.filled.map((f) => f.field).sort()).toEqual(['email', 'firstName', 'lastName', 'linkedin', 'phone', 'resume']);
      const left = Object.fromEntries(report.left.map((l) => [l.label, l.reason]));
      expect(left['Are you legally authorized to work in the United States for Sonatus?']).toBe('sensitive');
      expect(report.left.filter((l) => l.reason === 'sensitive')).toHaveLength(8);
      expect(page.querySelector<HTMLInputElement>('#preferred_name')!.value).toBe('');
      expect(page.querySelector<HTMLInputElement>('#question_11493143007')!.value).toBe('');
    });
  });

  describe('SAP SuccessFactors career portal profile', () => {
    const doc = load(SUCCESSFACTORS);
    const controls = classifyForm(doc.body, detectAts(doc));
    const byName = (name: string) => kindOf(controls.find((c) => c.element.getAttribute('name') === name)!);
    const byAria = (label: string) => kindOf(controls.find((c) => c.element.getAttribute('aria-label') === label)!);

    it('is recognised as SuccessFactors', () => expect(detectAts(doc)?.name).toBe('successfactors'));

    it.each([
      ['firstName', 'profile:firstName'],
      ['lastName', 'profile:lastName'],
      ['cellPhone', 'profile:phone'],
      ['contactEmail', 'profile:email'],
      ['city', 'profile:city'],
      ['custDisabilityAssistance', 'sensitive:disability'],
      ['middleName', 'question'],
      ['custSocialURL', 'question'],
    ])('[name=%s] is %s', (name, expected) => expect(byName(name)).toBe(expected));

    it.each([
      ['Gender', 'sensitive:gender'],
      ['Disability Assistance', 'sensitive:disability'],
    ])('the %s pick list is %s', (label, expected) => expect(byAria(label)).toBe(expected));

    it('a fill keeps the values already in the profile, says there is no file input, and fills only empty known fields', async () => {
      const page = load(SUCCESSFACTORS);
      const report = await fillForm(page, plan, { undo: [], attach });
      expect(page.querySelector<HTMLInputElement>('[name=firstName]')!.value).toBe('Redacted');
      expect(page.querySelector<HTMLInputElement>('[name=contactEmail]')!.value).toBe('redacted@example.com');
      expect(page.querySelector<HTMLInputElement>('[name=city]')!.value).toBe('Madrid');
      expect(report.problems).toContainEqual({ code: 'no_file_input' });
      expect(report.filled.map((f) => f.field)).toEqual(['city']);
      expect(report.left.filter((l) => l.reason === 'already_filled').map((l) => l.label)).toEqual(
        expect.arrayContaining(['First Name', 'Last Name', 'Phone Number']),
      );
      expect(page.querySelector<HTMLInputElement>('[name=custSocialURL]')!.value).toBe('');
    });
  });
});
