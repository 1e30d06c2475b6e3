// Runs the mock standalone: `npm run mock:openrouter -- --port 8787`. Drive it over HTTP (`/__mock/*`, see README.md).
import { parseArgs } from 'node:util';
import { createMockOpenRouter, MOCK_API_KEY } from './server';
import type { KeyConfig, Scenario } from './types';

const USAGE = `Usage: tsx e2e/mock-openrouter/cli.ts [options]
  --port <n>                 port (default 0: an ephemeral one)
  --host <addr>              address (default 127.0.0.1)
  --key <sk-or-…>            accepted key (repeatable; default ${MOCK_API_KEY})
  --accept-any-key           accept any sk-or-… key
  --cors <permissive|strict> preflight policy (default permissive)
  --scenario <json>          default scenario, e.g. '{"chunkDelayMs":50}'
  --generation-ready-after-ms <n>
  --help`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string', multiple: true },
    'accept-any-key': { type: 'boolean', default: false },
    cors: { type: 'string', default: 'permissive' },
    scenario: { type: 'string' },
    'generation-ready-after-ms': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.cors !== 'permissive' && values.cors !== 'strict') {
  console.error(USAGE);
  process.exit(2);
}

const keys: KeyConfig[] | undefined = values.key?.map((key) => ({ key }));
const mock = await createMockOpenRouter({
  port: Number(values.port),
  host: values.host,
  keys,
  acceptAnyKey: values['accept-any-key'],
  cors: values.cors,
  defaultScenario: values.scenario ? (JSON.parse(values.scenario) as Scenario) : undefined,
  generationReadyAfterMs: values['generation-ready-after-ms'] ? Number(values['generation-ready-after-ms']) : undefined,
});

console.log(`MOCK_OPENROUTER_URL=${mock.baseURL}`);

const stop = () => {
  void mock.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
