import type { FieldMatch } from '../fields';
import { textOf } from '../text';
import { hostIs, type AtsModule } from './types';

// Workday (*.myworkdayjobs.com): every question sits in a `formField-<key>` box. The key is on the control
// itself in the older layout (`data-automation-id="legalNameSection_firstName"`), only on the box in the
// newer one (`formField-legalName--firstName` around `#name--legalName--firstName`). Dropdowns are
// `<button aria-haspopup="listbox">`s. The application is a multi-step flow: contact details on
// "My Information", the resume on "My Experience", EEO questions on "Voluntary Disclosures".
const question: FieldMatch = { kind: 'question' };
const byKey: Record<string, FieldMatch> = {
  legalNameSection_firstName: { kind: 'profile', field: 'firstName' },
  'legalName--firstName': { kind: 'profile', field: 'firstName' },
  legalNameSection_lastName: { kind: 'profile', field: 'lastName' },
  'legalName--lastName': { kind: 'profile', field: 'lastName' },
  email: { kind: 'profile', field: 'email' },
  'phone-number': { kind: 'profile', field: 'phone' },
  phoneNumber: { kind: 'profile', field: 'phone' },
  addressSection_city: { kind: 'profile', field: 'city' },
  city: { kind: 'profile', field: 'city' },
  'file-upload-input-ref': { kind: 'resume' },
  linkedinQuestion: { kind: 'profile', field: 'linkedin' },
  linkedInAccount: { kind: 'profile', field: 'linkedin' },
  // Say "phone" but are not the number: answer-bank questions, so the number itself is not taken as a repeat.
  'phone-device-type': question,
  phoneType: question,
  countryPhoneCode: question,
  'phone-extension': question,
  extension: question,
  gender: { kind: 'sensitive', topic: 'gender' },
  hispanicOrLatino: { kind: 'sensitive', topic: 'race' },
  ethnicityDropdown: { kind: 'sensitive', topic: 'race' },
  veteranStatus: { kind: 'sensitive', topic: 'veteran' },
  disabilityStatus: { kind: 'sensitive', topic: 'disability' },
};

/** The control's own automation id, else its `formField-<key>` box's key, else the nearest automation id. */
function keysOf(element: Element): string[] {
  const own = element.getAttribute('data-automation-id');
  const box = element.closest('[data-automation-id^="formField-"]')?.getAttribute('data-automation-id')?.slice('formField-'.length);
  const near = element.closest('[data-automation-id]')?.getAttribute('data-automation-id');
  return [own, box, near].filter((key): key is string => Boolean(key));
}

export const workday: AtsModule = {
  name: 'workday',
  detect: (doc) => hostIs(doc, /(^|\.)(myworkdayjobs|workday)\.com$/) || doc.querySelector('[data-automation-id="applyFlowPage"], [data-automation-id="progressBar"]') !== null,
  refine(control) {
    for (const key of keysOf(control.element)) if (byKey[key]) return byKey[key];
    return undefined;
  },
  uploaded: (root) => root.querySelector('[data-automation-id="file-upload-successful"], [data-automation-id="file-upload-item"]') !== null,
  // A step is wrong only when it asks nothing: a step of questions (Voluntary Disclosures) is listed, not refused.
  stepProblem(doc, controls) {
    const asks = controls.some((c) => c.type === 'file' || workday.refine?.(c) !== undefined || c.label.trim() !== '');
    if (asks) return undefined;
    const start = doc.querySelector('[data-automation-id="applyManually"], [data-automation-id="autofillWithResume"], [data-automation-id="signInContent"]');
    const step = currentStep(doc);
    if (!start && !step) return undefined;
    return { code: 'workday_wrong_step', ...(step ? { detail: step } : {}) };
  },
  missingResume: () => ({ code: 'workday_resume_step' }),
};

/** The active step as the progress bar names it ("current step 1 of 5 My Information" → "My Information"). */
function currentStep(doc: Document): string {
  return textOf(doc.querySelector('[data-automation-id="progressBarActiveStep"]')).replace(/^current step \d+ of \d+\s*/i, '');
}
