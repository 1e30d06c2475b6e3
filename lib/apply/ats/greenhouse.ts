import type { FieldMatch } from '../fields';
import { hostIs, type AtsModule } from './types';

// Greenhouse job boards, new (job-boards.greenhouse.io, React) and classic (boards.greenhouse.io): the
// standard fields keep the same ids; custom questions are `question_<n>` with a label.
const byId: Record<string, FieldMatch> = {
  first_name: { kind: 'profile', field: 'firstName' },
  last_name: { kind: 'profile', field: 'lastName' },
  email: { kind: 'profile', field: 'email' },
  phone: { kind: 'profile', field: 'phone' },
  resume: { kind: 'resume' },
  cover_letter: { kind: 'coverLetter' },
  resume_text: { kind: 'resume' },
  cover_letter_text: { kind: 'coverLetter' },
};

/** The embed script puts the board in `<iframe id="grnhse_iframe">` served by greenhouse.io. */
export function greenhouseEmbed(doc: Document): HTMLIFrameElement | undefined {
  return doc.querySelector<HTMLIFrameElement>('iframe#grnhse_iframe') ?? undefined;
}

export const greenhouse: AtsModule = {
  name: 'greenhouse',
  detect: (doc) =>
    hostIs(doc, /(^|\.)greenhouse\.io$/) || doc.querySelector('#application-form.application--form, #application_form, #grnhse_app form') !== null,
  refine(control) {
    const id = control.element.id;
    const name = control.element.getAttribute('name') ?? '';
    const classic = /^job_application\[(first_name|last_name|email|phone)\]$/.exec(name)?.[1];
    return byId[id] ?? (classic ? byId[classic] : undefined);
  },
  uploaded: (root, fileName) =>
    Array.from(root.querySelectorAll('.file-upload__filename, .filename, #resume_filename, [data-testid="file-upload-filename"]')).some((el) =>
      (el.textContent ?? '').includes(fileName),
    ),
};
