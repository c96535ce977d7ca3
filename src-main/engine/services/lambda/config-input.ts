/** Checks and defaults shared by CreateFunction and UpdateFunctionConfiguration. */
import { invalidParameter, validation } from './errors';
import { RUNTIMES, type FunctionConfig } from './state/functions';

export interface ConfigInput {
  Runtime?: string;
  Handler?: string;
  Role?: string;
  Description?: string;
  Timeout?: number;
  MemorySize?: number;
  Environment?: { Variables?: Record<string, string> };
  Architectures?: string[];
  EphemeralStorage?: { Size: number };
}

const RESERVED_ENV = /^(_HANDLER|_X_AMZN_TRACE_ID|AWS_DEFAULT_REGION|AWS_REGION|AWS_EXECUTION_ENV|AWS_LAMBDA_FUNCTION_NAME|AWS_LAMBDA_FUNCTION_MEMORY_SIZE|AWS_LAMBDA_FUNCTION_VERSION|AWS_LAMBDA_INITIALIZATION_TYPE|AWS_LAMBDA_LOG_GROUP_NAME|AWS_LAMBDA_LOG_STREAM_NAME|AWS_ACCESS_KEY|AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN|AWS_LAMBDA_RUNTIME_API|LAMBDA_TASK_ROOT|LAMBDA_RUNTIME_DIR)$/;

export function applyConfig(base: FunctionConfig, input: ConfigInput): FunctionConfig {
  const out: FunctionConfig = { ...base };
  if (input.Runtime !== undefined) {
    if (!RUNTIMES.includes(input.Runtime)) {
      throw invalidParameter(`Value ${input.Runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${RUNTIMES.join(', ')}] or be a valid ARN`);
    }
    out.Runtime = input.Runtime;
  }
  if (input.Handler !== undefined) out.Handler = input.Handler;
  if (input.Role !== undefined) out.Role = input.Role;
  if (input.Description !== undefined) out.Description = input.Description;
  if (input.Timeout !== undefined) {
    if (input.Timeout < 1 || input.Timeout > 900) throw validation(String(input.Timeout), 'timeout', 'Member must have value less than or equal to 900');
    out.Timeout = input.Timeout;
  }
  if (input.MemorySize !== undefined) {
    if (input.MemorySize < 128 || input.MemorySize > 10240) throw validation(String(input.MemorySize), 'memorySize', 'Member must have value greater than or equal to 128');
    out.MemorySize = input.MemorySize;
  }
  if (input.Environment !== undefined) {
    const vars = input.Environment.Variables ?? {};
    const reserved = Object.keys(vars).filter((k) => RESERVED_ENV.test(k));
    if (reserved.length) throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`);
    if (Buffer.byteLength(JSON.stringify(vars)) > 4096) throw invalidParameter('Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.');
    out.Environment = vars;
  }
  if (input.Architectures !== undefined) out.Architectures = input.Architectures;
  if (input.EphemeralStorage !== undefined) out.EphemeralStorage = input.EphemeralStorage.Size;
  return out;
}
