/**
 * Runs the scripted sequences in `sim/scenarios/*.json` (format in sim/README.md). Steps are
 * timed from the start of a run (divided by `speed`); `$agent` / `$agentDn` stand for the agent
 * the run is for. Labels name calls so later steps can address them; they follow the parties
 * through transfers. Agents driven by a scenario act from a simulated desktop (no HTTP).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimCore } from '../core.ts';
import { GwsError, MISSING, NOT_FOUND } from '../gws-error.ts';
import type { Agent } from '../model/agents.ts';
import { executeAgentStep, type AgentStep } from './scenario-steps.ts';
import { validateScenario } from './validate.ts';
import { createSimCall, remoteAction } from '../control/sim-calls.ts';

export interface ScenarioStep extends AgentStep {
  at: number;
  action: 'call' | 'remote-answer' | 'remote-hangup' | 'login' | 'agent-op' | 'auto-answer';
  to?: string;
  from?: string;
  dnis?: string;
  callType?: string;
}

export interface ScenarioFile {
  name?: string;
  description?: string;
  repeat?: number;
  repeatEveryMs?: number;
  steps: ScenarioStep[];
}

interface Run {
  id: number;
  name: string;
  timers: Set<NodeJS.Timeout>;
  autoAnswer: Map<string, number>;
  poller?: NodeJS.Timeout;
}

const MAX_REPEAT = 100;

export class ScenarioRunner {
  private readonly core: SimCore;
  private readonly dir: string;
  private readonly runs = new Map<number, Run>();
  private nextId = 1;

  constructor(core: SimCore, dir: string) {
    this.core = core;
    this.dir = dir;
  }

  list(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort();
    } catch {
      return [];
    }
  }

  load(name: string): ScenarioFile {
    if (!/^[\w-]+$/.test(name) || !this.list().includes(name))
      throw new GwsError(NOT_FOUND, `Scenario ${name} not found`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(this.dir, `${name}.json`), 'utf8'));
    } catch (e) {
      throw new GwsError(MISSING, `Scenario ${name} is not valid JSON: ${(e as Error).message}`);
    }
    return validateScenario(name, parsed);
  }

  run(
    name: string,
    opts: { agent?: string; speed?: number },
  ): { runId: number; steps: number; durationMs: number } {
    const file = this.load(name);
    const agent = this.core.agents.byNameOrDn(
      opts.agent ?? this.core.agents.list[0]?.userName ?? '',
    );
    if (!agent) throw new GwsError(NOT_FOUND, `No agent ${opts.agent}`);
    const speed = opts.speed && opts.speed > 0 ? opts.speed : 1;
    const run: Run = { id: this.nextId++, name, timers: new Set(), autoAnswer: new Map() };
    this.runs.set(run.id, run);
    const repeat = Math.min(Math.max(1, file.repeat ?? 1), MAX_REPEAT);
    const lastAt = Math.max(0, ...file.steps.map((s) => s.at));
    const every = file.repeatEveryMs ?? lastAt + 1000;
    for (let r = 0; r < repeat; r++) {
      for (const step of file.steps) {
        this.schedule(run, (r * every + step.at) / speed, () =>
          this.execute(run, r, agent, step, speed),
        );
      }
    }
    const durationMs = ((repeat - 1) * every + lastAt) / speed;
    this.schedule(run, durationMs + 10, () => this.finish(run));
    this.core.log(
      `scenario ${name} run ${run.id} for ${agent.userName} (${file.steps.length} steps × ${repeat})`,
    );
    return { runId: run.id, steps: file.steps.length * repeat, durationMs };
  }

  private schedule(run: Run, ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      run.timers.delete(t);
      fn();
    }, ms);
    run.timers.add(t);
  }

  private execute(run: Run, round: number, agent: Agent, step: ScenarioStep, speed: number): void {
    const sub = (v: string | undefined) =>
      v?.replaceAll('$agentDn', agent.dn).replaceAll('$agent', agent.userName);
    const label = (l: string | undefined) => (l ? `run${run.id}.${round}:${l}` : undefined);
    const { notify } = this.core;
    try {
      const { events } = notify.capture(() => {
        switch (step.action) {
          case 'call':
            createSimCall(this.core, {
              to: sub(step.to) ?? agent.userName,
              from: sub(step.from),
              dnis: step.dnis,
              callType: step.callType,
              userData: step.userData,
              label: label(step.label),
            });
            break;
          case 'remote-answer':
          case 'remote-hangup':
            remoteAction(this.core, label(step.call) ?? '', {
              action: step.action === 'remote-answer' ? 'answer' : 'hangup',
            });
            break;
          case 'auto-answer': {
            const who = this.core.agents.byNameOrDn(sub(step.agent) ?? '');
            if (who) run.autoAnswer.set(who.userName, (step.delayMs ?? 1500) / speed);
            this.startPoller(run);
            break;
          }
          default:
            executeAgentStep(this.core, {
              ...step,
              agent: sub(step.agent),
              call: label(step.call),
              label: label(step.label),
              destination: sub(step.destination),
            });
        }
      });
      notify.dispatch(events);
    } catch (e) {
      this.core.log(
        `scenario ${run.name} step ${step.action}@${step.at} skipped: ${(e as Error).message}`,
      );
    }
  }

  /** Answers calls ringing at auto-answer agents once they rang long enough. */
  private startPoller(run: Run): void {
    if (run.poller) return;
    run.poller = setInterval(() => {
      try {
        for (const [userName, delay] of run.autoAnswer) {
          const a = this.core.agents.byUserName(userName);
          for (const v of a?.calls ?? []) {
            if (v.state === 'Ringing' && Date.now() - v.startedAt >= delay)
              this.core.telephony.answer(v);
          }
        }
      } catch (e) {
        this.core.log(`scenario ${run.name} auto-answer failed: ${(e as Error).message}`);
      }
    }, 100);
  }

  private finish(run: Run): void {
    for (const t of run.timers) clearTimeout(t);
    if (run.poller) clearInterval(run.poller);
    this.runs.delete(run.id);
  }

  stopAll(): number {
    const n = this.runs.size;
    for (const run of [...this.runs.values()]) this.finish(run);
    return n;
  }

  get running(): Array<{ runId: number; name: string }> {
    return [...this.runs.values()].map((r) => ({ runId: r.id, name: r.name }));
  }
}
