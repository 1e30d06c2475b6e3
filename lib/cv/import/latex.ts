import type { Basics, CvWarning } from '../model';
import type { EntryHint, SourceDoc, SourceLine } from '../parse/source';
import { tidy } from '../parse/text';

/**
 * LaTeX source → lines. Commands are stripped and their text kept; the CV classes people use most are
 * understood: moderncv (`\cventry{dates}{title}{employer}{city}{grade}{text}`, `\cvitem`), awesome-cv
 * (`\cventry{title}{org}{place}{dates}{items}`, `\cvsection`, `\name{First}{Last}`) and article-based
 * templates (sb2nov / Jake's `\resumeSubheading`, `\resumeItem`, tabular headers). `\input` and
 * `\include` cannot be followed in a single file: they are reported as warnings.
 */

type Event =
  | { type: 'text'; text: string; pos: number }
  | { type: 'break'; pos: number }
  | { type: 'segment' }
  | { type: 'bullet'; pos: number }
  | { type: 'heading'; level: number; pos: number }
  | { type: 'entry'; hint: EntryHint; segments: string[][]; pos: number }
  | { type: 'name'; pos: number }
  | { type: 'body'; on: boolean };

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304', '.': '\u0307',
  c: '\u0327', v: '\u030C', u: '\u0306', H: '\u030B', r: '\u030A', k: '\u0328',
};
const SYMBOLS: Record<string, string> = {
  '&': '&', '%': '%', $: '$', '#': '#', _: '_', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '',
  '/': '', '-': '', '@': '', i: 'ı', j: 'ȷ', ss: 'ß', SS: 'SS', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ',
  oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', textbar: '|', textbullet: '•', cdot: '·', bullet: '•', textendash: '–',
  textemdash: '—', ldots: '…', dots: '…', textellipsis: '…', euro: '€', texteuro: '€', pounds: '£', textasciitilde: '~',
  textasciicircum: '^', textbackslash: '\\', LaTeX: 'LaTeX', TeX: 'TeX', quad: ' ', qquad: ' ', enspace: ' ',
  thinspace: ' ', space: ' ', enskip: ' ', cdotp: '·', sim: '~', textperiodcentered: '·', textquoteright: '’', textquoteleft: '‘',
  vert: '|', mid: '|', times: '×', pm: '±', textregistered: '®', copyright: '©', textcopyright: '©', degree: '°',
  diamond: '⋄', star: '*', ast: '*', S: '§', P: '¶', textless: '<', textgreater: '>', cpp: 'C++', Cpp: 'C++',
};
/** Commands skipped together with all their arguments. */
const SKIP_WITH_ARGS = new Set([
  'documentclass', 'usepackage', 'RequirePackage', 'newcommand', 'renewcommand', 'providecommand', 'def', 'let',
  'newenvironment', 'renewenvironment', 'setlength', 'addtolength', 'setcounter', 'vspace', 'hspace', 'vskip',
  'hskip', 'geometry', 'pagestyle', 'thispagestyle', 'fancyhf', 'fancyhead', 'fancyfoot', 'titleformat',
  'titlespacing', 'definecolor', 'color', 'colorlet', 'pagecolor', 'moderncvstyle', 'moderncvcolor', 'moderncvtheme',
  'photo', 'includegraphics', 'label', 'ref', 'pageref', 'cite', 'bibliography', 'bibliographystyle', 'nocite',
  'hypersetup', 'urlstyle', 'setmainfont', 'setsansfont', 'fontspec', 'newfontfamily', 'geometry', 'raggedright',
  'addtocounter', 'input', 'include', 'includeonly', 'makecvfooter', 'makecvheader', 'makecvtitle', 'maketitle',
  'pdfgentounicode', 'setlist', 'newlength', 'renewcommand*', 'recipient', 'opening', 'closing', 'enclosure',
  'extrainfo', 'quote', 'acadtitle', 'footnotesize', 'fontsize', 'selectfont', 'rule', 'titlerule', 'colorbox',
  'fcolorbox', 'sethlcolor', 'hrule', 'hline', 'cline', 'toprule', 'midrule', 'bottomrule', 'newpage', 'clearpage',
  'pagebreak', 'nopagebreak', 'columnbreak', 'noindent', 'centering', 'hfuzz', 'vfill', 'leavevmode', 'par',
]);
/** Arguments of these are dropped (sizes, icons): the command and its arguments print nothing useful. */
const ICON = /^(?:fa[A-Za-z]*|faicon|ding|Letter|Mobilefone|Telefon|Email|EmailSymbol|AddressBook|Faxmachine|Lightning|ai[A-Za-z]+|ico[A-Za-z]*|icon)$/;
/** Switches with no visible output (font sizes, shapes). */
const SWITCH = /^(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|bfseries|itshape|scshape|sffamily|rmfamily|ttfamily|mdseries|upshape|slshape|em|bf|it|sc|sf|rm|tt|normalfont|color|centering|raggedleft|raggedright|null|relax|protect|nobreak|strut|displaystyle|textstyle|linewidth|textwidth|columnwidth|hfil)$/;
const BIG = /^(?:Huge|huge|LARGE|Large)$/;
/** Environments whose own argument (a width, a column spec) is not text. */
const ENV_ARGS: Record<string, number> = { tabular: 1, 'tabular*': 2, tabularx: 2, minipage: 1, multicols: 1, longtable: 1, adjustwidth: 2, paracol: 1 };
const LIST_ENVS = /^(?:itemize|enumerate|description|cvitems|compactitem|compactenum|highlights|onecolentry|twocolentry)$/;

interface Ctx {
  cls: 'moderncv' | 'awesome-cv' | 'article';
}

class Reader {
  events: Event[] = [];
  basics: Partial<Basics> = {};
  warnings: CvWarning[] = [];
  constructor(
    readonly src: string,
    readonly ctx: Ctx,
  ) {}

  text(text: string, pos: number) {
    if (text) this.events.push({ type: 'text', text, pos });
  }

  /** Read a {group} or [group] starting at i (after optional whitespace); returns its span. */
  group(i: number, open = '{', skipSpace = true): { start: number; end: number; next: number } | undefined {
    let j = i;
    if (skipSpace) while (j < this.src.length && /\s/.test(this.src[j]!)) j++;
    if (this.src[j] !== open) return undefined;
    const close = open === '{' ? '}' : ']';
    let depth = 0;
    for (let k = j; k < this.src.length; k++) {
      const ch = this.src[k];
      if (ch === '\\') {
        k++;
        continue;
      }
      if (ch === open) depth++;
      else if (ch === close && --depth === 0) return { start: j + 1, end: k, next: k + 1 };
    }
    return { start: j + 1, end: this.src.length, next: this.src.length };
  }

  /** Arguments of a known command: optional [..] groups, then n {..} groups. */
  args(i: number, n: number): { args: { start: number; end: number }[]; next: number } {
    let next = i;
    for (let opt = this.group(next, '['); opt; opt = this.group(next, '[')) next = opt.next;
    const args: { start: number; end: number }[] = [];
    for (let k = 0; k < n; k++) {
      const g = this.group(next, '{');
      if (!g) break;
      args.push(g);
      next = g.next;
    }
    return { args, next };
  }

  /** Plain text of a span: commands stripped, for entry fields. */
  plain(span: { start: number; end: number } | undefined): string {
    if (!span) return '';
    const sub = new Reader(this.src, this.ctx);
    sub.render(span.start, span.end);
    return tidy(
      sub.events
        .map((e) => (e.type === 'text' ? e.text : ' '))
        .join('')
        .replace(/\s*\n\s*/g, ' '),
    );
  }

  render(from: number, to: number): void {
    let i = from;
    let buffer = '';
    let bufferPos = from;
    const flush = () => {
      this.text(buffer, bufferPos);
      buffer = '';
    };
    while (i < to) {
      const ch = this.src[i]!;
      if (ch === '\\') {
        flush();
        i = this.command(i, to);
        bufferPos = i;
        continue;
      }
      if (ch === '{' || ch === '}') {
        i++;
        continue;
      }
      if (ch === '$') {
        i++;
        continue;
      }
      if (ch === '&') {
        flush();
        this.events.push({ type: 'segment' });
        i++;
        bufferPos = i;
        continue;
      }
      if (ch === '~') {
        buffer += ' ';
        i++;
        continue;
      }
      if (ch === '\n' && /^\n[ \t]*\n/.test(this.src.slice(i, i + 40))) {
        flush();
        this.events.push({ type: 'break', pos: i });
        i++;
        bufferPos = i;
        continue;
      }
      if (src3(this.src, i) === '---') {
        buffer += '—';
        i += 3;
        continue;
      }
      if (this.src.startsWith('--', i)) {
        buffer += '–';
        i += 2;
        continue;
      }
      if (this.src.startsWith('``', i) || this.src.startsWith("''", i)) {
        buffer += this.src[i] === '`' ? '“' : '”';
        i += 2;
        continue;
      }
      if (!buffer) bufferPos = i;
      buffer += ch;
      i++;
    }
    flush();
  }

  /** Handle the command at i; returns the index after it and its arguments. */
  command(i: number, to: number): number {
    const m = /^\\([A-Za-z@]+\*?|.)/.exec(this.src.slice(i, i + 40));
    if (!m) return i + 1;
    const name = m[1]!.replace(/\*$/, '');
    let next = i + m[0].length;
    const src = this.src;
    const oneArg = () => this.args(next, 1);

    // Line breaks: \\ (with an optional [length]) and \newline.
    if (name === '\\' || name === 'newline' || name === 'linebreak' || name === 'par') {
      const opt = this.group(next, '[', false);
      this.events.push({ type: 'break', pos: i });
      return opt ? opt.next : next;
    }
    if (name === 'hfill' || name === 'hfil' || name === 'hspace' || name === 'quad' || name === 'qquad') {
      if (name === 'hspace') next = this.args(next, 1).next;
      this.events.push({ type: 'segment' });
      return next;
    }
    // Accents: \'e, \'{e}, \c{c}.
    if (ACCENTS[name] !== undefined && (name.length === 1 || /[cvuHrk]/.test(name))) {
      let base = '';
      const g = this.group(next, '{', false);
      if (g) {
        base = this.plain(g);
        next = g.next;
      } else {
        while (src[next] === ' ' && /[cvuHrk]/.test(name)) next++;
        base = src[next] ?? '';
        next++;
      }
      this.text((base.replace(/^ı/, 'i') + ACCENTS[name]).normalize('NFC'), i);
      return next;
    }
    if (SYMBOLS[name] !== undefined) {
      this.text(SYMBOLS[name]!, i);
      // A control word eats the space after it ("\LaTeX\ is").
      if (/^[A-Za-z]/.test(name) && src[next] === '{' && src[next + 1] === '}') next += 2;
      return next;
    }
    if (name === 'begin' || name === 'end') {
      const g = this.group(next);
      if (!g) return next;
      const env = src.slice(g.start, g.end).trim();
      next = g.next;
      if (name === 'begin') {
        if (ENV_ARGS[env] !== undefined) {
          for (let opt = this.group(next, '['); opt; opt = this.group(next, '[')) next = opt.next;
          next = this.args(next, ENV_ARGS[env]!).next;
        }
        if (env === 'document') return next;
      }
      if (LIST_ENVS.test(env) || /^(?:tabular|center|cventries|cvhonors|cvskills)/.test(env)) this.events.push({ type: 'break', pos: i });
      return next;
    }
    if (name === 'item') {
      const opt = this.group(next, '[', true);
      this.events.push({ type: 'bullet', pos: i });
      if (opt) {
        this.text(`${this.plain(opt)} `, opt.start);
        return opt.next;
      }
      return next;
    }
    if (name === 'section' || name === 'cvsection' || name === 'chapter' || name === 'subsection' || name === 'cvsubsection') {
      const { args, next: after } = oneArg();
      const level = name === 'subsection' || name === 'cvsubsection' ? 3 : 2;
      this.events.push({ type: 'heading', level, pos: i });
      this.text(this.plain(args[0]), args[0]?.start ?? i);
      this.events.push({ type: 'break', pos: after });
      return after;
    }
    if (name === 'input' || name === 'include' || name === 'subfile') {
      const { args, next: after } = oneArg();
      this.warnings.push({ code: 'latex_input_missing', detail: this.plain(args[0]) });
      return after;
    }
    if (this.entry(name, i, next)) return this.entryNext;
    if (this.header(name, next)) return this.entryNext;
    if (name === 'href') {
      const { args, next: after } = this.args(next, 2);
      const url = src.slice(args[0]?.start ?? 0, args[0]?.end ?? 0).trim();
      const label = this.plain(args[1]);
      const plainUrl = url.replace(/^mailto:|^tel:/i, '');
      const host = plainUrl.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '');
      if (!label || label.includes(host) || /^(mailto|tel):/i.test(url)) this.text(label || plainUrl, i);
      else {
        // "Kim Park" linking to a homepage: both the text and the address, as separate segments.
        this.text(label, i);
        this.events.push({ type: 'segment' });
        this.text(plainUrl, i);
        this.events.push({ type: 'segment' });
      }
      return after;
    }
    if (name === 'url') {
      const { args, next: after } = oneArg();
      this.text(src.slice(args[0]?.start ?? 0, args[0]?.end ?? 0), i);
      return after;
    }
    if (SKIP_WITH_ARGS.has(name) || ICON.test(name)) {
      // Skip [..] and {..} groups that follow directly (newcommand bodies included).
      let j = next;
      for (let g = this.group(j, '[', false) ?? this.group(j, '{', false); g; g = this.group(j, '[', false) ?? this.group(j, '{', false)) {
        j = g.next;
      }
      // \def\x{...}: skip the macro name too.
      if (name === 'def' || name === 'let') {
        const d = /^\\[A-Za-z@]+[^{]*/.exec(src.slice(j));
        if (d) j += d[0].length;
        const g = this.group(j, '{', false);
        if (g) j = g.next;
      }
      return j;
    }
    if (SWITCH.test(name)) {
      if (BIG.test(name)) this.events.push({ type: 'name', pos: i });
      return next;
    }
    // Anything else: keep the text of the arguments that follow directly (\textbf{…}, \emph{…}).
    let j = next;
    for (let g = this.group(j, '{', false); g; g = this.group(j, '{', false)) {
      this.render(g.start, g.end);
      j = g.next;
    }
    return Math.min(j, to);
  }

  private entryNext = 0;

  /** CV-class entry macros; true when handled (the index after them is in entryNext). */
  private entry(name: string, pos: number, next: number): boolean {
    const emit = (hint: EntryHint, segments: string[][], body?: { start: number; end: number }) => {
      const named = Object.fromEntries(Object.entries(hint).filter(([, v]) => v)) as EntryHint;
      this.events.push({ type: 'entry', hint: named, segments: segments.map((s) => s.filter(Boolean)).filter((s) => s.length > 0), pos });
      if (body && body.end > body.start) {
        this.events.push({ type: 'break', pos: body.start }, { type: 'body', on: true });
        this.render(body.start, body.end);
        this.events.push({ type: 'break', pos: body.end }, { type: 'body', on: false });
      }
      this.events.push({ type: 'break', pos });
    };
    if (name === 'cventry') {
      const count = this.countGroups(next);
      if (this.ctx.cls === 'awesome-cv' || (this.ctx.cls !== 'moderncv' && count === 5)) {
        const { args, next: after } = this.args(next, 5);
        const [role, org, location, dates] = args.slice(0, 4).map((a) => this.plain(a));
        emit({ role, org, location, dates }, [[org!, location!], [role!, dates!]], args[4]);
        this.entryNext = after;
        return true;
      }
      const { args, next: after } = this.args(next, 6);
      const [dates, role, org, location, detail] = args.slice(0, 5).map((a) => this.plain(a));
      emit({ dates, role, org, location, detail }, [[dates!, role!, org!, location!, detail!]], args[5]);
      this.entryNext = after;
      return true;
    }
    if (name === 'cvhonor') {
      const { args, next: after } = this.args(next, 4);
      const [award, event, location, date] = args.map((a) => this.plain(a));
      this.events.push({ type: 'bullet', pos });
      this.text([date, [award, event].filter(Boolean).join(', '), location].filter(Boolean).join('  ·  '), pos);
      this.events.push({ type: 'break', pos });
      this.entryNext = after;
      return true;
    }
    if (name === 'resumeSubheading') {
      // sb2nov: {Company}{Place}{Title}{Dates}; Jake's: {Title}{Dates}{Company}{Place}. The generic parser
      // tells dates, places, titles and companies apart, so keep the rendered layout (two lines, two columns).
      const { args, next: after } = this.args(next, 4);
      const [a, b, c, d] = args.map((x) => this.plain(x));
      emit({}, [[a!, b!], [c!, d!]]);
      this.entryNext = after;
      return true;
    }
    if (name === 'resumeSubSubheading' || name === 'resumeProjectHeading' || name === 'cvsubentry') {
      const n = name === 'cvsubentry' ? 3 : 2;
      const { args, next: after } = this.args(next, n);
      const [a, b] = args.map((x) => this.plain(x));
      emit({}, [[a!, b!]], n === 3 ? args[2] : undefined);
      this.entryNext = after;
      return true;
    }
    if (/^(?:resumeItem|resumeSubItem|cvlistitem|cvitem|cvskill|cvlanguage|cvitemwithcomment|cvlistdoubleitem)$/.test(name)) {
      const n = this.countGroups(next);
      const arity: Record<string, number> = { cvlistitem: 1, cvlanguage: 3, cvitemwithcomment: 3, resumeItem: Math.min(Math.max(n, 1), 2) };
      const { args, next: after } = this.args(next, arity[name] ?? 2);
      const parts = args.map((x) => this.plain(x)).filter(Boolean);
      if (/^(?:resumeItem|resumeSubItem|cvlistitem|cvlistdoubleitem)$/.test(name)) this.events.push({ type: 'bullet', pos });
      const [label, ...rest] = parts;
      const comment = rest.length === 2 ? ` (${rest[1]})` : '';
      this.text(rest.length > 0 ? `${label}: ${rest[0]}${comment}` : (label ?? ''), pos);
      this.events.push({ type: 'break', pos: after });
      this.entryNext = after;
      return true;
    }
    return false;
  }

  /** Header macros of moderncv and awesome-cv: fields go straight to basics and print a contact line. */
  private header(name: string, next: number): boolean {
    const one = () => {
      const { args, next: after } = this.args(next, 1);
      this.entryNext = after;
      return this.plain(args[0]);
    };
    switch (name) {
      case 'name': {
        const { args, next: after } = this.args(next, 2);
        this.basics.name = args.map((a) => this.plain(a)).filter(Boolean).join(' ');
        this.entryNext = after;
        return true;
      }
      case 'firstname':
        this.basics.name = [one(), this.basics.name].filter(Boolean).join(' ');
        return true;
      case 'familyname':
      case 'lastname':
        this.basics.name = [this.basics.name, one()].filter(Boolean).join(' ');
        return true;
      case 'title':
      case 'position':
        this.basics.label = one();
        return true;
      case 'email':
        this.basics.email = one();
        return true;
      case 'phone':
      case 'mobile': {
        const phone = one();
        this.basics.phone ??= phone;
        return true;
      }
      case 'homepage': {
        const url = one();
        this.basics.url = /^https?:/i.test(url) ? url : `https://${url}`;
        return true;
      }
      case 'github':
      case 'linkedin':
      case 'gitlab':
      case 'twitter': {
        const user = one();
        const host = { github: 'github.com/', linkedin: 'linkedin.com/in/', gitlab: 'gitlab.com/', twitter: 'twitter.com/' }[name];
        const network = { github: 'GitHub', linkedin: 'LinkedIn', gitlab: 'GitLab', twitter: 'Twitter' }[name];
        (this.basics.profiles ??= []).push({ network, username: user, url: `https://${host}${user}` });
        return true;
      }
      case 'social': {
        const opt = this.group(next, '[');
        const network = opt ? this.src.slice(opt.start, opt.end) : '';
        const { args, next: after } = this.args(opt ? opt.next : next, 1);
        const user = this.plain(args[0]);
        const known: Record<string, [string, string]> = {
          linkedin: ['LinkedIn', 'linkedin.com/in/'],
          github: ['GitHub', 'github.com/'],
          twitter: ['Twitter', 'twitter.com/'],
          gitlab: ['GitLab', 'gitlab.com/'],
        };
        const [label, host] = known[network.toLowerCase()] ?? [network, undefined];
        (this.basics.profiles ??= []).push({ network: label, username: user, ...(host ? { url: `https://${host}${user}` } : {}) });
        this.entryNext = after;
        return true;
      }
      case 'address': {
        const { args, next: after } = this.args(next, 3);
        this.basics.location = { address: args.map((a) => this.plain(a)).filter(Boolean).join(', ') };
        this.entryNext = after;
        return true;
      }
      default:
        return false;
    }
  }

  private countGroups(i: number): number {
    let n = 0;
    let next = i;
    for (let opt = this.group(next, '['); opt; opt = this.group(next, '[')) next = opt.next;
    for (let g = this.group(next); g; g = this.group(next)) {
      n++;
      next = g.next;
    }
    return n;
  }
}

function src3(s: string, i: number): string {
  return s.slice(i, i + 3);
}

/** Replace comments with spaces so offsets (and line numbers) stay put. */
function stripComments(source: string): string {
  return source.replace(/(^|[^\\])%.*$/gm, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
}

export function readLatex(source: string): SourceDoc {
  const src = stripComments(source.replace(/\r\n?/g, '\n'));
  const cls = /\\documentclass(?:\[[^\]]*\])?\{moderncv\}/.test(src)
    ? 'moderncv'
    : /\\documentclass(?:\[[^\]]*\])?\{awesome-cv\}/.test(src)
      ? 'awesome-cv'
      : 'article';
  const reader = new Reader(src, { cls });
  const begin = src.search(/\\begin\{document\}/);
  const end = src.search(/\\end\{document\}/);
  // Preamble: only header macros count (moderncv and awesome-cv put the contact details there).
  if (begin > 0) {
    const pre = new Reader(src, { cls });
    for (const m of src.slice(0, begin).matchAll(/\\(name|firstname|familyname|lastname|title|position|email|phone|mobile|homepage|github|linkedin|gitlab|twitter|social|address)\b/g)) {
      pre.command(m.index, begin);
    }
    Object.assign(reader.basics, pre.basics);
  }
  reader.render(begin >= 0 ? begin : 0, end >= 0 ? end : src.length);
  return { format: 'latex', lines: assemble(reader.events, src), basics: reader.basics, warnings: reader.warnings };
}

/** Events → lines, with the source line each line starts on. */
function assemble(events: Event[], src: string): SourceLine[] {
  const starts = [0];
  for (let k = 0; k < src.length; k++) if (src.charCodeAt(k) === 10) starts.push(k + 1);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const lines: SourceLine[] = [];
  let segments: string[] = [''];
  let pos = -1;
  let bullet = false;
  let heading: number | undefined;
  let big = false;
  let body = false;
  const flush = () => {
    const segs = segments.map((s) => tidy(s.replace(/\s+/g, ' '))).filter(Boolean);
    if (segs.length > 0) {
      lines.push({
        text: segs.join(' '),
        segments: segs,
        line: lineOf(Math.max(0, pos)),
        x: bullet ? 1 : 0,
        ...(bullet ? { bullet } : {}),
        ...(body ? { body } : {}),
        ...(heading !== undefined ? { heading } : big && lines.length === 0 ? { heading: 1 } : {}),
      });
    }
    segments = [''];
    pos = -1;
    bullet = false;
    heading = undefined;
    big = false;
  };
  for (const e of events) {
    switch (e.type) {
      case 'text': {
        const parts = e.text.split('\n');
        parts.forEach((p, k) => {
          if (k > 0 && /\S/.test(segments.join(''))) segments[segments.length - 1] += ' ';
          if (pos < 0 && p.trim()) pos = e.pos;
          segments[segments.length - 1] += p;
        });
        break;
      }
      case 'segment':
        if (segments[segments.length - 1]!.trim()) segments.push('');
        break;
      case 'break':
        flush();
        break;
      case 'bullet':
        flush();
        bullet = true;
        pos = e.pos;
        break;
      case 'heading':
        flush();
        heading = e.level;
        pos = e.pos;
        break;
      case 'name':
        big = true;
        break;
      case 'body':
        flush();
        body = e.on;
        break;
      case 'entry':
        flush();
        e.segments.forEach((segs, k) => {
          lines.push({
            text: segs.join(' '),
            segments: segs,
            line: lineOf(e.pos),
            x: 0,
            ...(k === 0 && Object.keys(e.hint).length > 0 ? { entry: e.hint } : {}),
          });
        });
        break;
    }
  }
  flush();
  return lines.filter((l) => l.text.trim());
}
