/**
 * SkillSpan (Zhang et al., NAACL 2022) scoring: each record's tokens joined by single spaces is the
 * text; its gold spans are the Knowledge layer (BIO tags) as character offsets. Predictions are scored
 * loose (a predicted span counts when it overlaps a gold span; a gold span is found when some
 * prediction overlaps it) and strict (same start and end). Build- and test-time code only.
 */
import { parseEsco, parseOnet } from '../taxonomy/sources';

export interface Span {
  start: number;
  end: number;
}

export interface SkillSpanRecord {
  text: string;
  gold: Span[];
  source: string;
}

interface RawRecord {
  tokens: string[];
  tags_knowledge: string[];
  source?: string;
}

/** Parses a SkillSpan JSON-lines split (`skillspan_train.json`, `skillspan_dev.json`). */
export function parseSkillSpan(jsonl: string): SkillSpanRecord[] {
  const out: SkillSpanRecord[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as RawRecord;
    const starts: number[] = [];
    let pos = 0;
    for (const t of r.tokens) {
      starts.push(pos);
      pos += t.length + 1;
    }
    const text = r.tokens.join(' ');
    const gold: Span[] = [];
    for (let i = 0; i < r.tokens.length; i++) {
      if (!r.tags_knowledge[i]!.startsWith('B')) continue;
      let j = i + 1;
      while (j < r.tokens.length && r.tags_knowledge[j]!.startsWith('I')) j++;
      gold.push({ start: starts[i]!, end: starts[j - 1]! + r.tokens[j - 1]!.length });
      i = j - 1;
    }
    out.push({ text, gold, source: r.source ?? '' });
  }
  return out;
}

export interface SpanScores {
  precision: number;
  recall: number;
  f1: number;
  strictPrecision: number;
  strictRecall: number;
  strictF1: number;
  predicted: number;
  gold: number;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

export function scoreSpans(records: SkillSpanRecord[], predictions: Span[][]): SpanScores {
  let predicted = 0;
  let gold = 0;
  let predictedHit = 0;
  let goldHit = 0;
  let exact = 0;
  records.forEach((rec, i) => {
    const pred = predictions[i] ?? [];
    predicted += pred.length;
    gold += rec.gold.length;
    predictedHit += pred.filter((p) => rec.gold.some((g) => overlaps(p, g))).length;
    goldHit += rec.gold.filter((g) => pred.some((p) => overlaps(p, g))).length;
    const golds = new Set(rec.gold.map((g) => `${g.start}:${g.end}`));
    exact += new Set(pred.map((p) => `${p.start}:${p.end}`).filter((k) => golds.has(k))).size;
  });
  const precision = predicted ? predictedHit / predicted : 0;
  const recall = gold ? goldHit / gold : 0;
  const strictPrecision = predicted ? exact / predicted : 0;
  const strictRecall = gold ? exact / gold : 0;
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    strictPrecision,
    strictRecall,
    strictF1: f1(strictPrecision, strictRecall),
    predicted,
    gold,
  };
}

/**
 * The naive baseline: every ESCO label (preferred and alternative) and O*NET example name, looked up
 * case-insensitively as whole space-separated token sequences, longest first, left to right.
 */
export function createBaseline(escoCsv: string, onetTsv: string): (text: string) => Span[] {
  const labels = new Set<string>();
  for (const s of parseEsco(escoCsv)) {
    for (const l of [s.preferredLabel, ...s.altLabels]) labels.add(l.toLowerCase().replace(/\s+/g, ' ').trim());
  }
  for (const t of parseOnet(onetTsv)) labels.add(t.example.toLowerCase().replace(/\s+/g, ' ').trim());
  let longest = 1;
  for (const l of labels) longest = Math.max(longest, l.split(' ').length);
  return (text) => {
    const tokens: Span[] = [];
    for (const m of text.matchAll(/\S+/g)) tokens.push({ start: m.index, end: m.index + m[0].length });
    const lower = text.toLowerCase();
    const spans: Span[] = [];
    for (let i = 0; i < tokens.length; ) {
      let found = 0;
      for (let n = Math.min(longest, tokens.length - i); n > 0; n--) {
        if (labels.has(lower.slice(tokens[i]!.start, tokens[i + n - 1]!.end))) {
          found = n;
          break;
        }
      }
      if (found) {
        spans.push({ start: tokens[i]!.start, end: tokens[i + found - 1]!.end });
        i += found;
      } else i++;
    }
    return spans;
  };
}
