/** One function per contract request, over the engine's public API. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { ContractRequests, HistoryEvent, JsonObject, RequestName, contractRequests } from '../../contract';
import type { Engine } from '../index';
import { AwsError } from '../protocol/errors';
import { fromJson } from './from-json';
import { toJson } from './to-json';
import { createConsoleHandlers } from './console-handlers';
import { createLabsHandlers } from './labs-handlers';
import { createMailboxHandlers } from './mailbox-handlers';
import { createTerminalHandlers } from './terminal-handlers';

type Parsed<K extends RequestName> = z.output<(typeof contractRequests)[K]['request']>;
export type ContractHandlers = {
  [K in RequestName]: (request: Parsed<K>) => Promise<ContractRequests[K]['response']>;
};

interface EventRow {
  time: number;
  request_id: string;
  account_id: string;
  region: string;
  source: string;
  principal_arn: string;
  service: string;
  operation: string;
  error_code: string | null;
  error_message: string | null;
}

function readVersion(resourcesDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(resourcesDir, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'dev';
  } catch {
    return 'dev';
  }
}

export function createHandlers(engine: Engine, options: { version?: string; endpoint?: () => string | undefined }): ContractHandlers {
  const version = options.version ?? readVersion(engine.resourcesDir);
  const recentEvents = engine.store.stmt(
    `SELECT time, request_id, account_id, region, source, principal_arn, service, operation, error_code, error_message
       FROM events WHERE account_id = ? ORDER BY id DESC LIMIT ?`,
  );
  // Service names come from the models; read once, on first lab.info.
  let services: ContractRequests['lab.info']['response']['services'] | undefined;
  const listServices = () =>
    (services ??= engine.services.map((id) => {
      let name = id;
      try {
        const meta = engine.model(id).metadata;
        name = meta.serviceFullName ?? meta.serviceId ?? id;
      } catch {
        // A service without a model file still shows, under its id.
      }
      return { id, name, hasBehaviour: true };
    }));

  return {
    async 'lab.info'() {
      return {
        accountId: engine.account.accountId,
        defaultRegion: engine.regions.has('us-east-1') ? 'us-east-1' : (engine.regions.all[0]?.name ?? 'us-east-1'),
        regions: engine.regions.all.map((r) => ({ name: r.name, label: r.label, optIn: r.optIn })),
        services: listServices(),
        version,
        ...(options.endpoint?.() ? { endpoint: options.endpoint() } : {}),
      };
    },

    async 'aws.call'({ service, operation, input, region }) {
      let model;
      try {
        model = engine.model(service);
      } catch {
        throw new AwsError('UnknownService', `The lab has no model for the service '${service}'.`, 400);
      }
      const engineInput = fromJson(model.operations[operation]?.input, input) as Record<string, unknown>;
      // Console users are the lab's root user until IAM sign-in exists.
      const output = await engine.call(engine.account.root, service, operation, engineInput, {
        source: 'console',
        region,
      });
      const json = await toJson(output);
      return (json && typeof json === 'object' && !Array.isArray(json) ? json : {}) as JsonObject;
    },

    async 'events.recent'({ limit }) {
      engine.flushEvents();
      const rows = recentEvents.all(engine.account.accountId, limit) as EventRow[];
      return {
        events: rows.map((r): HistoryEvent => ({
          time: new Date(r.time).toISOString(),
          requestId: r.request_id,
          accountId: r.account_id,
          region: r.region,
          source: r.source,
          principalArn: r.principal_arn,
          service: r.service,
          operation: r.operation,
          ...(r.error_code ? { errorCode: r.error_code } : {}),
          ...(r.error_message ? { errorMessage: r.error_message } : {}),
        })),
      };
    },

    async 'clock.get'() {
      return { now: engine.clock.date().toISOString(), warp: engine.clock.warp };
    },

    ...createConsoleHandlers(engine),
    ...createLabsHandlers(engine),
    ...createMailboxHandlers(engine),
    ...createTerminalHandlers(engine),
  };
}
