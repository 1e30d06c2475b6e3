import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AtsPanel, fieldLabel } from './AtsPanel';
import { CvList } from './CvList';
import { CvWarnings } from './CvWarnings';
import { SourceLines } from './SourceLines';

// Messages come back as `[key:substitutions]`, so the tests see which translation each spot asks for.
beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return `[${name}${list.length ? `:${list.join('|')}` : ''}]`;
  });
});

describe('CV components', () => {
  it('CvList stars the default and groups tailored versions under their job', () => {
    const html = renderToStaticMarkup(
      <CvList
        selectedId="b"
        onSelect={() => undefined}
        items={[
          { id: 'a', name: 'Main', isDefault: true },
          { id: 'b', name: 'Data roles', isDefault: false },
          { id: 't1', name: 'For Acme', isDefault: false, parentId: 'a', jobLabel: 'Analyst · Acme' },
          { id: 't2', name: 'For Acme, short', isDefault: false, parentId: 'a', jobLabel: 'Analyst · Acme' },
          { id: 't3', name: 'Unlinked', isDefault: false, parentId: 'b' },
        ]}
      />,
    );
    expect(html.match(/jf-cv-star/g)).toHaveLength(1);
    expect(html.match(/data-testid="cv-tailored-group"/g)).toHaveLength(2);
    expect(html).toContain('[cv_tailoredFor:Analyst · Acme]');
    expect(html).toContain('[cv_tailoredFor:[cv_tailoredNoJob]]');
    expect(html).toMatch(/aria-current="true"[^>]*>(?:(?!<\/button>).)*Data roles/);
  });

  it('names the fields an ATS read differently, and shows CV text as text only', () => {
    expect(fieldLabel('basics.email')).toBe('[cv_field_basics_email]');
    expect(fieldLabel('work[1].position')).toBe('[cv_field_work_position] (2)');
    const html = renderToStaticMarkup(
      <AtsPanel state={{ status: 'done', differences: [{ field: 'work[0].name', expected: '<b>Acme</b>', actual: '' }] }} onRun={() => undefined} />,
    );
    expect(html).toContain('[cv_field_work_name] (1)');
    expect(html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
    expect(html).toContain('[cv_atsMissing]');
    expect(renderToStaticMarkup(<AtsPanel state={{ status: 'done', differences: [] }} onRun={() => undefined} />)).toContain('data-testid="cv-ats-clean">[cv_atsClean]');
  });

  it('explains each warning and marks the source lines of the entry being edited', () => {
    const warnings = renderToStaticMarkup(<CvWarnings warnings={[{ code: 'latex_input_missing', detail: 'publications' }, { code: 'html_removed' }]} />);
    expect(warnings).toContain('data-code="latex_input_missing">[cv_warning_latex_input_missing]');
    expect(warnings).toContain('(publications)');
    expect(renderToStaticMarkup(<CvWarnings warnings={[]} />)).toBe('');
    const lines = renderToStaticMarkup(
      <SourceLines
        highlighted={new Set(['l2'])}
        lines={[
          { id: 'l1', text: 'Jordan Avery', origin: { page: 1, line: 1 } },
          { id: 'l2', text: 'Staff Data Engineer', origin: { page: 1, line: 4 } },
        ]}
      />,
    );
    expect(lines).toContain('[cv_originPage:1|4]');
    expect(lines.match(/class="marked"/g)).toHaveLength(1);
    expect(lines).toMatch(/class="marked" data-line-id="l2"/);
  });
});
