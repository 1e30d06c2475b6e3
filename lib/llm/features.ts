/** The model-backed features; each has its own model choice in settings and its own runs and usage rows. */
export const llmFeatures = ['analysis', 'evaluation', 'tailoring', 'questions', 'coverLetter'] as const;
export type LlmFeature = (typeof llmFeatures)[number];
