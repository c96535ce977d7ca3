// The ceiling for the EC2 benchmark: answers RunInstances and DescribeInstances with a fixed,
// valid EC2 XML body (one instance), doing nothing else. In its own process, like the lab.
import { createServer } from 'node:http';

const instance =
  '<item><instanceId>i-0123456789abcdef0</instanceId><imageId>ami-6057e21a</imageId><instanceState><code>16</code><name>running</name></instanceState>' +
  '<instanceType>t2.micro</instanceType><placement><availabilityZone>us-east-1a</availabilityZone></placement></item>';
const bodies = {
  RunInstances: `<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><reservationId>r-0123456789abcdef0</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>${instance}</instancesSet></RunInstancesResponse>`,
  DescribeInstances: `<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><reservationSet><item><reservationId>r-0123456789abcdef0</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet>${instance}</instancesSet></item></reservationSet></DescribeInstancesResponse>`,
};
const server = createServer({ keepAlive: true }, (req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const action = new URLSearchParams(Buffer.concat(chunks).toString()).get('Action') ?? '';
    const body = bodies[action] ?? `<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId></${action}Response>`;
    res.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
