// The project's OpenRouter stand-in for tests: see README.md.
export { createMockOpenRouter, MOCK_API_KEY, type MockOpenRouter } from './server';
export { MODEL_FIXTURES } from './models';
export type {
  AvailabilityScript,
  CommittedErrorScript,
  FinishReason,
  GenerationRecord,
  InBandErrorScript,
  KeyConfig,
  MidStreamErrorScript,
  MockOpenRouterOptions,
  ModelFixture,
  ModerationScript,
  RecordedRequest,
  Scenario,
  ScenarioMatch,
  SplitWrites,
  StructuredMode,
  ToolCallScript,
} from './types';
