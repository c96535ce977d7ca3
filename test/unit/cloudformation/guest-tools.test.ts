import { describe, expect, it } from 'vitest';
import { cfnGetMetadata, cfnHupPoll, cfnInit, cfnSignal, type CfnToolHost } from '../../../src-main/engine/services/cloudformation/guest-tools';
import { signalWaitConditionHandle } from '../../../src-main/engine/services/cloudformation';
import { cfnLab, fixture, type CfnLab } from './lab';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** A guest stand-in: files in a map, every command line recorded (and failing when it says `false`). */
function fakeGuest(lab: CfnLab) {
  const files = new Map<string, string>();
  const ran: string[] = [];
  const host: CfnToolHost = {
    async run(command) {
      ran.push(command);
      return command.includes('false') ? { exitCode: 1, stdout: '', stderr: 'boom' } : { exitCode: 0, stdout: '', stderr: '' };
    },
    readFile: async (p) => files.get(p),
    async writeFile(p, d) {
      files.set(p, d.toString());
    },
    cloudformation: (op, input, region) => lab.engine.call(lab.engine.account.root, 'cloudformation', op, input, { region, source: 'guest' }),
    putUrl: async (url, body) => signalWaitConditionHandle(lab.engine.store, url, body).status,
    instanceId: async () => 'i-0123456789abcdef0',
    defaultRegion: 'us-east-1',
  };
  return { host, files, ran };
}

async function webStack(lab: CfnLab) {
  await lab.call('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
  await lab.cfn('CreateStack', { StackName: 'web', TemplateBody: fixture('web-server.yaml'), Parameters: [{ ParameterKey: 'KeyName', ParameterValue: 'mykey' }] });
  await lab.run(180_000);
}

describe('cfn-init, cfn-signal, cfn-get-metadata and cfn-hup', () => {
  it('cfn-init runs the config set in order: packages, files, commands, services', async () => {
    const lab = cfnLab();
    await webStack(lab);
    const g = fakeGuest(lab);
    const r = await cfnInit(['-v', '--stack', 'web', '--resource', 'WebServer', '--region', 'us-east-1'], g.host);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(g.ran).toEqual([
      "yum install -y 'httpd'",
      'chkconfig \'httpd\' on || systemctl enable \'httpd\'',
      "service 'httpd' start",
      "chmod 0644 '/var/www/html/index.html'",
      "chown apache:apache '/var/www/html/index.html'",
      'echo configured > /tmp/cfn-init-ran',
    ]);
    expect(g.files.get('/var/www/html/index.html')).toBe('<h1>Hello from web</h1>\n');
    expect(g.files.get('/var/log/cfn-init.log')).toContain('cfn-init completed successfully\n');
    expect(r.stdout).toContain('Running config install\n');
  });

  it('cfn-init fails on a failing command, and on a missing stack or config set', async () => {
    const lab = cfnLab();
    await webStack(lab);
    const g = fakeGuest(lab);
    expect(await cfnInit(['-s', 'nope', '-r', 'WebServer'], g.host)).toEqual({ exitCode: 1, stdout: '', stderr: 'ValidationError: Stack with id nope does not exist\n' });
    expect(await cfnInit(['-s', 'web', '-r', 'WebServer', '-c', 'other'], g.host)).toEqual({ exitCode: 1, stdout: '', stderr: 'Error: configSet other does not exist\n' });
    expect(await cfnInit(['-s', 'web'], g.host)).toEqual({ exitCode: 1, stdout: '', stderr: 'Error: You must specify both a stack name and logical resource id\n' });
    expect((await cfnInit(['--bogus'], g.host)).exitCode).toBe(2);
  });

  it('cfn-signal signals the resource with the instance id, or a wait-condition handle URL', async () => {
    const lab = cfnLab();
    await webStack(lab);
    const g = fakeGuest(lab);
    expect(await cfnSignal(['-e', '0', '--stack', 'web', '--resource', 'WebServer', '--region', 'us-east-1'], g.host)).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    await lab.settle();
    expect(await lab.status('web')).toBe('CREATE_COMPLETE');
    expect(await cfnSignal(['-e', '0', '--stack', 'web', '--resource', 'WebServer'], g.host)).toEqual({
      exitCode: 1,
      stdout: '',
      stderr: 'ValidationError: Resource WebServer is in CREATE_COMPLETE state and can not be signaled. Signals can only be sent to resources that are in progress.\n',
    });
    await lab.cfn('CreateStack', { StackName: 'wc', TemplateBody: fixture('wait-condition.yaml') });
    await lab.run(5_000);
    const url = (await lab.cfn('DescribeStackResource', { StackName: 'wc', LogicalResourceId: 'Handle' })).StackResourceDetail.PhysicalResourceId;
    expect((await cfnSignal(['-e', '0', '-i', 'one', '-d', 'hello', url], g.host)).exitCode).toBe(0);
    expect((await cfnSignal(['--success', 'true', '-i', 'two', url], g.host)).exitCode).toBe(0);
    await lab.settle();
    const data = (await lab.cfn('DescribeStacks', { StackName: 'wc' })).Stacks[0].Outputs.find((o: any) => o.OutputKey === 'Data').OutputValue;
    expect(JSON.parse(data)).toEqual({ one: 'hello', two: 'Application has completed configuration.' });
  });

  it('cfn-get-metadata prints a key; cfn-hup runs its hook once the metadata changes', async () => {
    const lab = cfnLab();
    await webStack(lab);
    const g = fakeGuest(lab);
    const md = await cfnGetMetadata(['-s', 'web', '-r', 'WebServer', '-k', 'AWS::CloudFormation::Init.configSets'], g.host);
    expect(md).toEqual({ exitCode: 0, stdout: '{\n    "default": [\n        "install",\n        "site"\n    ]\n}\n', stderr: '' });
    g.files.set('/etc/cfn/cfn-hup.conf', '[main]\nstack=web\nregion=us-east-1\ninterval=1\n');
    const hook = '[cfn-auto-reloader-hook]\ntriggers=post.update\npath=Resources.WebServer.Metadata.AWS::CloudFormation::Init\naction=/opt/aws/bin/cfn-init -v --stack web --resource WebServer --region us-east-1\nrunas=root\n';
    expect(await cfnHupPoll(g.host, [hook])).toEqual([]);
    expect(await cfnHupPoll(g.host, [hook])).toEqual([]);
    // An update changes the Init metadata: the next poll runs the action.
    await lab.cfn('SignalResource', { StackName: 'web', LogicalResourceId: 'WebServer', UniqueId: 'i-1', Status: 'SUCCESS' });
    await lab.settle();
    const changed = fixture('web-server.yaml').replace('<h1>Hello from ${AWS::StackName}</h1>', '<h1>Version 2 of ${AWS::StackName}</h1>');
    await lab.cfn('UpdateStack', { StackName: 'web', TemplateBody: changed, Parameters: [{ ParameterKey: 'KeyName', UsePreviousValue: true }] });
    await lab.settle();
    expect((await lab.events('web')).slice(-4)).toEqual(['WebServer UPDATE_IN_PROGRESS', 'WebServer UPDATE_COMPLETE', 'web UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'web UPDATE_COMPLETE']);
    expect(await cfnHupPoll(g.host, [hook])).toEqual(['/opt/aws/bin/cfn-init -v --stack web --resource WebServer --region us-east-1']);
    expect(await cfnHupPoll(g.host, [hook])).toEqual([]);
  });
});
