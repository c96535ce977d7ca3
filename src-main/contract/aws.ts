/**
 * aws.call: one AWS operation, run by the same dispatcher as the endpoint and the CLI, so it shows up
 * in the event history with source 'console'. Binary members (S3 bodies) are base64 strings here;
 * timestamps are ISO 8601 strings.
 */
import { z } from 'zod';
import { jsonObject } from './json';

export const awsCallRequest = z.object({
  /** Model folder name: 's3', 'ec2', 'iam'... */
  service: z.string().regex(/^[a-z0-9-]{1,64}$/),
  /** Operation name exactly as in the model: 'CreateBucket'. */
  operation: z.string().regex(/^[A-Za-z0-9]{1,128}$/),
  input: jsonObject.default({}),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .optional(),
});
export type AwsCallRequest = z.input<typeof awsCallRequest>;

/** The operation's output in the model's shape (PascalCase members). */
export const awsCallResponse = jsonObject;
export type AwsCallResponse = z.infer<typeof awsCallResponse>;
