import { describe, expect, it } from 'vitest';
import { cfnLab } from './lab';

const VPC = `  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`;

/** Each bad template: CloudFormation's exact answer, and no stack (nor anything else) is created. */
const CASES: [string, string, string, string?][] = [
  ['YAML syntax', 'Resources:\n  Vpc:\n    Type: [AWS::EC2::VPC\n', 'Template format error: YAML not well-formed. (line 4, column 1)'],
  ['JSON syntax', '{ "Resources": { "Vpc": { "Type": "AWS::EC2::VPC" }, }', 'Template format error: JSON not well-formed. (line 1, column 54)'],
  ['no resources', 'Description: nothing\n', 'Template format error: At least one Resources member must be defined.'],
  ['unknown section', `Resource:\n  X: 1\nResources:\n${VPC}`, 'Template format error: Invalid template property or properties [Resource]'],
  ['unknown resource type', `Resources:\n${VPC}  Nope:\n    Type: AWS::EC2::Nope\n`, 'Template format error: Unrecognized resource types: [AWS::EC2::Nope]'],
  ['missing Type', `Resources:\n  Vpc:\n    Properties: {}\n`, 'Template format error: [/Resources/Vpc] Every Resources object must contain a Type member.'],
  ['Ref to a missing parameter', `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref Cidr\n`, 'Template format error: Unresolved resource dependencies [Cidr] in the Resources block of the template'],
  ['Sub of a missing name', `Resources:\n${VPC}      Tags: [{ Key: Name, Value: !Sub '\${Project}-vpc' }]\n`, 'Template format error: Unresolved resource dependencies [Project] in the Resources block of the template'],
  ['DependsOn a missing resource', `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    DependsOn: Gateway\n    Properties:\n      CidrBlock: 10.0.0.0/16\n`, 'Template format error: Unresolved resource dependencies [Gateway] in the Resources block of the template'],
  ['output Ref to a missing resource', `Resources:\n${VPC}Outputs:\n  Id:\n    Value: !Ref Vcp\n`, 'Template format error: Unresolved resource dependencies [Vcp] in the Outputs block of the template'],
  ['GetAtt of an undefined resource', `Resources:\n${VPC}Outputs:\n  Cidr:\n    Value: !GetAtt Network.CidrBlock\n`, 'Template error: instance of Fn::GetAtt references undefined resource Network'],
  ['GetAtt of an unknown attribute', `Resources:\n${VPC}Outputs:\n  Cidr:\n    Value: !GetAtt Vpc.Cidr\n`, 'Template error: resource Vpc does not support attribute type Cidr in Fn::GetAtt'],
  ['circular dependency', `Resources:\n  A:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !Ref B\n  B:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: !GetAtt A.GroupId\n  C:\n    Type: AWS::EC2::SecurityGroup\n    DependsOn: A\n    Properties:\n      GroupDescription: c\n`, 'Circular dependency between resources: [A, B]'],
  ['unknown parameter type', `Parameters:\n  P:\n    Type: Strin\nResources:\n${VPC}`, 'Template format error: Unrecognized parameter type: Strin'],
  ['unknown condition', `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Condition: IsProd\n    Properties:\n      CidrBlock: 10.0.0.0/16\n`, 'Template format error: Unresolved condition dependencies [IsProd] in the Resources block of the template'],
  ['a mapping key that does not exist', `Mappings:\n  M:\n    us-west-2: { Cidr: 10.0.0.0/16 }\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !FindInMap [M, !Ref 'AWS::Region', Cidr]\n`, 'Template error: Unable to get mapping for M::us-east-1::Cidr'],
  ['Select out of range', `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Select [3, [a, b]]\n`, 'Template error: Fn::Select cannot select nonexistent value at index 3'],
];

describe('bad templates are refused with CloudFormation\'s messages and create nothing', () => {
  for (const [name, body, message] of CASES) {
    it(name, async () => {
      const lab = cfnLab();
      await lab.rejects('CreateStack', { StackName: 'bad', TemplateBody: body }, 'ValidationError', message);
      expect((await lab.cfn('ListStacks')).StackSummaries).toEqual([]);
      expect((await lab.call('ec2', 'DescribeVpcs', { Filters: [{ Name: 'cidr', Values: ['10.0.0.0/16'] }] })).Vpcs).toEqual([]);
      // ValidateTemplate finds the structural ones too.
      if (!/mapping|Select/.test(name)) await lab.rejects('ValidateTemplate', { TemplateBody: body }, 'ValidationError', message);
    });
  }

  it('a parameter failing its pattern, its allowed values, its bounds, or missing', async () => {
    const lab = cfnLab();
    const body = `Parameters:
  Ip:
    Type: String
    AllowedPattern: '(\\d{1,3}\\.){3}\\d{1,3}'
  Name:
    Type: String
    Default: abc
    MinLength: 3
    MaxLength: 5
  Size:
    Type: Number
    Default: 3
    MinValue: 2
    MaxValue: 4
  Tier:
    Type: String
    Default: web
    AllowedValues: [web, worker]
  Pass:
    Type: String
    Default: abcdefgh
    AllowedPattern: '[a-z]{8,}'
    ConstraintDescription: must be at least 8 lower-case letters
Resources:
${VPC}`;
    const p = (Ip: string, extra: Record<string, string> = {}) => [
      { ParameterKey: 'Ip', ParameterValue: Ip },
      ...Object.entries(extra).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
    ];
    const create = (Parameters: unknown) => ({ StackName: 'params', TemplateBody: body, Parameters });
    await lab.rejects('CreateStack', create(p('1.2.3')), 'ValidationError', "Parameter 'Ip' must match pattern (\\d{1,3}\\.){3}\\d{1,3}");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Name: 'ab' })), 'ValidationError', "Parameter 'Name' must contain at least 3 characters");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Name: 'abcdef' })), 'ValidationError', "Parameter 'Name' must contain at most 5 characters");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Size: '5' })), 'ValidationError', "Parameter 'Size' must be a number not greater than 4");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Size: '1' })), 'ValidationError', "Parameter 'Size' must be a number not less than 2");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Size: 'two' })), 'ValidationError', "Parameter 'Size' must be a number");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Tier: 'db' })), 'ValidationError', "Parameter 'Tier' must be one of AllowedValues");
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Pass: 'short' })), 'ValidationError', "Parameter 'Pass' failed to satisfy constraint: must be at least 8 lower-case letters");
    await lab.rejects('CreateStack', create([]), 'ValidationError', 'Parameters: [Ip] must have values');
    await lab.rejects('CreateStack', create(p('1.2.3.4', { Extra: 'x' })), 'ValidationError', 'Parameters: [Extra] do not exist in the template');
    expect((await lab.cfn('ListStacks')).StackSummaries).toEqual([]);
    await lab.cfn('CreateStack', create(p('1.2.3.4')));
    await lab.rejects('CreateStack', create(p('1.2.3.4')), 'AlreadyExistsException', 'Stack [params] already exists');
  });

  it('AWS-specific parameter values must exist in the account', async () => {
    const lab = cfnLab();
    const body = `Parameters:\n  KeyName:\n    Type: AWS::EC2::KeyPair::KeyName\n  Subnets:\n    Type: List<AWS::EC2::Subnet::Id>\n    Default: ''\nResources:\n${VPC}`;
    await lab.rejects(
      'CreateStack',
      { StackName: 'keys', TemplateBody: body, Parameters: [{ ParameterKey: 'KeyName', ParameterValue: 'mykey' }] },
      'ValidationError',
      'Parameter validation failed: parameter value mykey for parameter name KeyName does not exist. Rollback requested by user.',
    );
    await lab.call('ec2', 'CreateKeyPair', { KeyName: 'mykey' });
    await lab.rejects(
      'CreateStack',
      { StackName: 'keys', TemplateBody: body, Parameters: [{ ParameterKey: 'KeyName', ParameterValue: 'mykey' }, { ParameterKey: 'Subnets', ParameterValue: 'subnet-0123456789abcdef0' }] },
      'ValidationError',
      'Parameter validation failed: parameter value subnet-0123456789abcdef0 for parameter name Subnets does not exist. Rollback requested by user.',
    );
    await lab.cfn('CreateStack', { StackName: 'keys', TemplateBody: body, Parameters: [{ ParameterKey: 'KeyName', ParameterValue: 'mykey' }] });
    await lab.settle();
    expect(await lab.status('keys')).toBe('CREATE_COMPLETE');
  });

  it('SSM parameter types resolve the public AMI parameters; unknown names are refused', async () => {
    const lab = cfnLab();
    const body = `Parameters:\n  Ami:\n    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>\n    Default: /aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2\nResources:\n${VPC}Outputs:\n  Ami:\n    Value: !Ref Ami\n`;
    await lab.cfn('CreateStack', { StackName: 'ssm', TemplateBody: body });
    await lab.settle();
    const stack = (await lab.cfn('DescribeStacks', { StackName: 'ssm' })).Stacks[0];
    const images = await lab.call('ec2', 'DescribeImages', { Filters: [{ Name: 'name', Values: ['amzn2-ami-hvm-*'] }] });
    const ami = images.Images[0].ImageId;
    expect(stack.Parameters).toEqual([{ ParameterKey: 'Ami', ParameterValue: '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2', ResolvedValue: ami }]);
    expect(stack.Outputs).toEqual([{ OutputKey: 'Ami', OutputValue: ami }]);
    await lab.rejects(
      'CreateStack',
      { StackName: 'ssm2', TemplateBody: body, Parameters: [{ ParameterKey: 'Ami', ParameterValue: '/my/ami' }] },
      'ValidationError',
      'Unable to fetch parameters [/my/ami] from parameter store for this account.',
    );
  });

  it('IAM resources need the capability; named ones CAPABILITY_NAMED_IAM; transforms CAPABILITY_AUTO_EXPAND', async () => {
    const lab = cfnLab();
    const role = (named: boolean) => `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
${named ? '      RoleName: fixed-name\n' : ''}      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: 'sts:AssumeRole' }] }
`;
    await lab.rejects('CreateStack', { StackName: 'r', TemplateBody: role(false) }, 'InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_IAM]');
    await lab.rejects('CreateStack', { StackName: 'r', TemplateBody: role(true), Capabilities: ['CAPABILITY_IAM'] }, 'InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_NAMED_IAM]');
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: { Handler: a.b, Runtime: python3.12, CodeUri: s3://b/k.zip }\n';
    await lab.rejects('CreateStack', { StackName: 's', TemplateBody: sam, Capabilities: ['CAPABILITY_IAM'] }, 'InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_AUTO_EXPAND]');
    expect(await lab.cfn('ValidateTemplate', { TemplateBody: role(false) })).toEqual({
      Parameters: [],
      Capabilities: ['CAPABILITY_IAM'],
      CapabilitiesReason: 'The following resource(s) require capabilities: [AWS::IAM::Role]',
    });
    expect((await lab.cfn('ListStacks')).StackSummaries).toEqual([]);
  });
});
