/**
 * Readers for the taxonomy sources in ../shared/corpus/skills (ESCO skills CSV, O*NET Technology Skills
 * TSV) and the name clean-up that turns their labels into surface forms. Build-time code: used by
 * scripts/build-taxonomy.ts and the SkillSpan baseline, never by the extension.
 */

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface EscoSkill {
  preferredLabel: string;
  altLabels: string[];
  skillType: 'knowledge' | 'skill/competence' | '';
}

export function parseEsco(csv: string): EscoSkill[] {
  const [header, ...rows] = parseCsv(csv);
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`ESCO CSV has no "${name}" column.`);
    return i;
  };
  const pref = col('preferredLabel');
  const alt = col('altLabels');
  const type = col('skillType');
  return rows
    .filter((r) => r[pref])
    .map((r) => ({
      preferredLabel: r[pref]!.trim(),
      altLabels: (r[alt] ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
      skillType: (r[type] ?? '') as EscoSkill['skillType'],
    }));
}

export interface OnetTechnology {
  example: string;
  commodities: string[];
  occupations: number;
  hot: boolean;
  inDemand: boolean;
}

/** O*NET Technology Skills, one entry per example name with the number of occupations listing it. */
export function parseOnet(tsv: string): OnetTechnology[] {
  const [header, ...lines] = tsv.split(/\r?\n/).filter(Boolean);
  const cols = header!.split('\t');
  const at = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`O*NET file has no "${name}" column.`);
    return i;
  };
  const [code, example, commodity, hot, demand] = [
    at('O*NET-SOC Code'), at('Example'), at('Commodity Title'), at('Hot Technology'), at('In Demand'),
  ];
  const byName = new Map<string, { occupations: Set<string>; commodities: Set<string>; hot: boolean; inDemand: boolean }>();
  for (const line of lines) {
    const f = line.split('\t');
    const name = f[example]!.trim();
    let e = byName.get(name);
    if (!e) byName.set(name, (e = { occupations: new Set(), commodities: new Set(), hot: false, inDemand: false }));
    e.occupations.add(f[code]!);
    e.commodities.add(f[commodity]!);
    e.hot ||= f[hot] === 'Y';
    e.inDemand ||= f[demand] === 'Y';
  }
  return [...byName.entries()].map(([name, e]) => ({
    example: name,
    commodities: [...e.commodities].sort(),
    occupations: e.occupations.size,
    hot: e.hot,
    inDemand: e.inDemand,
  }));
}

/** Vendors that O*NET writes before product names ("Microsoft Excel", "The MathWorks MATLAB"). */
const VENDORS = [
  'The MathWorks', 'Microsoft', 'Oracle', 'Apache', 'Adobe Systems', 'Adobe', 'IBM', 'SAP', 'Atlassian', 'Google',
  'Amazon', 'Autodesk', 'Intuit', 'Cisco Systems', 'Cisco', 'Red Hat', 'VMware', 'Citrix', 'Hewlett Packard',
  'Hewlett-Packard', 'HP', 'Dassault Systemes', 'Bentley Systems', 'ESRI', 'Corel', 'Apple', 'Facebook', 'Meta',
  'JetBrains', 'Elastic', 'Wolfram Research', 'Minitab', 'SAS Institute', 'Salesforce', 'Epic Systems', 'Cerner',
  'Siemens', 'Rockwell Automation', 'National Instruments', 'Trimble', 'Unity Technologies', 'Docker', 'Progress',
  'Teradata', 'Informatica', 'MicroStrategy', 'Sage', 'Infor', 'Epicor', 'Kronos', 'Blackboard', 'Intel',
  'NVIDIA', 'Qualcomm', 'Mozilla', 'Twitter', 'LinkedIn', 'Dropbox', 'Slack Technologies', 'Zoom Video Communications',
];

/** All-caps or camel-case, digits or symbols: a name that is not an ordinary word ("MATLAB", "AutoCAD"). */
export function isDistinctiveName(s: string): boolean {
  if (s.length < 2) return false;
  if (/[\d+#.]/.test(s)) return true;
  if (/^[A-Z]{2,}$/.test(s)) return true;
  return /^[A-Za-z][a-z]*[A-Z]/.test(s);
}

/**
 * Surface forms of an O*NET example: the name, the name without its vendor when that is not an ordinary
 * word ("The MathWorks MATLAB" → "MATLAB", but "Microsoft Word" stays whole), the trailing acronym
 * ("Structured query language SQL" → "Structured query language", "SQL"), without a final "software".
 */
export function onetSurfaces(example: string): { canonical: string; surfaces: string[] } {
  const surfaces = new Set<string>();
  let name = example.replace(/\s+/g, ' ').trim();
  name = name.replace(/\s+software$/i, '').trim();
  surfaces.add(name);
  // Trailing acronym that spells the words before it: "Structured query language SQL".
  const trailing = /^(.+?)\s+([A-Z][A-Z0-9/&-]{1,9})$/.exec(name);
  const acronym = trailing && spells(trailing[2]!, trailing[1]!) ? trailing : undefined;
  if (acronym) {
    surfaces.delete(name);
    surfaces.add(acronym[1]!);
    surfaces.add(acronym[2]!);
    name = acronym[1]!;
  }
  let canonical = name;
  // An acronym that spells the vendor too ("Amazon Web Services AWS") keeps the vendor in the name.
  for (const vendor of acronym ? [] : VENDORS) {
    if (name.startsWith(`${vendor} `)) {
      const product = name.slice(vendor.length + 1).trim();
      if (product.length >= 2) {
        const words = product.split(' ');
        const distinctive = words.length > 1 || isDistinctiveName(product);
        if (distinctive) {
          surfaces.add(product);
          canonical = product;
        }
      }
      break;
    }
  }
  return { canonical, surfaces: [...surfaces] };
}

/** Whether `acronym` is made of the initials of `words` (letters in order, the first one first). */
function spells(acronym: string, words: string): boolean {
  const letters = acronym.replace(/[^A-Z]/g, '').toLowerCase();
  const initials = words.split(/[\s-]+/).map((w) => w[0]?.toLowerCase() ?? '').join('');
  if (!letters || letters[0] !== initials[0] || initials.length < 2) return false;
  let i = 0;
  for (const c of initials) if (c === letters[i]) i++;
  return i === letters.length;
}

/** ESCO labels often qualify a name: "Python (computer programming)" → "Python". */
export function escoLabelForms(label: string): string[] {
  const out = [label];
  const bare = label.replace(/\s*\([^)]*\)\s*/g, ' ').replace(/\s+/g, ' ').trim();
  if (bare && bare !== label) out.push(bare);
  return out;
}
