import type { FieldMatch } from '../fields';
import { hostIs, type AtsModule } from './types';

// SAP SuccessFactors career portal (career*.sapsf.*, *.successfactors.*): text fields carry
// `data-testid="sfTextField"` and the profile's field names; pick lists are custom comboboxes.
const byName: Record<string, FieldMatch> = {
  firstName: { kind: 'profile', field: 'firstName' },
  lastName: { kind: 'profile', field: 'lastName' },
  cellPhone: { kind: 'profile', field: 'phone' },
  homePhone: { kind: 'profile', field: 'phone' },
  contactEmail: { kind: 'profile', field: 'email' },
  email: { kind: 'profile', field: 'email' },
  city: { kind: 'profile', field: 'city' },
  custDisabilityAssistance: { kind: 'sensitive', topic: 'disability' },
};

export const successfactors: AtsModule = {
  name: 'successfactors',
  detect: (doc) => hostIs(doc, /(^|\.)(sapsf\.(com|eu|cn)|successfactors\.(com|eu))$/) || doc.querySelector('[data-testid="sfTextField"], .rcmFormField, .RCMFormField') !== null,
  refine: (control) => byName[control.element.getAttribute('name') ?? ''],
  uploaded: (root, fileName) =>
    Array.from(root.querySelectorAll('.attachmentFileName, .rcmAttachmentName, a[href*="attachment"]')).some((el) => (el.textContent ?? '').includes(fileName)),
};
