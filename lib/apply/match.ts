import type { AtsModule } from './ats';
import { collectControls, type FormControl } from './controls';
import { autocompleteFieldOf, documentKindOf, profileFieldOf, sensitiveTopicOf, type FieldMatch, type MatchSource } from './fields';

export type ClassifiedControl = FormControl & {
  match: FieldMatch;
  /** What decided the match; undefined for unknown controls. */
  via?: MatchSource;
};

/** Text-like types a profile value may go into. */
const TEXTUAL = new Set(['text', 'textarea']);

/**
 * What a control asks for. The ATS module's known markup wins; then, per hint in order of strength
 * (autocomplete, label, name/id, placeholder, nearby text): sensitive topics first, then documents for
 * file inputs and textareas, then profile fields. A labelled control that fits nothing is a `question`
 * (answer bank); a control with no usable text is `unknown` and is never typed into.
 */
export function classifyControl(control: FormControl, ats?: AtsModule): ClassifiedControl {
  const known = ats?.refine?.(control);
  if (known) return { ...control, match: known, via: 'ats' };
  for (const hint of control.hints) {
    if (hint.source === 'autocomplete') {
      const field = autocompleteFieldOf(hint.text);
      if (field && TEXTUAL.has(control.type)) return { ...control, match: { kind: 'profile', field }, via: 'autocomplete' };
      continue;
    }
    const topic = sensitiveTopicOf(hint.text);
    if (topic) return { ...control, match: { kind: 'sensitive', topic }, via: hint.source };
    if (control.type === 'file' || control.type === 'textarea') {
      const kind = documentKindOf(hint.text);
      if (kind) return { ...control, match: { kind }, via: hint.source };
      if (control.type === 'file') continue;
    }
    if (TEXTUAL.has(control.type)) {
      const field = profileFieldOf(hint.text);
      if (field) return { ...control, match: { kind: 'profile', field }, via: hint.source };
    }
  }
  if (control.type === 'file') return { ...control, match: { kind: 'unknown' } };
  return { ...control, match: control.label.trim() ? { kind: 'question' } : { kind: 'unknown' } };
}

/** Every control under `root`, classified. */
export function classifyForm(root: ParentNode, ats?: AtsModule): ClassifiedControl[] {
  return collectControls(root).map((control) => classifyControl(control, ats));
}
