import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { SITUATION_STATUSES, TRANSITIONS } from '../src/situations/situation.constants.js';

describe('the README describes the workflow', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('#### The workflow of a situation'));
  const diagram = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

  it('its Mermaid state diagram has exactly the transitions of the state machine, each with who moves it', () => {
    expect(diagram).toMatch(/^stateDiagram-v2/);
    const drawn = [...diagram.matchAll(/^\s*([a-z_]+) --> ([a-z_]+): (.+)$/gm)].filter(
      ([, from, to]) => (SITUATION_STATUSES as readonly string[]).includes(from) && (SITUATION_STATUSES as readonly string[]).includes(to),
    );
    const expected = Object.entries(TRANSITIONS)
      .flatMap(([from, tos]) => tos.map((to) => `${from}>${to}`))
      .sort();
    expect(drawn.map(([, from, to]) => `${from}>${to}`).sort()).toEqual(expected);
    // Only the coordination holds the `transition` action: every arrow names the coordinator.
    for (const [line, , , label] of drawn) expect({ line, names: /coordinator/.test(label) }).toEqual({ line, names: true });
  });

  it('shows the emergency refusal before any state is recorded', () => {
    expect(diagram).toMatch(/screening --> \[\*\]: .*15 \/ 112 \/ 3114/);
    expect(diagram).toMatch(/screening --> submitted/);
  });
});
