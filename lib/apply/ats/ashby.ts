import type { FieldMatch } from '../fields';
import { hostIs, type AtsModule } from './types';

// Ashby (jobs.ashbyhq.com): system fields have `_systemfield_<name>` ids; custom questions have uuid names.
// The "Autofill from resume" drop zone at the top is a second file input: not the resume field.
const bySystemField: Record<string, FieldMatch> = {
  name: { kind: 'profile', field: 'fullName' },
  email: { kind: 'profile', field: 'email' },
  phone: { kind: 'profile', field: 'phone' },
  location: { kind: 'profile', field: 'location' },
  resume: { kind: 'resume' },
  cover_letter: { kind: 'coverLetter' },
};

export const ashby: AtsModule = {
  name: 'ashby',
  detect: (doc) => hostIs(doc, /(^|\.)ashbyhq\.com$/) || doc.querySelector('[id^="_systemfield_"]') !== null,
  refine(control) {
    const key = /^_systemfield_(\w+)$/.exec(control.element.id || (control.element.getAttribute('name') ?? ''))?.[1];
    if (key) return bySystemField[key];
    if (control.type === 'file' && control.element.closest('[class*="autofill" i]')) return { kind: 'unknown' };
    return undefined;
  },
  uploaded: (root, fileName) =>
    Array.from(root.querySelectorAll('[class*="fileName" i], [class*="uploaded" i]')).some((el) => (el.textContent ?? '').includes(fileName)),
};
