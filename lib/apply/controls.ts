import { fold, splitIdentifier, textOf } from './text';

export type FormElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** A form element, or a button that opens a list to pick from (Workday's dropdowns): read, never written. */
export type ControlElement = FormElement | HTMLButtonElement;
export type ControlType = 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'file' | 'combobox';

/**
 * One question on the form: a single element, or every radio of a group. A list button is always a
 * 'combobox', so a control of any other type holds a form element.
 */
export type FormControl = ControlFields &
  ({ type: 'combobox'; element: ControlElement } | { type: Exclude<ControlType, 'combobox'>; element: FormElement });

interface ControlFields {
  /** Radios of the same group (the element is the first). */
  group?: HTMLInputElement[];
  /** The question as the page labels it (label, aria, legend), raw; '' when the page gives none. */
  label: string;
  /** Texts to classify, strongest first, each folded. */
  hints: { source: 'autocomplete' | 'label' | 'name' | 'placeholder' | 'nearby'; text: string }[];
  /** Visible option texts for selects, radio groups and checkbox groups. */
  options: string[];
}

const SKIPPED_INPUT_TYPES = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'search', 'password']);

/** Every element under `root`, shadow roots included (open ones: closed roots are out of reach by design). */
export function* walk(root: ParentNode): Generator<Element> {
  for (const element of Array.from(root.querySelectorAll('*'))) {
    yield element;
    if (element.shadowRoot) yield* walk(element.shadowRoot);
  }
}

// Tag checks, not instanceof: the page, the content script's world and jsdom each have their own classes.
export const isInput = (element: Element): element is HTMLInputElement => element.tagName === 'INPUT';
export const isSelect = (element: Element): element is HTMLSelectElement => element.tagName === 'SELECT';
export const isTextArea = (element: Element): element is HTMLTextAreaElement => element.tagName === 'TEXTAREA';
/** A `<button aria-haspopup="listbox">` dropdown: its text is the choice, "Select One" until the user picks. */
export const isListButton = (element: Element): element is HTMLButtonElement => element.tagName === 'BUTTON' && element.getAttribute('aria-haspopup') === 'listbox';
/** The shadow root `node` lives in, if any. */
export function shadowRootOf(node: Node): ShadowRoot | undefined {
  const root = node.getRootNode();
  return root.nodeType === 11 && 'host' in root ? (root as ShadowRoot) : undefined;
}

function isFormElement(element: Element): element is FormElement {
  const tag = element.tagName;
  return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA';
}

const isControlElement = (element: Element): element is ControlElement => isFormElement(element) || isListButton(element);

/** Controls a person can use: not disabled, not hidden helper inputs (e.g. react-select's required mirror). */
function usable(element: ControlElement): boolean {
  if (element.disabled) return false;
  if (isInput(element) && SKIPPED_INPUT_TYPES.has(element.type)) return false;
  // File inputs are often visually hidden behind an "Attach" button; everything else hidden is a mirror.
  if (element.getAttribute('aria-hidden') === 'true' && !(isInput(element) && element.type === 'file')) return false;
  return true;
}

function controlType(element: ControlElement): ControlType {
  if (isListButton(element)) return 'combobox';
  if (isSelect(element)) return 'select';
  if (isTextArea(element)) return 'textarea';
  if (element.type === 'radio') return 'radio';
  if (element.type === 'checkbox') return 'checkbox';
  if (element.type === 'file') return 'file';
  if (element.getAttribute('role') === 'combobox' || element.getAttribute('aria-autocomplete') === 'list') return 'combobox';
  return 'text';
}

function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** The element's own label: aria-labelledby, label[for], a wrapping label, aria-label, title. */
export function ownLabel(element: ControlElement): string {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const text = labelledBy
      .split(/\s+/)
      .map((id) => textOf(byId(element, id)))
      .filter(Boolean)
      .join(' ');
    if (text) return text;
  }
  const labels = element.labels ? Array.from(element.labels).map((l) => textOf(l)).filter(Boolean) : [];
  if (labels.length === 0 && element.id) {
    // `labels` misses a label in another shadow tree level; look it up by `for` in the same root.
    const root = element.getRootNode() as Document | ShadowRoot;
    const label = root.querySelector?.(`label[for="${cssEscape(element.id)}"]`);
    if (label) labels.push(textOf(label));
  }
  if (labels.length) return labels.join(' ');
  const aria = element.getAttribute('aria-label');
  if (aria?.trim()) return aria.trim();
  // A control inside a web component: the host's label (e.g. <spl-input label="First name">).
  const host = shadowRootOf(element)?.host;
  const hostLabel = host?.getAttribute('label') ?? host?.getAttribute('aria-label');
  if (hostLabel?.trim()) return hostLabel.trim();
  return element.getAttribute('title')?.trim() ?? '';
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}

/** The question of a radio or checkbox group: its fieldset legend, or the group's aria label. */
function groupLabel(element: ControlElement): string {
  const group = element.closest('fieldset, [role="radiogroup"], [role="group"]');
  if (!group) return '';
  const legend = group.querySelector('legend');
  if (legend) return textOf(legend);
  const labelledBy = group.getAttribute('aria-labelledby');
  if (labelledBy) return labelledBy.split(/\s+/).map((id) => textOf(byId(group, id))).join(' ').trim();
  return group.getAttribute('aria-label')?.trim() ?? '';
}

/** Text just before the control in its container (a heading or div acting as a label), at most 3 levels up. */
function nearbyText(element: Element): string {
  let node: Element | null = element;
  for (let depth = 0; depth < 3 && node; depth++) {
    const sibling: Element | null = node.previousElementSibling;
    if (sibling) {
      // Another control, or a label that belongs to one, is not this control's text: stop there.
      const foreign = isFormElement(sibling) || sibling.querySelector('input, select, textarea') !== null || (sibling.tagName === 'LABEL' && sibling.hasAttribute('for'));
      if (foreign) return '';
      const text = textOf(sibling);
      if (text) return text.length <= 120 ? text : '';
    }
    node = node.parentElement;
  }
  return '';
}

function optionLabel(input: HTMLInputElement): string {
  return ownLabel(input) || (input.nextSibling?.textContent ?? '').trim() || input.value;
}

/** Every usable control under `root` (shadow roots too), radios grouped by name. */
export function collectControls(root: ParentNode): FormControl[] {
  const controls: FormControl[] = [];
  const radioGroups = new Map<string, FormControl>();
  for (const element of walk(root)) {
    if (!isControlElement(element) || !usable(element)) continue;
    const type = controlType(element);
    if (type === 'radio') {
      const input = element as HTMLInputElement;
      const key = `${input.form?.id ?? ''}|${input.name || input.id}`;
      const existing = radioGroups.get(key);
      if (existing) {
        existing.group!.push(input);
        existing.options.push(optionLabel(input));
        continue;
      }
      const control = describe(input, 'radio', groupLabel(input));
      control.group = [input];
      control.options = [optionLabel(input)];
      radioGroups.set(key, control);
      controls.push(control);
      continue;
    }
    // A lone checkbox's own label is the question ("I agree…"); in a group the legend is.
    const label = type === 'checkbox' ? groupLabel(element) || ownLabel(element) : ownLabel(element);
    const control = describe(element, type, label);
    if (isSelect(element)) control.options = Array.from(element.options).map((o) => o.text.trim());
    controls.push(control);
  }
  return controls;
}

function describe(element: ControlElement, type: ControlType, label: string): FormControl {
  const hints: FormControl['hints'] = [];
  const autocomplete = element.getAttribute('autocomplete');
  if (autocomplete) hints.push({ source: 'autocomplete', text: autocomplete.toLowerCase().trim() });
  if (label) hints.push({ source: 'label', text: fold(label) });
  const ids = [element.getAttribute('name'), element.id].map(splitIdentifier).filter(Boolean);
  for (const text of new Set(ids)) hints.push({ source: 'name', text });
  const placeholder = element.getAttribute('placeholder');
  if (placeholder) hints.push({ source: 'placeholder', text: fold(placeholder) });
  const nearby = label ? '' : nearbyText(element);
  if (nearby) hints.push({ source: 'nearby', text: fold(nearby) });
  // As in controlType: a list button is a combobox, so the other types hold a form element.
  const fields = { label: label || nearby || placeholder || '', hints, options: [] };
  return isListButton(element) ? { ...fields, element, type: 'combobox' } : { ...fields, element, type };
}
