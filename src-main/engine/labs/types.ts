/**
 * The shapes of the chapter runtime: what a chapter and its steps are, what a check answers, and what
 * the runtime needs injected from the rest of the engine (the dispatcher, the event history, the
 * workstation and instance shells, the network model). Labs sit at rank 5: the cloud is reached only
 * through `call()` and these injected functions, never through a service's tables.
 */
import type { Call, Principal } from '../protocol/types';
import type { Store } from '../store/store';
import type { Clock } from '../clock/clock';

/** passed/failed come from the cloud's state; unavailable = a piece of the lab the step needs is missing. */
export type CheckStatus = 'passed' | 'failed' | 'unavailable';

export interface CheckResult {
  status: CheckStatus;
  /** In the learner's words: what is done, or precisely what is still missing and why. */
  detail: string;
}

export const passed = (detail: string): CheckResult => ({ status: 'passed', detail });
export const failed = (detail: string): CheckResult => ({ status: 'failed', detail });
export const unavailable = (detail: string): CheckResult => ({ status: 'unavailable', detail });

export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export type MachineTarget =
  | { kind: 'workstation' }
  | { kind: 'instance'; instanceId: string; region: string; user?: string };

/**
 * The guest/terminal API, injected by the composition root. `run` executes one command line in a
 * background session (checks use it: nothing appears in the learner's terminal); `type` is "Show me":
 * it types the line into the learner's visible terminal for that machine and waits for the prompt.
 */
export interface LabMachines {
  run(target: MachineTarget, line: string): Promise<CommandOutput>;
  type?(target: MachineTarget, line: string): Promise<CommandOutput>;
}

/**
 * Programs on the learner's own computer (the book's Node.js programs), reaching the lab through its
 * AWS endpoint exactly as `nimbus exec` runs them: endpoint, region and an access key in the
 * environment, aws-sdk v2 pointed at the lab by the same preload. Injected by the composition root,
 * which knows where the endpoint listens.
 */
export interface LabPrograms {
  /** `node FILE ARGS…` signing with the given key (mycli's, not the root user's). */
  node(file: string, args: string[], env: { accessKeyId: string; secretAccessKey: string; region: string }): Promise<CommandOutput>;
}

export type ReachProtocol = 'tcp' | 'icmp';

export interface ReachAnswer {
  reachable: boolean;
  /** The network model's explanation ("security group sg-… allows port 22 only from 10.0.0.0/8 …"). */
  reason: string;
}

/** The network model's reachability, injected (engine/network is built separately). */
export interface LabNetwork {
  /** The learner's workstation address as the cloud sees it. */
  workstationIp: string;
  reach(query: {
    from: MachineTarget;
    /** The target instance (its primary interface's addresses). */
    toInstanceId: string;
    region: string;
    /** TCP port; ignored for ICMP (an echo request, what ping sends). */
    port?: number;
    protocol: ReachProtocol;
  }): Promise<ReachAnswer>;
}

/** One row of the event history (core table, not a service's), as checks read it. */
export interface HistoryRow {
  time: number;
  region: string;
  source: string;
  principalArn: string;
  service: string;
  operation: string;
  errorCode?: string;
  userAgent?: string;
  /** The summarized request parameters the dispatcher recorded (JSON), when any. */
  parameters?: Record<string, unknown>;
}

export interface LabDeps {
  store: Store;
  clock: Clock;
  call: Call;
  accountId: string;
  /** The account's root user: checks and console-like solver steps act as it. */
  root: Principal;
  resourcesDir: string;
  /** Folder of lab.db; snapshots go under it (undefined: an in-memory lab, snapshots go to a temp folder). */
  dataDir?: string;
  /** True when the lab has behaviour for service:operation (a handler exists). */
  hasOperation(service: string, operation: string): boolean;
  /** Subscribe to every recorded call (checks re-run, debounced). */
  onEvent(listener: () => void): () => void;
  /** The event history since `since` (simulated ms), oldest first. */
  history(since: number): HistoryRow[];
  machines?: LabMachines;
  network?: LabNetwork;
  programs?: LabPrograms;
  /** After a snapshot is restored: restart lifecycles from the restored state (the providers' start hooks). */
  afterRestore?(): void;
  /** Regions the inventory looks into (default: every region of the lab). */
  regions: string[];
  /** Debounce of live re-checks in real milliseconds (default 250; 0 = synchronous scheduling, tests). */
  recheckDelayMs?: number;
}

/** What a step's check, solver and hints see. */
export interface StepContext {
  readonly deps: LabDeps;
  /** Internal calls as the root user (not cluttering the learner's history: source 'internal'). */
  aws(service: string, operation: string, input?: Record<string, unknown>, region?: string): Promise<Record<string, unknown>>;
  /** Calls made the way the console makes them (source 'console'): used by "Show me". */
  console(service: string, operation: string, input?: Record<string, unknown>, region?: string): Promise<Record<string, unknown>>;
  /** Simulated time the chapter was (re)started: history before it belongs to other work. */
  readonly chapterStartedAt: number;
  /** Steps of this chapter that have passed at least once since the chapter started. */
  hasPassed(stepId: string): boolean;
  /** Chapter-scoped notes a solver leaves for later steps (ids it created), persisted with the progress. */
  notes: Map<string, string>;
}

/** What a step needs that the lab might not have yet; checked before its check and solver run. */
export type Need =
  | { op: `${string}:${string}` }
  | { machine: 'workstation' | 'instance' }
  | { network: true }
  /** Runs programs on the learner's computer against the lab's endpoint (`nimbus exec`). */
  | { programs: true };

export interface StepDefinition {
  id: string;
  title: string;
  /** The book's section, e.g. '§3.1.1'. */
  section: string;
  /** Needed to pass the check (checks say which one is missing). */
  needs: Need[];
  /** Additional needs of the solver only. */
  solveNeeds?: Need[];
  /** Increasing detail: a nudge, then where to click, then the exact command. */
  hints: string[];
  /**
   * Later steps in which the book has the learner remove what this step built (terminate the
   * machine, delete the stack). Once one of them has passed, this step is no longer re-checked: it
   * passed before and stays done.
   */
  retiredBy?: string[];
  /** Not counted towards completion (optional in the book). */
  optional?: boolean;
  /**
   * A step that depends on a part of the lab still to come: while its needs are missing it says this
   * text and is not counted; once they exist it counts like any other step.
   */
  comesLater?: string;
  check(ctx: StepContext): Promise<CheckResult>;
  /** Performs the step visibly: console calls as the console makes them, commands typed into terminals. */
  solve(ctx: StepContext): Promise<void>;
}

export interface ChapterCost {
  /** What is billed, in the learner's words. */
  item: string;
  region: string;
  /** Instance type (priced from resources/ec2/instance-types.json) or a fixed hourly price. */
  instanceType?: string;
  pricePerHour?: number;
  count: number;
  /** How long the chapter keeps it, in hours, if a learner follows it at the book's pace. */
  hours: number;
}

export interface ChapterDefinition {
  number: number;
  slug: string;
  title: string;
  sections: string;
  steps: StepDefinition[];
  /** Resources this chapter keeps for later chapters (not counted as leftovers): inventory keys. */
  keeps: string[];
  /** The prepared state a chapter starts from (what earlier chapters leave behind). */
  prepare?(ctx: StepContext): Promise<void>;
  /** Removes everything the chapter made except `keeps` (used by the solver and "clean up for me"). */
  cleanup(ctx: StepContext): Promise<void>;
  costs: ChapterCost[];
}
