import { detectAts, greenhouseEmbed, type AtsModule } from './ats';
import { isListButton, isSelect, type FormControl } from './controls';
import { attachFile, check, fileFromBase64, setNativeValue, clearFile } from './dom-write';
import { classifyForm, type ClassifiedControl } from './match';
import { isPlaceholderOption, matchOption } from './options';
import type { FillPlan, FillProblem, FillReport, FilledField, LeftField } from './report';
import { normalizeQuestion, textOf } from './text';
import { waitForUpload, type UploadOutcome } from './wait';

/** One way back per written control, kept in the content script's world until the next fill. */
export type UndoLog = (() => void)[];

export interface FillEnv {
  undo: UndoLog;
  /** How a file gets into an input; `attachFile` (DataTransfer) in browsers. */
  attach?: (input: HTMLInputElement, file: File) => void;
}

export function isFilled(control: FormControl): boolean {
  const el = control.element;
  if (control.type === 'radio') return (control.group ?? []).some((r) => r.checked);
  if (control.type === 'checkbox') return (el as HTMLInputElement).checked;
  if (control.type === 'file') return ((el as HTMLInputElement).files?.length ?? 0) > 0;
  if (isListButton(el)) return !isPlaceholderOption(textOf(el));
  if (isSelect(el)) {
    const selected = el.selectedOptions[0];
    return Boolean(selected && el.value !== '' && !isPlaceholderOption(selected.text));
  }
  return el.value.trim() !== '';
}

const labelOf = (control: FormControl) =>
  control.label.replace(/^[\s*\u00a0\u2731]+|[\s*\u00a0\u2731]+$/g, '').trim() || control.element.getAttribute('name') || control.element.id;

/** Fields a form may rightly ask twice (a confirmation box); any other profile field is filled once. */
const REPEATABLE = new Set(['email']);

/** Reads the control back: a site that ignored the synthetic events (or reset the value) is caught here. */
function kept(control: FormControl, value: string): boolean {
  const el = control.element;
  if (control.type === 'radio' || control.type === 'checkbox') return true;
  return el.value === value;
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Fills the form in `doc`: first the resume file (then a bounded wait for the site's upload marker and
 * resume-parse autofill), then every recognised field that is still empty. Never touches a field that
 * already has a value, never types into a control it could not classify, never submits. Sensitive
 * questions are answered only from saved answers.
 */
export async function fillForm(doc: Document, plan: FillPlan, env: FillEnv): Promise<FillReport> {
  const ats = detectAts(doc);
  const view = doc.defaultView ?? window;
  const report: FillReport = {
    url: doc.URL,
    origin: view.location.origin,
    ...(ats ? { ats: ats.name } : {}),
    filled: [],
    left: [],
    problems: [],
  };
  const root = doc.body ?? doc;
  let controls = classifyForm(root, ats);

  const step = ats?.stepProblem?.(doc, controls);
  if (step) {
    report.problems.push(step);
    return report;
  }
  report.problems.push(...frameProblems(doc, controls));
  // Nothing to fill here: one "no form" (or the frame the form is in), not a missing file input on top.
  if (controls.length === 0) {
    if (!report.problems.some((p) => p.code === 'cross_origin_iframe')) report.problems.push({ code: 'no_form' });
    return report;
  }

  if (plan.resume) {
    const outcome = await fillResume(controls, plan, report, env, ats, doc);
    // The site may have rebuilt the form or filled fields from the parsed resume: look again.
    if (outcome && outcome !== 'no_reaction') controls = classifyForm(root, ats);
  }

  const ignored: string[] = [];
  const used = new Set<string>();
  for (const control of controls) {
    if (control.type === 'file') {
      const letter = control.match.kind === 'coverLetter' ? attachCoverLetter(control, plan, env) : undefined;
      if (letter && 'reason' in letter) report.left.push(letter);
      else if (letter) report.filled.push(letter);
      continue;
    }
    // A second "City" or "Title" further down belongs to an education or job entry, not to the person.
    const field = control.match.kind === 'profile' ? control.match.field : undefined;
    if (field && used.has(field) && !REPEATABLE.has(field)) {
      report.left.push({ label: labelOf(control), question: normalizeQuestion(control.label), reason: 'repeated' });
      continue;
    }
    if (field) used.add(field);
    const before = env.undo.length;
    const result = await fillControl(control, plan, env);
    if (!result) continue;
    if (!('reason' in result) && env.undo.length > before) result.undoId = env.undo.length - 1;
    if ('reason' in result) {
      if (result.reason === 'site_refused') ignored.push(result.label);
      report.left.push(result);
    } else report.filled.push(result);
  }
  if (ignored.length) report.problems.push({ code: 'synthetic_ignored', detail: ignored.slice(0, 5).join(', ') });
  return report;
}

/** Cross-origin frames the fill cannot reach from here (a Greenhouse embed, or a form in an iframe). */
function frameProblems(doc: Document, controls: ClassifiedControl[]): FillProblem[] {
  const here = doc.defaultView?.location.origin;
  const origins = new Set<string>();
  const embed = greenhouseEmbed(doc);
  const fillable = controls.some((c) => c.match.kind === 'profile' || c.match.kind === 'resume');
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    if (frame !== embed && fillable) continue;
    try {
      const origin = new URL(frame.src, doc.baseURI).origin;
      if (origin !== here && /^https?:/.test(origin)) origins.add(origin);
    } catch {
      // An iframe without a usable src (about:blank, srcdoc) is same-origin or empty.
    }
  }
  return [...origins].map((detail) => ({ code: 'cross_origin_iframe', detail }));
}

async function fillResume(
  controls: ClassifiedControl[],
  plan: FillPlan,
  report: FillReport,
  env: FillEnv,
  ats: AtsModule | undefined,
  doc: Document,
): Promise<UploadOutcome | undefined> {
  const files = controls.filter((c) => c.type === 'file');
  let candidates = files.filter((c) => c.match.kind === 'resume');
  // One unlabelled file input on the form is the resume field.
  if (candidates.length === 0 && files.length === 1 && files[0]!.match.kind === 'unknown') candidates = files;
  if (candidates.length === 0) {
    if (!controls.some((c) => c.match.kind === 'resume')) report.problems.push(ats?.missingResume?.(doc) ?? { code: 'no_file_input' });
    return undefined;
  }
  // Several: the one whose own label says resume/CV, else the first.
  const target = candidates.find((c) => c.via === 'ats' || c.via === 'label') ?? candidates[0]!;
  if (files.length > 1) report.problems.push({ code: 'several_file_inputs', detail: labelOf(target) });
  const input = target.element as HTMLInputElement;
  const resume = plan.resume!;
  if (isFilled(target)) {
    report.left.push({ label: labelOf(target), question: normalizeQuestion(target.label), reason: 'already_filled' });
    return undefined;
  }
  const view = doc.defaultView as Window & typeof globalThis;
  (env.attach ?? attachFile)(input, fileFromBase64(resume.base64, resume.name, resume.type, view));
  env.undo.push(() => clearFile(input));
  const undoId = env.undo.length - 1;
  if (input.files?.[0]?.name !== resume.name) {
    report.left.push({ label: labelOf(target), question: normalizeQuestion(target.label), reason: 'site_refused' });
    report.problems.push({ code: 'synthetic_ignored', detail: labelOf(target) });
    return undefined;
  }
  report.filled.push({ label: labelOf(target), value: resume.name, source: 'cv', field: 'resume', undoId });
  const outcome = await waitForUpload(doc, ats, resume.name, plan.uploadWaitMs ?? 8000);
  if (outcome === 'timeout') report.problems.push({ code: 'upload_unconfirmed', detail: resume.name });
  return outcome;
}

type ControlResult = FilledField | LeftField | undefined;

async function fillControl(control: ClassifiedControl, plan: FillPlan, env: FillEnv): Promise<ControlResult> {
  const label = labelOf(control);
  const question = normalizeQuestion(control.label);
  const left = (reason: LeftField['reason'], extra: Partial<LeftField> = {}): LeftField => ({
    label,
    question,
    reason,
    ...(control.options.length ? { options: control.options.filter((o) => o && !isPlaceholderOption(o)).slice(0, 30) } : {}),
    ...extra,
  });
  const { match } = control;
  if (match.kind === 'unknown' || match.kind === 'resume') return undefined;

  let value: string | undefined;
  let source: FilledField['source'];
  if (match.kind === 'profile') {
    value = plan.profile[match.field];
    source = 'profile';
  } else if (match.kind === 'coverLetter') {
    value = plan.coverLetter?.text;
    source = 'coverLetter';
  } else {
    value = plan.answers.find((a) => a.question === question)?.answer;
    source = 'answer';
  }
  const topic = match.kind === 'sensitive' ? { topic: match.topic } : {};
  if (isFilled(control)) return left('already_filled', topic);
  if (!value) {
    if (match.kind === 'sensitive') return left('sensitive', topic);
    if (match.kind === 'question') return left('no_answer');
    return left('no_value');
  }
  // Custom dropdowns (react-select, UI5, Workday's list buttons) need a pick from their own list: the user's click.
  if (control.type === 'combobox') return left('pick_from_list', topic);
  const element = control.element;

  const field = match.kind === 'profile' ? match.field : match.kind === 'coverLetter' ? 'coverLetter' : undefined;
  const filled = (shown: string): FilledField => ({ label, value: shown, source, question, ...(field ? { field } : {}) });

  if (control.type === 'select' || control.type === 'radio' || control.type === 'checkbox') {
    return chooseOption(control, value, env) ? filled(value) : left('no_option', topic);
  }
  const previous = element.value;
  setNativeValue(element, value);
  env.undo.push(() => setNativeValue(element, previous));
  await nextTask();
  return kept(control, value) ? filled(value) : left('site_refused', topic);
}

function chooseOption(control: ClassifiedControl, answer: string, env: FillEnv): boolean {
  const index = matchOption(control.options, answer);
  if (index === undefined) return false;
  if (control.type === 'select') {
    const select = control.element as HTMLSelectElement;
    const previous = select.value;
    setNativeValue(select, select.options[index]!.value);
    env.undo.push(() => setNativeValue(select, previous));
    return select.selectedIndex === index;
  }
  if (control.type === 'radio') {
    const radio = control.group![index]!;
    const before = control.group!.find((r) => r.checked);
    check(radio);
    env.undo.push(() => (before ? check(before) : (radio.checked = false)));
    return radio.checked;
  }
  // A lone checkbox: "yes"-like answers check it, anything else leaves it.
  const box = control.element as HTMLInputElement;
  if (matchOption(['yes'], answer) !== 0) return false;
  check(box);
  env.undo.push(() => check(box, false));
  return box.checked;
}

/** The saved cover letter as a file, into an empty cover-letter file input. */
function attachCoverLetter(control: ClassifiedControl, plan: FillPlan, env: FillEnv): FilledField | LeftField | undefined {
  const file = plan.coverLetter?.file;
  if (!file) return undefined;
  const input = control.element as HTMLInputElement;
  const label = labelOf(control);
  const question = normalizeQuestion(control.label);
  if (isFilled(control)) return { label, question, reason: 'already_filled' };
  const view = input.ownerDocument.defaultView as Window & typeof globalThis;
  (env.attach ?? attachFile)(input, fileFromBase64(file.base64, file.name, file.type, view));
  env.undo.push(() => clearFile(input));
  if (input.files?.[0]?.name !== file.name) return { label, question, reason: 'site_refused' };
  return { label, value: file.name, source: 'coverLetter', field: 'coverLetter', undoId: env.undo.length - 1 };
}

const UNDONE = () => {};

/** Restores one field the last fill wrote (its `undoId`); the rest stay. */
export function undoOne(env: FillEnv, undoId: number): number {
  const step = env.undo[undoId];
  if (!step || step === UNDONE) return 0;
  env.undo[undoId] = UNDONE;
  step();
  return 1;
}

/** Restores every value the last fill wrote, newest first. */
export function undoFill(env: FillEnv): number {
  const steps = env.undo.splice(0).reverse();
  for (const step of steps) step();
  return steps.length;
}
