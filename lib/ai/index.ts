/** The AI features' library: prompts, schemas, the fabrication post-check and the tailoring review. */
export { compareAnalysis, compareAnalysisWith, type AnalysisComparison } from './compare';
export { checkEvaluation, citeEvaluation, type CheckedEvaluation, type CitedEvaluation } from './evaluation';
export { answerGuided, guidedProgress, isGuidedDone, newFacts, skipGuided, startGuided, type GuidedSession } from './guided';
export {
  checkCoverLetter,
  checkTailoredCv,
  createPostChecker,
  FLAG_REASONS,
  isFlagged,
  type CheckedText,
  type CheckEvidence,
  type Flag,
  type FlagReason,
} from './post-check';
export {
  answerToFact,
  buildAnalysisPrompt,
  buildCoverLetterPrompt,
  buildEvaluationPrompt,
  buildQuestionsPrompt,
  buildTailoringPrompt,
  compactPosting,
  contactValues,
  cvLinesOfPrompt,
  cvPromptLines,
  isContactLine,
  promptCvLines,
  type AiFact,
  type AiPrompt,
  type CoverLetterInput,
  type EvaluationInput,
  type PromptCvLine,
  type QuestionsInput,
  type TailoringInput,
} from './prompts';
export {
  AI_SCHEMA,
  aiSchemas,
  normalizeAnalysis,
  normalizeEvaluation,
  normalizeQuestions,
  type AiFeature,
  type CoverLetter,
  type CvEvaluation,
  type CvSection,
  type GuidedQuestions,
  type JobAnalysis,
  type TailoredCv,
  type TailoredLine,
} from './schemas';
export { mergeTailoredCv, pendingFlags, reviewTailoredCv, type LineChange, type MergedCv, type ReviewInput, type ReviewLine, type TailoringReview } from './tailored';
export { estimateTokens, stripInvisible, stripInvisibleDeep } from './text';
