import { type Cv, toJsonResume } from '../model';

/** JSON Resume (https://jsonresume.org/schema): the model's additions removed, two-space indented. */
export function exportJsonResume(cv: Cv): string {
  return `${JSON.stringify(toJsonResume(cv), null, 2)}\n`;
}
