import type { FieldMatch } from '../fields';
import { hostIs, type AtsModule } from './types';

// Lever (jobs.lever.co): `name` attributes are stable; links are `urls[<Site>]`, EEO is `eeo[<topic>]`.
const byName: Record<string, FieldMatch> = {
  name: { kind: 'profile', field: 'fullName' },
  email: { kind: 'profile', field: 'email' },
  phone: { kind: 'profile', field: 'phone' },
  location: { kind: 'profile', field: 'location' },
  org: { kind: 'profile', field: 'currentCompany' },
  resume: { kind: 'resume' },
  'urls[LinkedIn]': { kind: 'profile', field: 'linkedin' },
  'urls[GitHub]': { kind: 'profile', field: 'github' },
  'urls[Portfolio]': { kind: 'profile', field: 'website' },
  'urls[Other]': { kind: 'profile', field: 'website' },
  'eeo[gender]': { kind: 'sensitive', topic: 'gender' },
  'eeo[race]': { kind: 'sensitive', topic: 'race' },
  'eeo[veteran]': { kind: 'sensitive', topic: 'veteran' },
  'eeo[disability]': { kind: 'sensitive', topic: 'disability' },
  'eeo[disabilitySignature]': { kind: 'sensitive', topic: 'disability' },
  'eeo[disabilitySignatureDate]': { kind: 'sensitive', topic: 'disability' },
};

export const lever: AtsModule = {
  name: 'lever',
  detect: (doc) => hostIs(doc, /(^|\.)lever\.co$/) || doc.querySelector('form#application-form .application-question, .lever-application') !== null,
  refine: (control) => byName[control.element.getAttribute('name') ?? ''],
  // The label under the upload button turns into the file name and gets a success class.
  uploaded: (root, fileName) =>
    Array.from(root.querySelectorAll('.resume-upload-success, .resume-upload-label, .filename')).some(
      (el) => el.classList.contains('resume-upload-success') || (el.textContent ?? '').includes(fileName),
    ),
};
