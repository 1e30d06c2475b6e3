import { useId, useState } from 'react';
import { i18n } from '#i18n';
import { type Cv, isoPartialDateSchema } from '@/lib/cv/model';

type Key = Parameters<typeof i18n.t>[0];

/**
 * The parsed CV as editable fields. A field is saved when it loses focus (one write per change); dates
 * must be JSON Resume dates (YYYY, YYYY-MM or YYYY-MM-DD) and are refused otherwise, with a message.
 * Focusing an entry reports its source lines so the original text beside it can be marked.
 */
export function CvEditor({ cv, onChange, onFocusLines }: { cv: Cv; onChange(next: Cv): void; onFocusLines(ids: string[]): void }) {
  const edit = (mutate: (draft: Cv) => void) => {
    const draft = structuredClone(cv);
    mutate(draft);
    onChange(draft);
  };
  const set = <T extends object>(target: T, key: keyof T & string, value: string | string[] | undefined) => {
    const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value === '');
    if (empty) delete (target as Record<string, unknown>)[key];
    else (target as Record<string, unknown>)[key] = value;
  };
  const lines = (v: string) => v.split('\n').map((l) => l.trim()).filter(Boolean);
  const list = (v: string) => v.split(',').map((l) => l.trim()).filter(Boolean);

  return (
    <div className="jf-cv-editor" data-testid="cv-editor">
      <fieldset className="jf-cv-section" onFocus={() => onFocusLines(cv.basics.sourceLineIds ?? [])}>
        <legend>{i18n.t('cv.sectionBasics')}</legend>
        {(['name', 'label', 'email', 'phone', 'url'] as const).map((k) => (
          <Field key={k} label={i18n.t(`cv.${k}` as Key)} value={cv.basics[k] ?? ''} testId={`cv-basics-${k}`} onCommit={(v) => edit((d) => set(d.basics, k, v))} />
        ))}
        <Field label={i18n.t('cv.summary')} multiline value={cv.basics.summary ?? ''} testId="cv-basics-summary" onCommit={(v) => edit((d) => set(d.basics, 'summary', v))} />
      </fieldset>

      <fieldset className="jf-cv-section">
        <legend>{i18n.t('cv.sectionWork')}</legend>
        {cv.work.map((w, i) => (
          <div key={i} className="jf-cv-entry" data-testid="cv-work" onFocus={() => onFocusLines(w.sourceLineIds ?? [])}>
            <Field label={i18n.t('cv.position')} value={w.position ?? ''} testId={`cv-work-${i}-position`} onCommit={(v) => edit((d) => set(d.work[i]!, 'position', v))} />
            <Field label={i18n.t('cv.employer')} value={w.name ?? ''} testId={`cv-work-${i}-name`} onCommit={(v) => edit((d) => set(d.work[i]!, 'name', v))} />
            <Field label={i18n.t('cv.location')} value={w.location ?? ''} onCommit={(v) => edit((d) => set(d.work[i]!, 'location', v))} />
            <div className="jf-cv-dates">
              <Field label={i18n.t('cv.start')} date value={w.startDate ?? ''} testId={`cv-work-${i}-start`} onCommit={(v) => edit((d) => set(d.work[i]!, 'startDate', v))} />
              <Field label={i18n.t('cv.end')} date value={w.endDate ?? ''} testId={`cv-work-${i}-end`} onCommit={(v) => edit((d) => set(d.work[i]!, 'endDate', v))} />
            </div>
            <Field label={i18n.t('cv.highlights')} multiline value={(w.highlights ?? []).join('\n')} onCommit={(v) => edit((d) => set(d.work[i]!, 'highlights', lines(v)))} />
            <button className="jf-link" onClick={() => edit((d) => void d.work.splice(i, 1))}>
              {i18n.t('cv.removeEntry')}
            </button>
          </div>
        ))}
        <button className="jf-button secondary" onClick={() => edit((d) => void d.work.push({}))} data-testid="cv-add-work">
          {i18n.t('cv.addWork')}
        </button>
      </fieldset>

      <fieldset className="jf-cv-section">
        <legend>{i18n.t('cv.sectionEducation')}</legend>
        {cv.education.map((e, i) => (
          <div key={i} className="jf-cv-entry" data-testid="cv-education" onFocus={() => onFocusLines(e.sourceLineIds ?? [])}>
            <Field label={i18n.t('cv.institution')} value={e.institution ?? ''} testId={`cv-education-${i}-institution`} onCommit={(v) => edit((d) => set(d.education[i]!, 'institution', v))} />
            <Field label={i18n.t('cv.studyType')} value={e.studyType ?? ''} onCommit={(v) => edit((d) => set(d.education[i]!, 'studyType', v))} />
            <Field label={i18n.t('cv.area')} value={e.area ?? ''} onCommit={(v) => edit((d) => set(d.education[i]!, 'area', v))} />
            <div className="jf-cv-dates">
              <Field label={i18n.t('cv.start')} date value={e.startDate ?? ''} onCommit={(v) => edit((d) => set(d.education[i]!, 'startDate', v))} />
              <Field label={i18n.t('cv.end')} date value={e.endDate ?? ''} onCommit={(v) => edit((d) => set(d.education[i]!, 'endDate', v))} />
            </div>
            <button className="jf-link" onClick={() => edit((d) => void d.education.splice(i, 1))}>
              {i18n.t('cv.removeEntry')}
            </button>
          </div>
        ))}
        <button className="jf-button secondary" onClick={() => edit((d) => void d.education.push({}))}>
          {i18n.t('cv.addEducation')}
        </button>
      </fieldset>

      <fieldset className="jf-cv-section">
        <legend>{i18n.t('cv.sectionSkills')}</legend>
        {cv.skills.map((s, i) => (
          <div key={i} className="jf-cv-entry" data-testid="cv-skill" onFocus={() => onFocusLines(s.sourceLineIds ?? [])}>
            <Field label={i18n.t('cv.skillName')} value={s.name ?? ''} onCommit={(v) => edit((d) => set(d.skills[i]!, 'name', v))} />
            <Field label={i18n.t('cv.keywords')} value={(s.keywords ?? []).join(', ')} onCommit={(v) => edit((d) => set(d.skills[i]!, 'keywords', list(v)))} />
            <button className="jf-link" onClick={() => edit((d) => void d.skills.splice(i, 1))}>
              {i18n.t('cv.removeEntry')}
            </button>
          </div>
        ))}
        <button className="jf-button secondary" onClick={() => edit((d) => void d.skills.push({}))}>
          {i18n.t('cv.addSkill')}
        </button>
      </fieldset>
    </div>
  );
}

function Field({
  label,
  value,
  onCommit,
  multiline,
  date,
  testId,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  date?: boolean;
  testId?: string;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // A new saved value (from this field or elsewhere) replaces what is being typed.
  const [saved, setSaved] = useState(value);
  if (saved !== value) {
    setSaved(value);
    setText(value);
    setInvalid(false);
  }
  const commit = () => {
    const v = multiline ? text.trim() : text.trim().replace(/\s+/g, ' ');
    if (v === value) return;
    if (date && v !== '' && !isoPartialDateSchema.safeParse(v).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onCommit(v);
  };
  const props = {
    id,
    value: text,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    'data-testid': testId,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: commit,
  };
  return (
    <div className="jf-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={Math.min(8, Math.max(2, text.split('\n').length))} {...props} /> : <input {...props} placeholder={date ? 'YYYY-MM' : undefined} />}
      {invalid ? (
        <span id={`${id}-error`} className="jf-error" role="alert">
          {i18n.t('cv.invalidDate')}
        </span>
      ) : null}
    </div>
  );
}
