import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { fillForm, undoFill, undoOne, type FillEnv } from './fill';
import type { FillPlan } from './report';
import { normalizeQuestion } from './text';

function page(html: string, url = 'https://careers.example.com/apply'): Document {
  return new JSDOM(html, { url, pretendToBeVisual: true }).window.document;
}
const fixture = (file: string) => page(readFileSync(path.resolve('lib/apply/fixtures', file), 'utf8'));

/** jsdom has no DataTransfer: the file goes in as the browser's FileList would hold it (e2e covers the real path). */
function env(): FillEnv {
  return {
    undo: [],
    attach(input, file) {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new input.ownerDocument.defaultView!.Event('change', { bubbles: true }));
    },
  };
}

const plan: FillPlan = {
  profile: {
    firstName: 'Ana',
    lastName: 'García',
    fullName: 'Ana García',
    email: 'ana@example.com',
    phone: '+34 600 000 000',
    location: 'Madrid, Spain',
    city: 'Madrid',
    linkedin: 'https://www.linkedin.com/in/ana',
    github: 'https://github.com/ana',
    website: 'https://ana.dev',
    currentCompany: 'Acme',
    currentTitle: 'Data Engineer',
  },
  resume: { name: 'Ana_Garcia_CV.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.7 test').toString('base64') },
  coverLetter: { text: 'Dear team, …' },
  answers: [],
  uploadWaitMs: 2000,
};

const value = (doc: Document, selector: string) => (doc.querySelector(selector) as HTMLInputElement).value;

describe('fillForm on a generic form', () => {
  it('puts the CV in the resume input, fills recognised empty fields, and reports each with its source', async () => {
    const doc = fixture('generic-en.html');
    const report = await fillForm(doc, plan, env());
    const resume = doc.querySelector<HTMLInputElement>('#cv')!;
    expect(resume.files?.[0]?.name).toBe('Ana_Garcia_CV.pdf');
    expect(resume.files![0]).toMatchObject({ type: 'application/pdf', size: '%PDF-1.7 test'.length });
    expect(value(doc, '#fn')).toBe('Ana');
    expect(value(doc, '[name=lname]')).toBe('García');
    expect(value(doc, '[name=contact]')).toBe('ana@example.com');
    expect(value(doc, '[aria-label="Mobile number"]')).toBe('+34 600 000 000');
    expect(value(doc, '#githubProfile')).toBe('https://github.com/ana');
    expect(value(doc, '#cl')).toBe('Dear team, …');
    expect(report.filled).toContainEqual(expect.objectContaining({ label: 'First name', value: 'Ana', source: 'profile', field: 'firstName' }));
    expect(report.filled).toContainEqual(expect.objectContaining({ label: 'Resume/CV', value: 'Ana_Garcia_CV.pdf', source: 'cv', field: 'resume' }));
    expect(report.filled).toContainEqual(expect.objectContaining({ label: 'Cover letter', value: 'Dear team, …', source: 'coverLetter', field: 'coverLetter' }));
    // Two file inputs: the resume one was chosen by its label, and the report says so.
    expect(report.problems).toContainEqual({ code: 'several_file_inputs', detail: 'Resume/CV' });
    expect(doc.querySelector<HTMLInputElement>('#clf')!.files?.length ?? 0).toBe(0);
  });

  it('leaves sensitive questions, unanswered questions and unrecognised fields empty, and lists them', async () => {
    const doc = fixture('generic-en.html');
    const report = await fillForm(doc, plan, env());
    for (const id of ['#visa', '#gender', '#race', '#vet', '#dis']) expect(doc.querySelector<HTMLSelectElement>(id)!.selectedIndex, id).toBe(0);
    expect(Array.from(doc.querySelectorAll<HTMLInputElement>('[name=auth]')).some((r) => r.checked)).toBe(false);
    expect(value(doc, '[name=field_1729]')).toBe('');
    expect(value(doc, '#hear')).toBe('');
    expect(value(doc, '#pref')).toBe('');
    const reasons = Object.fromEntries(report.left.map((l) => [l.label, l.reason]));
    expect(reasons).toMatchObject({ Gender: 'sensitive', 'How did you hear about us?': 'no_answer', 'Preferred first name': 'no_answer' });
    expect(report.left.find((l) => l.label === 'Gender')).toMatchObject({ topic: 'gender', options: ['Female', 'Male', 'Decline to self-identify'] });
    expect(report.left.some((l) => l.label === 'field_1729')).toBe(false);
    expect(report.filled.some((f) => f.label === 'field_1729')).toBe(false);
  });

  it('answers questions, sensitive ones included, only from saved answers, matching options by their text', async () => {
    const doc = fixture('generic-en.html');
    const answers = [
      { question: normalizeQuestion('Gender'), answer: 'Decline to self-identify' },
      { question: normalizeQuestion('Are you legally authorized to work in the United Kingdom?'), answer: 'Yes' },
      { question: normalizeQuestion('How did you hear about us?'), answer: 'A friend' },
      { question: normalizeQuestion('Disability status'), answer: 'Something not offered' },
    ];
    const report = await fillForm(doc, { ...plan, answers }, env());
    const gender = doc.querySelector<HTMLSelectElement>('#gender')!;
    expect(gender.selectedOptions[0]!.text).toBe('Decline to self-identify');
    expect(doc.querySelector<HTMLInputElement>('[name=auth][value="1"]')!.checked).toBe(true);
    expect(value(doc, '#hear')).toBe('A friend');
    expect(report.filled).toContainEqual(expect.objectContaining({ label: 'Gender', value: 'Decline to self-identify', source: 'answer' }));
    // An answer that fits none of the options is not forced in.
    expect(doc.querySelector<HTMLSelectElement>('#dis')!.selectedIndex).toBe(0);
    expect(report.left.find((l) => l.label === 'Disability status')?.reason).toBe('no_option');
  });

  it('never touches what the user already filled in', async () => {
    const doc = fixture('generic-en.html');
    (doc.querySelector('#fn') as HTMLInputElement).value = 'Annie';
    doc.querySelector<HTMLSelectElement>('#gender')!.selectedIndex = 1;
    const report = await fillForm(doc, { ...plan, answers: [{ question: 'gender', answer: 'Male' }] }, env());
    expect(value(doc, '#fn')).toBe('Annie');
    expect(doc.querySelector<HTMLSelectElement>('#gender')!.selectedOptions[0]!.text).toBe('Female');
    expect(report.left.filter((l) => l.reason === 'already_filled').map((l) => l.label)).toEqual(['First name', 'Gender']);
  });

  it('undo restores every previous value and empties the file input', async () => {
    const doc = fixture('generic-en.html');
    const fillEnv = env();
    (doc.querySelector('#hear') as HTMLInputElement).value = '';
    await fillForm(doc, { ...plan, answers: [{ question: 'gender', answer: 'Male' }] }, fillEnv);
    expect(value(doc, '#fn')).toBe('Ana');
    const restored = undoFill(fillEnv);
    expect(restored).toBeGreaterThan(5);
    expect(value(doc, '#fn')).toBe('');
    expect(value(doc, '#cl')).toBe('');
    expect(doc.querySelector<HTMLSelectElement>('#gender')!.selectedIndex).toBe(0);
    expect(value(doc, '#cv')).toBe('');
    expect(undoFill(fillEnv)).toBe(0);
  });

  it('undoes one field by its undoId and leaves the others', async () => {
    const doc = fixture('generic-en.html');
    const fillEnv = env();
    const report = await fillForm(doc, plan, fillEnv);
    const first = report.filled.find((f) => f.field === 'firstName')!;
    expect(first.undoId).toBeTypeOf('number');
    expect(undoOne(fillEnv, first.undoId!)).toBe(1);
    expect(value(doc, '#fn')).toBe('');
    expect(value(doc, '[name=lname]')).toBe('García');
    // Undone once: a second undo of the same field does nothing; undo all still restores the rest.
    expect(undoOne(fillEnv, first.undoId!)).toBe(0);
    undoFill(fillEnv);
    expect(value(doc, '[name=lname]')).toBe('');
  });

  it('attaches the cover letter file to a cover-letter file input when the plan has one', async () => {
    const doc = fixture('generic-en.html');
    const letter = { name: 'Ana-Garcia-Cover-letter.pdf', type: 'application/pdf', base64: Buffer.from('%PDF letter').toString('base64') };
    const report = await fillForm(doc, { ...plan, coverLetter: { text: 'Dear team', file: letter } }, env());
    expect(doc.querySelector<HTMLInputElement>('#clf')!.files?.[0]?.name).toBe('Ana-Garcia-Cover-letter.pdf');
    expect(doc.querySelector<HTMLInputElement>('#cv')!.files?.[0]?.name).toBe('Ana_Garcia_CV.pdf');
    expect(report.filled).toContainEqual(expect.objectContaining({ value: 'Ana-Garcia-Cover-letter.pdf', source: 'coverLetter', field: 'coverLetter' }));
  });

  it('fires the events a controlled input listens to, and catches a site that throws the value away', async () => {
    const doc = page(
      '<form><label for="e">Email</label><input id="e"><label for="p">Phone</label><input id="p"></form>',
    );
    const seen: string[] = [];
    const email = doc.querySelector('#e')!;
    for (const type of ['input', 'change', 'blur']) email.addEventListener(type, () => seen.push(type));
    // A site that resets the field on every input event (as if its state ignored synthetic events).
    doc.querySelector('#p')!.addEventListener('input', (e) => ((e.target as HTMLInputElement).value = ''));
    const report = await fillForm(doc, { ...plan, resume: undefined }, env());
    expect(seen).toEqual(['input', 'change', 'blur']);
    expect(value(doc, '#e')).toBe('ana@example.com');
    expect(report.left).toContainEqual(expect.objectContaining({ label: 'Phone', reason: 'site_refused' }));
    expect(report.problems).toContainEqual({ code: 'synthetic_ignored', detail: 'Phone' });
  });
});

describe('fillForm: what cannot be done is said', () => {
  it('a form with no file input', async () => {
    const report = await fillForm(page('<form><label for="e">Email</label><input id="e"></form>'), plan, env());
    expect(report.problems).toContainEqual({ code: 'no_file_input' });
    expect(report.filled.map((f) => f.field)).toEqual(['email']);
  });

  it('a lone unlabelled file input is the resume field', async () => {
    const doc = page('<form><input type="file" id="upload"></form>');
    const report = await fillForm(doc, plan, env());
    expect(doc.querySelector<HTMLInputElement>('#upload')!.files?.[0]?.name).toBe('Ana_Garcia_CV.pdf');
    expect(report.problems).toEqual([]);
  });

  it('a Greenhouse board embedded from another origin', async () => {
    const doc = page('<div id="grnhse_app"><iframe id="grnhse_iframe" src="https://job-boards.greenhouse.io/embed/job_app?for=acme&token=1"></iframe></div>');
    const report = await fillForm(doc, plan, env());
    expect(report.problems).toContainEqual({ code: 'cross_origin_iframe', detail: 'https://job-boards.greenhouse.io' });
    expect(report.problems.some((p) => p.code === 'no_form')).toBe(false);
    expect(report.filled).toEqual([]);
  });

  it('a page with no form at all', async () => {
    const report = await fillForm(page('<p>Thanks for applying</p>'), plan, env());
    expect(report.problems).toContainEqual({ code: 'no_form' });
  });

  it('waits for the site to show the upload before filling, and keeps what its resume parser filled', async () => {
    const doc = page('<form><label for="cv">Resume</label><input type="file" id="cv"><div id="status"></div><label for="n">Full name</label><input id="n"><label for="e">Email</label><input id="e"></form>');
    doc.querySelector('#cv')!.addEventListener('change', () => {
      doc.querySelector('#status')!.textContent = 'Uploading…';
      setTimeout(() => {
        doc.querySelector('#status')!.textContent = 'Ana_Garcia_CV.pdf';
        (doc.querySelector('#n') as HTMLInputElement).value = 'Ana G. (parsed)';
      }, 300);
    });
    const report = await fillForm(doc, plan, env());
    expect(value(doc, '#n')).toBe('Ana G. (parsed)');
    expect(value(doc, '#e')).toBe('ana@example.com');
    expect(report.left).toContainEqual(expect.objectContaining({ label: 'Full name', reason: 'already_filled' }));
    expect(report.problems).toEqual([]);
  });

  it('says when the site never confirmed the upload', async () => {
    const doc = page('<form><label for="cv">Resume</label><input type="file" id="cv"><div id="spinner"></div></form>');
    doc.querySelector('#cv')!.addEventListener('change', () => {
      let n = 0;
      const tick = setInterval(() => {
        doc.querySelector('#spinner')!.textContent = `working ${n++}`;
        if (n > 20) clearInterval(tick);
      }, 50);
    });
    const report = await fillForm(doc, { ...plan, uploadWaitMs: 700 }, env());
    expect(report.problems).toContainEqual({ code: 'upload_unconfirmed', detail: 'Ana_Garcia_CV.pdf' });
  });
});

// Workday's newer layout (2024 on): the key only on the `formField-<key>` box, the input named
// `name--legalName--firstName`; dropdowns are list buttons. The older layout is the e2e fixture's.
const workdayUrl = 'https://acme.wd3.myworkdayjobs.com/en-US/careers/job/Lisbon/Senior-Frontend-Engineer_R1/apply/applyManually';
const progress = (step: string) => `<div data-automation-id="progressBar"><ol><li data-automation-id="progressBarActiveStep"><label>current step 1 of 5</label>${step}</li></ol></div>`;
const box = (key: string, label: string, control: string) => `<div data-automation-id="formField-${key}"><label for="${key}">${label}</label>${control.replace('ID', key)}</div>`;
const listButton = (key: string, label: string) => box(key, label, '<button type="button" id="ID" aria-haspopup="listbox">Select One</button>');

describe('fillForm on Workday steps', () => {
  it('My Information (newer layout): the contact fields fill, the phone device type and extension are not the phone, the CV is for My Experience', async () => {
    const doc = page(
      `<div data-automation-id="applyFlowPage">${progress('My Information')}
        ${box('legalName--firstName', 'Given Name(s)', '<input type="text" id="ID" name="legalName--firstName">')}
        ${box('legalName--lastName', 'Family Name', '<input type="text" id="ID" name="legalName--lastName">')}
        ${box('city', 'City', '<input type="text" id="ID">')}
        ${box('email', 'Email', '<input type="text" id="ID">')}
        ${listButton('phoneType', 'Phone Device Type')}
        ${box('phoneNumber', 'Phone Number', '<input type="text" id="ID">')}
        ${box('extension', 'Phone Extension', '<input type="text" id="ID">')}
      </div>`,
      workdayUrl,
    );
    const report = await fillForm(doc, plan, env());
    expect(Object.fromEntries(report.filled.map((f) => [f.field, f.value]))).toEqual({ firstName: 'Ana', lastName: 'García', city: 'Madrid', email: 'ana@example.com', phone: '+34 600 000 000' });
    expect(value(doc, '[id="extension"]')).toBe('');
    expect(doc.querySelector('[id="phoneType"]')!.textContent).toBe('Select One');
    expect(report.left.map((l) => [l.label, l.reason])).toEqual([
      ['Phone Device Type', 'no_answer'],
      ['Phone Extension', 'no_answer'],
    ]);
    expect(report.problems).toEqual([{ code: 'workday_resume_step' }]);
  });

  it('Voluntary Disclosures: every list button is left to the user, sensitive without a saved answer, for a pick from the list with one', async () => {
    const html = `<div data-automation-id="applyFlowPage">${progress('Voluntary Disclosures')}
      ${listButton('gender', 'Gender')}${listButton('ethnicityDropdown', 'Race/Ethnicity')}${listButton('veteranStatus', 'Veteran Status')}${listButton('disabilityStatus', 'Disability Status')}
    </div>`;
    const doc = page(html, workdayUrl);
    const report = await fillForm(doc, plan, env());
    expect(report.filled).toEqual([]);
    expect(report.left.map((l) => [l.label, l.reason, l.topic])).toEqual([
      ['Gender', 'sensitive', 'gender'],
      ['Race/Ethnicity', 'sensitive', 'race'],
      ['Veteran Status', 'sensitive', 'veteran'],
      ['Disability Status', 'sensitive', 'disability'],
    ]);
    expect(report.problems.map((p) => p.code)).toEqual(['workday_resume_step']);

    const answered = page(html, workdayUrl);
    const withAnswer = await fillForm(answered, { ...plan, answers: [{ question: normalizeQuestion('Gender'), answer: 'Female' }] }, env());
    expect(withAnswer.left[0]).toMatchObject({ label: 'Gender', reason: 'pick_from_list', topic: 'gender' });
    expect(answered.querySelector('[id="gender"]')!.textContent).toBe('Select One');
  });

  it('a step that asks nothing (Review) is the wrong step, named as the progress bar names it', async () => {
    const doc = page(`<div data-automation-id="applyFlowPage">${progress('Review')}<h3>Review</h3><dl><dt>Email</dt><dd>ana@example.com</dd></dl><button data-automation-id="bottom-navigation-next-button">Submit</button></div>`, workdayUrl);
    const report = await fillForm(doc, plan, env());
    expect(report.problems).toEqual([{ code: 'workday_wrong_step', detail: 'Review' }]);
    expect(report.filled).toEqual([]);
  });
});
