#!/usr/bin/env node
// The lab's small cousin of the book's Node Control Center (§4.3): the same four things with the
// AWS SDK for JavaScript (aws-sdk v2), one command per run instead of a text menu.
//
//   node index.js list                  machines and their state
//   node index.js create [KEY-NAME]     an Amazon Linux t2.micro in the default VPC's first subnet
//   node index.js show INSTANCE-ID      a machine's details (its public name once it runs)
//   node index.js terminate INSTANCE-ID
//
// Credentials, region and endpoint come from the environment; run it through the lab with
//   nimbus exec -- node index.js list
'use strict';
const AWS = require('aws-sdk');

const ec2 = new AWS.EC2({ region: process.env.AWS_REGION || 'us-east-1' });

async function defaultSubnet() {
  const vpcs = await ec2.describeVpcs({ Filters: [{ Name: 'isDefault', Values: ['true'] }] }).promise();
  const vpc = vpcs.Vpcs[0];
  if (!vpc) throw new Error('this region has no default VPC');
  const subnets = await ec2.describeSubnets({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId] }] }).promise();
  return subnets.Subnets.map((s) => s.SubnetId).sort()[0];
}

async function list() {
  const out = await ec2.describeInstances({}).promise();
  for (const r of out.Reservations) for (const i of r.Instances) console.log(`${i.InstanceId}\t${i.State.Name}\t${i.InstanceType}`);
}

async function create(keyName) {
  const images = await ec2.describeImages({ Filters: [{ Name: 'name', Values: ['amzn-ami-hvm-2017.09.1.*-x86_64-gp2'] }] }).promise();
  if (images.Images.length === 0) throw new Error('no Amazon Linux image found');
  const params = { ImageId: images.Images[0].ImageId, InstanceType: 't2.micro', MinCount: 1, MaxCount: 1, SubnetId: await defaultSubnet() };
  if (keyName) params.KeyName = keyName;
  const out = await ec2.runInstances(params).promise();
  console.log(out.Instances[0].InstanceId);
}

async function show(id) {
  const out = await ec2.describeInstances({ InstanceIds: [id] }).promise();
  const i = out.Reservations[0].Instances[0];
  console.log(`InstanceId\t${i.InstanceId}\nState\t${i.State.Name}\nInstanceType\t${i.InstanceType}\nImageId\t${i.ImageId}\nPublicDnsName\t${i.PublicDnsName || '-'}`);
}

async function terminate(id) {
  await ec2.terminateInstances({ InstanceIds: [id] }).promise();
  console.log(`${id} is terminating`);
}

const [command, arg] = process.argv.slice(2);
const commands = { list, create, show, terminate };
if (!commands[command] || ((command === 'show' || command === 'terminate') && !arg)) {
  console.error('usage: node index.js list | create [KEY-NAME] | show INSTANCE-ID | terminate INSTANCE-ID');
  process.exit(2);
}
commands[command](arg).catch((err) => {
  console.error(`${err.code || 'Error'}: ${err.message}`);
  process.exit(1);
});
