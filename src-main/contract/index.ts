/**
 * The typed API between the console and the engine. Each request, response and event is declared
 * once with a runtime schema; both sides derive their types from here. Nothing of ours is imported,
 * and no node:* module, so the renderer can bundle it.
 */
import type { z } from 'zod';
import { awsCallRequest, awsCallResponse } from './aws';
import { eventsAppended, eventsRecentRequest, eventsRecentResponse } from './events';
import { clockGetRequest, clockGetResponse, labInfoRequest, labInfoResponse } from './lab';
import {
  billingSummaryRequest,
  billingSummaryResponse,
  workstationInfoRequest,
  workstationInfoResponse,
  workstationSaveFileRequest,
  workstationSaveFileResponse,
} from './console';
import { mailboxListRequest, mailboxListResponse, mailboxMarkReadRequest, mailboxMarkReadResponse } from './mailbox';
import { instancesFailHostRequest, instancesFailHostResponse } from './host-failure';
import {
  chapterStatus,
  chaptersEvaluateRequest,
  chaptersExportRequest,
  chaptersExportResponse,
  chaptersListRequest,
  chaptersListResponse,
  chaptersOpenRequest,
  chaptersOpenResponse,
  chaptersResetLabRequest,
  chaptersResetLabResponse,
  chaptersResetRequest,
  chaptersShowMeRequest,
  chaptersStartRequest,
  chaptersUpdated,
} from './labs';
import {
  terminalAttachRequest,
  terminalAttachResponse,
  terminalBlocked,
  terminalCloseRequest,
  terminalEmptyResponse,
  terminalExit,
  terminalIdle,
  terminalInputRequest,
  terminalListRequest,
  terminalListResponse,
  terminalOpenRequest,
  terminalOpenResponse,
  terminalOutput,
  terminalResizeRequest,
} from './terminal';

export * from './envelope';
export * from './json';
export * from './lab';
export * from './aws';
export * from './events';
export * from './console';
export * from './mailbox';
export * from './host-failure';
export * from './labs';
export * from './terminal';

export const contractRequests = {
  'lab.info': { request: labInfoRequest, response: labInfoResponse },
  'aws.call': { request: awsCallRequest, response: awsCallResponse },
  'events.recent': { request: eventsRecentRequest, response: eventsRecentResponse },
  'clock.get': { request: clockGetRequest, response: clockGetResponse },
  'billing.summary': { request: billingSummaryRequest, response: billingSummaryResponse },
  'mailbox.list': { request: mailboxListRequest, response: mailboxListResponse },
  'mailbox.markRead': { request: mailboxMarkReadRequest, response: mailboxMarkReadResponse },
  'instances.failHost': { request: instancesFailHostRequest, response: instancesFailHostResponse },
  'workstation.info': { request: workstationInfoRequest, response: workstationInfoResponse },
  'workstation.saveFile': { request: workstationSaveFileRequest, response: workstationSaveFileResponse },
  'chapters.list': { request: chaptersListRequest, response: chaptersListResponse },
  'chapters.open': { request: chaptersOpenRequest, response: chaptersOpenResponse },
  'chapters.evaluate': { request: chaptersEvaluateRequest, response: chapterStatus },
  'chapters.start': { request: chaptersStartRequest, response: chapterStatus },
  'chapters.reset': { request: chaptersResetRequest, response: chapterStatus },
  'chapters.showMe': { request: chaptersShowMeRequest, response: chapterStatus },
  'chapters.resetLab': { request: chaptersResetLabRequest, response: chaptersResetLabResponse },
  'chapters.export': { request: chaptersExportRequest, response: chaptersExportResponse },
  'terminal.open': { request: terminalOpenRequest, response: terminalOpenResponse },
  'terminal.attach': { request: terminalAttachRequest, response: terminalAttachResponse },
  'terminal.input': { request: terminalInputRequest, response: terminalEmptyResponse },
  'terminal.resize': { request: terminalResizeRequest, response: terminalEmptyResponse },
  'terminal.close': { request: terminalCloseRequest, response: terminalEmptyResponse },
  'terminal.list': { request: terminalListRequest, response: terminalListResponse },
} as const;

export const contractEvents = {
  'events.appended': eventsAppended,
  'chapters.updated': chaptersUpdated,
  'terminal.output': terminalOutput,
  'terminal.idle': terminalIdle,
  'terminal.exit': terminalExit,
  'terminal.blocked': terminalBlocked,
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
