import { beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { useLab, type RunningLab } from '../../helpers/lab';
import { awsCli } from '../../helpers/clients';

const useTheLab = useLab();
let lab: RunningLab;
beforeAll(() => {
  lab = useTheLab();
});

const client = (accessKeyId: string, secretAccessKey: string) =>
  new STSClient({ endpoint: lab.endpoint, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey }, maxAttempts: 1 });

describe('STS GetCallerIdentity', () => {
  it('names the root user through SDK v3 and the real CLI', async () => {
    const id = await client(lab.credentials.accessKeyId, lab.credentials.secretAccessKey).send(new GetCallerIdentityCommand({}));
    expect(id.Account).toMatch(/^\d{12}$/);
    expect(id.Arn).toBe(`arn:aws:iam::${id.Account}:root`);
    const cli = awsCli(lab, ['sts', 'get-caller-identity', '--output', 'json']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ UserId: id.Account, Account: id.Account, Arn: id.Arn });
  });

  it('refuses an unknown key with InvalidClientTokenId and a wrong secret with SignatureDoesNotMatch', async () => {
    const unknown = await client('AKIAIOSFODNN7EXAMPLE', 'x'.repeat(40)).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(STSServiceException);
    expect((unknown as STSServiceException).name).toBe('InvalidClientTokenId');
    expect((unknown as STSServiceException).message).toBe('The security token included in the request is invalid.');
    expect((unknown as STSServiceException).$metadata.httpStatusCode).toBe(403);

    const wrong = await client(lab.credentials.accessKeyId, 'y'.repeat(40)).send(new GetCallerIdentityCommand({})).catch((e: unknown) => e);
    expect((wrong as STSServiceException).name).toBe('SignatureDoesNotMatch');
    expect((wrong as STSServiceException).$metadata.httpStatusCode).toBe(403);

    const cli = awsCli(lab, ['sts', 'get-caller-identity'], {});
    expect(cli.status).toBe(0);
    const bad = { ...lab, cliEnv: { ...lab.cliEnv, AWS_SECRET_ACCESS_KEY: 'z'.repeat(40) } };
    const denied = awsCli(bad, ['sts', 'get-caller-identity']);
    expect(denied.status).toBe(254);
    expect(denied.stderr).toContain('An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation');
  });
});
