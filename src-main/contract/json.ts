/** JSON values as they cross the boundary (no Dates, Buffers or streams: see contract-host). */
import { z } from 'zod';

export const jsonValue = z.json();
export type JsonValue = z.infer<typeof jsonValue>;

export const jsonObject = z.record(z.string(), jsonValue);
export type JsonObject = z.infer<typeof jsonObject>;
