/**
 * Responsibilities, requirements and nice-to-haves, when the posting marks them with a heading
 * ("What you'll do", "Profil recherché", "Requisiti", "Nice to have", …). Works on the plain-text
 * description, so every extractor gets it. Unmarked postings get no sections: nothing is guessed.
 */
import type { Sections } from './types';

type SectionKey = keyof Sections;

// Order matters: "nice to have" and "preferred qualifications" must win over "qualifications".
const HEADINGS: [SectionKey, string][] = [
  [
    'niceToHave',
    String.raw`nice[\s-]to[\s-]haves?|bonus(?: points)?|(?:it'?s )?a plus|pluses|preferred(?: qualifications| skills| experience)?|desired(?: skills| qualifications)?|good to have|would be (?:nice|a plus)|extra credit|atouts?|les plus|un plus|serait un plus|souhaité|deseable|se valorará|valorable|valoriamo|gradito|costituisce titolo preferenziale|wünschenswert|von vorteil|pluspunkte`,
  ],
  [
    'responsibilities',
    String.raw`responsibilities|key responsibilities|your responsibilities|main responsibilities|duties|what you(?:'| wi)ll do|what you will be doing|what you'll be doing|what you'll work on|the role|your role|your mission|in this role|day[\s-]to[\s-]day|a day in the life|tasks|your tasks|missions?|vos missions|tes missions|vos responsabilités|responsabilités|ce que vous ferez|votre rôle|le poste|funciones|tus funciones|responsabilidades|tareas|qué harás|attività|mansioni|responsabilità|cosa farai|aufgaben|deine aufgaben|ihre aufgaben|das erwartet dich|verantwortlichkeiten|taken|wat ga je doen`,
  ],
  [
    'requirements',
    String.raw`requirements|minimum requirements|basic qualifications|required qualifications|qualifications|required skills|skills|what you(?:'| wi)ll bring|what you bring|what we(?:'re| are) looking for|who you are|about you|your profile|must[\s-]haves?|you have|you should have|experience|requisiti|requisiti richiesti|competenze|profilo|il tuo profilo|cosa cerchiamo|profil|profil recherché|votre profil|ton profil|compétences|requis|prérequis|ce que nous recherchons|requisitos|perfil|tu perfil|lo que buscamos|qué buscamos|anforderungen|dein profil|ihr profil|das bringst du mit|qualifikationen|wat vragen wij|functie-eisen`,
  ],
];

const CONNECTOR = "(?:\\s+(?:&|and|et|y|und|e)\\s+[\\p{L}'-]+(?:\\s+[\\p{L}'-]+)?)?";
/** The whole line is the heading ("Requirements", "Requirements & skills"). */
const WHOLE = HEADINGS.map(([key, alternatives]) => [key, new RegExp(`^(?:${alternatives})${CONNECTOR}$`, 'iu')] as const);
/** A line ending with a colon may go on ("Your role at Acme:"). */
const LEADING = HEADINGS.map(([key, alternatives]) => [key, new RegExp(`^(?:${alternatives})(?![\\p{L}\\d])`, 'iu')] as const);

/** Headings of what the employer offers or is: not a section kept here, but the end of the one before. */
const OTHER = new RegExp(
  String.raw`^(?:benefits|perks|what we offer|we offer|our offer|why join us|about us|wir bieten|das bieten wir|was wir bieten|unser angebot|benefits bei uns|über uns|nous offrons|ce que nous offrons|avantages|pourquoi nous rejoindre|ofrecemos|qué ofrecemos|beneficios|offriamo|cosa offriamo|wat bieden wij|wat wij bieden)$`,
  'iu',
);

const MAX_HEADING = 70;
const MAX_ITEMS = 40;
const MAX_ITEM = 1000;

function headingOf(line: string): SectionKey | undefined {
  const colon = /[:：]\s*$/.test(line);
  const text = line.replace(/^[#*\-–\s]+/, '').replace(/[:：.!]+\s*$/, '').trim();
  if (!text || text.length > MAX_HEADING || text.startsWith('•')) return undefined;
  // A sentence that merely starts with a heading word ("Experience with React is a must") is not one.
  for (const [key, pattern] of colon ? LEADING : WHOLE) if (pattern.test(text)) return key;
  return undefined;
}

/** Another heading-like line ends a section: a known heading, or a short line ending with a colon. */
function endsSection(line: string): boolean {
  if (line.length <= MAX_HEADING && OTHER.test(line.replace(/[:：.!]+\s*$/, '').trim())) return true;
  return headingOf(line) !== undefined || (line.length <= MAX_HEADING && /[:：]$/.test(line) && !line.startsWith('•'));
}

export function extractSections(description: string | undefined): Sections | undefined {
  if (!description) return undefined;
  const lines = description.split('\n').map((l) => l.trim());
  const sections: Sections = {};
  for (let i = 0; i < lines.length; i++) {
    const key = headingOf(lines[i]!);
    if (!key || sections[key]) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !endsSection(lines[j]!); j++) {
      if (lines[j]) body.push(lines[j]!);
    }
    // Lists are what postings mark; when the section has bullets, prose around them is context, not items.
    const bullets = body.filter((l) => l.startsWith('•'));
    const items = (bullets.length > 0 ? bullets : body)
      .map((l) => l.replace(/^•\s*/, '').slice(0, MAX_ITEM))
      .filter(Boolean)
      .slice(0, MAX_ITEMS);
    if (items.length > 0) sections[key] = items;
  }
  return Object.keys(sections).length > 0 ? sections : undefined;
}
