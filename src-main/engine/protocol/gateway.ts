/**
 * The endpoint's AWS side: HttpRequest → (signing name → service) → operation → SigV4 → parse →
 * `call()` → serialize, every failure answered in the protocol's own error form. Routers, codecs and
 * service lookups are built once and cached; nothing here compiles a regex per request.
 */
import type { LoadedModel } from '../models/load';
import type { OperationModel, Protocol } from '../models/types';
import { AwsError, internalFailure, invalidAction, missingAction, missingAuthenticationToken, restUnknownOperation, s3MethodNotAllowed, unknownOperation, unknownService } from './errors';
import type { Codec, ResponseContext, RouteMatch } from './codec';
import { isFormBody } from './codec';
import { jsonCodec } from './json';
import { collectQueryParams, ec2Codec, queryCodec } from './query';
import { restJsonCodec } from './rest-json';
import { restXmlCodec } from './rest-xml';
import { payloadMember } from './rest';
import { createServiceMap, pickByVersion, resolveAction, resolveTarget, restRouter } from './resolve';
import { s3PathStylePath } from './s3-addressing';
import { sqsQueryCompatCodec } from './sqs-query-compat';
import { readSigningInfo, type AuthResult } from './sigv4';
import { requestId as uuidRequestId, s3RequestId } from '../ids';
import type { Call, HttpRequest, HttpResponse } from './types';

export interface GatewayDeps {
  model(service: string): LoadedModel;
  /** Service keys with models. */
  listServices(): string[];
  call: Call;
  authenticate(req: HttpRequest, opts: { service: string; streamingBody: boolean }): Promise<AuthResult>;
}

export interface Gateway {
  handle(req: HttpRequest): Promise<HttpResponse>;
}

const CODECS: Record<Protocol, Codec> = {
  query: queryCodec,
  ec2: ec2Codec,
  json: jsonCodec,
  'rest-json': restJsonCodec,
  'rest-xml': restXmlCodec,
};

/** Where a request is in the flow, so a failure at any point is answered in the right form. */
interface Progress {
  model?: LoadedModel;
  codec: Codec;
  requestId: string;
}

// A form body at '/' is a query call; elsewhere it may be an upload to S3 (curl -d).
const hasActionParam = (req: HttpRequest): boolean =>
  req.rawQuery.startsWith('Action=') || req.rawQuery.includes('&Action=') || (req.path === '/' && isFormBody(req));

/** Before the service is known: json if X-Amz-Target, query if Action, else S3's rest-xml. */
function guessCodec(req: HttpRequest): Codec {
  if (req.headers['x-amz-target']) return jsonCodec;
  if (hasActionParam(req)) return queryCodec;
  return restXmlCodec;
}

const isStreamingInput = (op: OperationModel): boolean => {
  const p = payloadMember(op.input);
  return !!p && p[1].type === 'blob' && !!p[1].streaming;
};

export function createGateway(deps: GatewayDeps): Gateway {
  const servicesFor = createServiceMap(deps);

  async function route(req: HttpRequest, progress: Progress, signingName: string | undefined): Promise<HttpResponse> {
    const services = signingName ? servicesFor(signingName) : ['s3'];
    if (services.length === 0) throw unknownService(signingName ?? '');
    const models = services.map((s) => deps.model(s));
    const first = models[0]!;
    progress.model = first;
    progress.codec = CODECS[first.metadata.protocol];
    progress.requestId = first.service === 's3' ? s3RequestId() : uuidRequestId();

    let model: LoadedModel;
    let match: RouteMatch;
    let codec: Codec;
    let auth: AuthResult;
    const protocol = first.metadata.protocol;
    if (protocol === 'rest-xml' || protocol === 'rest-json') {
      // Routing needs only method, path, query and headers: resolve first, so S3 knows whether to stream.
      const query = new URLSearchParams(req.rawQuery);
      const routed = { ...req };
      let found: { model: LoadedModel; match: RouteMatch } | undefined;
      for (const m of models) {
        routed.path = m.service === 's3' ? s3PathStylePath(req.headers.host, req.path) : req.path;
        const hit = restRouter(m).match(req.method, routed.path, query, req.headers);
        if (hit) {
          found = { model: m, match: hit };
          break;
        }
      }
      if (!found) throw protocol === 'rest-xml' ? s3MethodNotAllowed(req.method) : restUnknownOperation();
      ({ model, match } = found);
      codec = CODECS[model.metadata.protocol];
      auth = await deps.authenticate(req, { service: model.service, streamingBody: isStreamingInput(match.operation) });
      progress.model = model;
      progress.codec = codec;
      return finish(routed, model, match, codec, auth, progress);
    }

    // json, query and ec2 carry the operation in the signed body: verify and buffer it first.
    auth = await deps.authenticate(req, { service: first.service, streamingBody: false });
    const target = req.headers['x-amz-target'];
    if (target) {
      for (const m of models) {
        // A query service whose newer clients speak JSON 1.0 (CloudWatch) declares a targetPrefix in its patch.
        if (m.metadata.protocol !== 'json' && !m.metadata.targetPrefix) continue;
        const op = resolveTarget(m, target);
        if (!op) continue;
        progress.codec = jsonCodec;
        return finish(req, m, { operation: op }, jsonCodec, auth, progress);
      }
      throw unknownOperation();
    }
    const params = collectQueryParams(req, auth.body);
    const queryModels = models.filter((m) => m.metadata.protocol !== 'json' || m.metadata.awsQueryCompatible);
    const picked = pickByVersion(queryModels, params.values.get('Version'));
    if (!picked) throw unknownOperation();
    model = picked;
    codec = model.metadata.protocol === 'json' ? sqsQueryCompatCodec : CODECS[model.metadata.protocol];
    progress.model = model;
    progress.codec = codec;
    const action = params.values.get('Action');
    if (!action) throw missingAction();
    const op = resolveAction(model, action);
    if (!op) throw invalidAction(action);
    return finish(req, model, { operation: op, params }, codec, auth, progress);
  }

  async function finish(
    req: HttpRequest,
    model: LoadedModel,
    match: RouteMatch,
    codec: Codec,
    auth: AuthResult,
    progress: Progress,
  ): Promise<HttpResponse> {
    const input = codec.parse(model, match, req, auth.body);
    const output = await deps.call(auth.principal, model.service, match.operation.name, input, {
      region: auth.region,
      requestId: progress.requestId,
      sourceIp: req.remoteAddress,
      userAgent: req.headers['user-agent'],
      host: req.headers.host,
    });
    const ctx: ResponseContext = { requestId: progress.requestId, method: req.method };
    return codec.serialize(model, match.operation, output ?? {}, ctx);
  }

  return {
    async handle(req) {
      const progress: Progress = { codec: guessCodec(req), requestId: '' };
      try {
        const info = readSigningInfo(req);
        if (!info && progress.codec !== restXmlCodec) throw missingAuthenticationToken();
        return await route(req, progress, info?.service);
      } catch (e) {
        const error = e instanceof AwsError ? e : internalFailure();
        if (!(e instanceof AwsError)) console.error('Nimbus Lab gateway: unexpected error', e);
        if (!progress.requestId) progress.requestId = progress.codec === restXmlCodec ? s3RequestId() : uuidRequestId();
        return progress.codec.error(progress.model, error, { requestId: progress.requestId, method: req.method });
      }
    },
  };
}
