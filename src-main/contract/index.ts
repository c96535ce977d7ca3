/**
 * The typed API between the console and the engine. Each request, response and event is declared
 * once with a runtime schema; both sides derive their types from here. Nothing of ours is imported,
 * and no node:* module, so the renderer can bundle it.
 */
import type { z } from 'zod';
import { awsCallRequest, awsCallResponse } from './aws';
import { eventsAppended, eventsRecentRequest, eventsRecentResponse } from './events';
import { clockGetRequest, clockGetResponse, labInfoRequest, labInfoResponse } from './lab';

export * from './envelope';
export * from './json';
export * from './lab';
export * from './aws';
export * from './events';

export const contractRequests = {
  'lab.info': { request: labInfoRequest, response: labInfoResponse },
  'aws.call': { request: awsCallRequest, response: awsCallResponse },
  'events.recent': { request: eventsRecentRequest, response: eventsRecentResponse },
  'clock.get': { request: clockGetRequest, response: clockGetResponse },
} as const;

export const contractEvents = {
  'events.appended': eventsAppended,
} as const;

export type RequestName = keyof typeof contractRequests;
export type EventName = keyof typeof contractEvents;

/** name → { request (what a caller may send, defaults optional), response }. */
export type ContractRequests = {
  [K in RequestName]: {
    request: z.input<(typeof contractRequests)[K]['request']>;
    response: z.infer<(typeof contractRequests)[K]['response']>;
  };
};
export type ContractEvents = { [K in EventName]: z.infer<(typeof contractEvents)[K]> };

export const isRequestName = (type: string): type is RequestName => Object.hasOwn(contractRequests, type);
export const isEventName = (name: string): name is EventName => Object.hasOwn(contractEvents, name);
