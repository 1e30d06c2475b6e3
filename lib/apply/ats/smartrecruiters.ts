import { shadowRootOf } from '../controls';
import type { FieldMatch } from '../fields';
import { hostIs, type AtsModule } from './types';

// SmartRecruiters (jobs.smartrecruiters.com, one-click apply): fields are web components (`spl-input`,
// `spl-phone-field`, `spl-dropzone`) whose real inputs sit in their shadow roots; the host's id names the field.
const byHostId: Record<string, FieldMatch> = {
  'first-name-input': { kind: 'profile', field: 'firstName' },
  'last-name-input': { kind: 'profile', field: 'lastName' },
  'email-input': { kind: 'profile', field: 'email' },
  'confirm-email-input': { kind: 'profile', field: 'email' },
  'phone-number-input': { kind: 'profile', field: 'phone' },
  'linkedin-input': { kind: 'profile', field: 'linkedin' },
  'website-input': { kind: 'profile', field: 'website' },
  'location-input': { kind: 'profile', field: 'location' },
  'resume-dropzone': { kind: 'resume' },
  'hiring-manager-message-input': { kind: 'coverLetter' },
};

function hostIds(element: Element): string[] {
  const ids: string[] = [];
  let node: Node = element;
  for (let depth = 0; depth < 4; depth++) {
    const root = shadowRootOf(node);
    if (!root) break;
    ids.push(root.host.id);
    node = root.host;
  }
  return ids;
}

export const smartrecruiters: AtsModule = {
  name: 'smartrecruiters',
  detect: (doc) => hostIs(doc, /(^|\.)smartrecruiters\.com$/) || doc.querySelector('oc-oneclick-form, spl-input, spl-dropzone') !== null,
  refine(control) {
    for (const id of hostIds(control.element)) if (byHostId[id]) return byHostId[id];
    return byHostId[control.element.id];
  },
  uploaded: (root, fileName) =>
    Array.from(root.querySelectorAll('spl-dropzone, [data-test="file-name"]')).some((el) =>
      ((el.shadowRoot?.textContent ?? '') + (el.textContent ?? '')).includes(fileName),
    ),
};
