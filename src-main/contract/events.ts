/** The event history (CloudTrail-like): one row per call, whoever made it. */
import { z } from 'zod';

export const historyEvent = z.object({
  /** Simulated time of the call, ISO 8601. */
  time: z.iso.datetime(),
  requestId: z.string(),
  accountId: z.string(),
  region: z.string(),
  /** 'api' (endpoint: CLI/SDK), 'console', 'cli' (lab terminals), 'guest', 'internal'. */
  source: z.string(),
  principalArn: z.string(),
  service: z.string(),
  operation: z.string(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});
export type HistoryEvent = z.infer<typeof historyEvent>;

export const eventsRecentRequest = z.object({
  limit: z.number().int().min(1).max(500).default(50),
});
export type EventsRecentRequest = z.input<typeof eventsRecentRequest>;
/** Newest first. */
export const eventsRecentResponse = z.object({ events: z.array(historyEvent) });
export type EventsRecentResponse = z.infer<typeof eventsRecentResponse>;

/** Pushed after every call is recorded. */
export const eventsAppended = historyEvent;
