import type { FieldMatch } from '../fields';
import { textOf } from '../text';
import { hostIs, type AtsModule } from './types';

// Workday (*.myworkdayjobs.com): every control carries `data-automation-id`. The application is a
// multi-step flow; the resume is uploaded on "My Experience", contact details are on "My Information".
const byAutomationId: Record<string, FieldMatch> = {
  legalNameSection_firstName: { kind: 'profile', field: 'firstName' },
  legalNameSection_lastName: { kind: 'profile', field: 'lastName' },
  email: { kind: 'profile', field: 'email' },
  'phone-number': { kind: 'profile', field: 'phone' },
  addressSection_city: { kind: 'profile', field: 'city' },
  'file-upload-input-ref': { kind: 'resume' },
  linkedinQuestion: { kind: 'profile', field: 'linkedin' },
  gender: { kind: 'sensitive', topic: 'gender' },
  ethnicityDropdown: { kind: 'sensitive', topic: 'race' },
  veteranStatus: { kind: 'sensitive', topic: 'veteran' },
  disabilityStatus: { kind: 'sensitive', topic: 'disability' },
};

function automationId(element: Element): string | undefined {
  return element.closest('[data-automation-id]')?.getAttribute('data-automation-id') ?? undefined;
}

export const workday: AtsModule = {
  name: 'workday',
  detect: (doc) => hostIs(doc, /(^|\.)(myworkdayjobs|workday)\.com$/) || doc.querySelector('[data-automation-id="applyFlowPage"], [data-automation-id="progressBar"]') !== null,
  refine(control) {
    const own = control.element.getAttribute('data-automation-id');
    return byAutomationId[own ?? ''] ?? byAutomationId[automationId(control.element) ?? ''];
  },
  uploaded: (root) => root.querySelector('[data-automation-id="file-upload-successful"], [data-automation-id="file-upload-item"]') !== null,
  stepProblem(doc, controls) {
    const fillable = controls.some((c) => c.type === 'file' || workday.refine?.(c)?.kind === 'profile');
    if (fillable) return undefined;
    const start = doc.querySelector('[data-automation-id="applyManually"], [data-automation-id="autofillWithResume"], [data-automation-id="signInContent"]');
    const step = textOf(doc.querySelector('[data-automation-id="progressBarActiveStep"]'));
    if (!start && !step) return undefined;
    return { code: 'workday_wrong_step', ...(step ? { detail: step.replace(/^current step \d+ of \d+\s*/i, '') } : {}) };
  },
};
