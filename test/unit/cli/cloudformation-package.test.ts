/**
 * `aws cloudformation package`'s template handling, compared with the real CLI's own yamlhelper
 * (Debian's awscli Python package) when it is installed: what it reads and how it writes it back.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dumpCliTemplate, parseCliTemplate } from '../../../src-main/engine/cli/cloudformation-package';

const AWSCLI = '/usr/lib/python3/dist-packages/awscli/customizations/cloudformation/yamlhelper.py';

function python(template: string, json: boolean): string {
  const script = json
    ? 'import sys, json\nfrom awscli.customizations.cloudformation.yamlhelper import yaml_parse\nsys.stdout.write(json.dumps(yaml_parse(sys.stdin.read()), indent=4, ensure_ascii=False))'
    : 'import sys\nfrom awscli.customizations.cloudformation.yamlhelper import yaml_dump, yaml_parse\nsys.stdout.write(yaml_dump(yaml_parse(sys.stdin.read())))';
  const r = spawnSync('/usr/bin/python3', ['-c', script], { input: template, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

const SAM = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Description: 'Tags EC2 instances with their owner (a long description that wraps past eighty columns, surely)'
Parameters:
  Mode:
    Type: String
    AllowedValues: [on, off, 'yes']
    Default: 'on'
Resources:
  EC2OwnerTagFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: lambda_function.lambda_handler
      Runtime: python3.9
      CodeUri: '.'
      Timeout: 30
      MemorySize: 128
      Enabled: yes
      Policies:
        - Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Action: 'ec2:CreateTags'
              Resource: !Sub 'arn:aws:ec2:\${AWS::Region}:\${AWS::AccountId}:instance/*'
      Events:
        CloudTrail:
          Type: CloudWatchEvent
          Properties:
            Pattern:
              detail-type: ['AWS API Call via CloudTrail']
              source: ['aws.ec2']
              detail:
                eventName: [RunInstances]
      Environment:
        Variables:
          STACK: !Ref 'AWS::StackName'
          ROLE: !GetAtt Role.Arn
          BOTH: !Join [',', [!Ref A, !GetAtt [B, C]]]
          EMPTY: ''
          NUM: '0123'
          MULTI: |
            line one
            line two
Outputs:
  Selected:
    Value: !Select [0, !GetAZs '']
    Condition: IsOn
`;

describe.runIf(existsSync(AWSCLI))('the template as the real CLI reads and writes it', () => {
  it('reads the same values (short intrinsic forms, YAML 1.1 booleans)', () => {
    expect(JSON.stringify(parseCliTemplate(SAM), null, 4)).toBe(python(SAM, true));
  });
  it('writes the same YAML', () => {
    expect(dumpCliTemplate(parseCliTemplate(SAM))).toBe(python(SAM, false));
  });
  it('a JSON template is read as JSON', () => {
    const json = '{"Resources": {"F": {"Type": "AWS::Lambda::Function", "Properties": {"Code": "src", "On": "yes"}}}}';
    expect(dumpCliTemplate(parseCliTemplate(json))).toBe(python(json, false));
  });
});
