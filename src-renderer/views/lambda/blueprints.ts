/**
 * Starting points for Create function, in our own code and words. The website canary has the shape of
 * the blueprint §7.2 starts from: it fetches `site` and checks that `expected` is on the page, printing
 * "Check passed!" or raising (which counts as an error in the function's metrics).
 */
export interface Blueprint {
  id: string;
  title: string;
  description: string;
  runtime: string;
  /** File name → source. */
  files: Record<string, string>;
  handler: string;
  environment?: Record<string, string>;
  timeout?: number;
  /** A schedule the blueprint suggests as its trigger. */
  schedule?: string;
}

export const WEBSITE_CANARY_PY = `import os
from datetime import datetime
from urllib.request import Request, urlopen

# Set both as environment variables of the function.
SITE = os.environ['site']          # the page to check, e.g. https://example.com/
EXPECTED = os.environ['expected']  # text that must be on that page


def page_is_right(body):
    return EXPECTED in body


def lambda_handler(event, context):
    print('Checking {} at {}...'.format(SITE, event.get('time', '')))
    try:
        with urlopen(Request(SITE, headers={'User-Agent': 'Nimbus Lab canary'}), timeout=10) as res:
            if not page_is_right(res.read().decode('utf-8', 'replace')):
                raise Exception('Validation failed')
    except Exception:
        print('Check failed!')
        raise
    else:
        print('Check passed!')
        return event.get('time')
    finally:
        print('Check complete at {}'.format(str(datetime.now())))
`;

const HELLO_PY = `import json


def lambda_handler(event, context):
    print('Received event: ' + json.dumps(event))
    return {'statusCode': 200, 'body': json.dumps('Hello from Lambda!')}
`;

const HELLO_NODE = `export const handler = async (event, context) => {
  console.log('Received event:', JSON.stringify(event));
  return { statusCode: 200, body: JSON.stringify('Hello from Lambda!') };
};
`;

export const BLUEPRINTS: Blueprint[] = [
  {
    id: 'website-canary-python',
    title: 'website-canary-python',
    description: 'Checks a web page on a schedule: it must answer and contain the expected text.',
    runtime: 'python3.12',
    files: { 'lambda_function.py': WEBSITE_CANARY_PY },
    handler: 'lambda_function.lambda_handler',
    environment: { site: 'https://example.com/', expected: 'Example Domain' },
    timeout: 10,
    schedule: 'rate(5 minutes)',
  },
];

/** The code "Author from scratch" starts with, per runtime family. */
export function starterFor(runtime: string): Pick<Blueprint, 'files' | 'handler'> {
  return runtime.startsWith('python')
    ? { files: { 'lambda_function.py': HELLO_PY }, handler: 'lambda_function.lambda_handler' }
    : { files: { 'index.mjs': HELLO_NODE }, handler: 'index.handler' };
}

export const RUNTIMES = [
  { value: 'python3.12', label: 'Python 3.12' },
  { value: 'python3.9', label: 'Python 3.9' },
  { value: 'python3.6', label: 'Python 3.6 (the book’s)' },
  { value: 'nodejs20.x', label: 'Node.js 20.x' },
  { value: 'nodejs22.x', label: 'Node.js 22.x' },
  { value: 'nodejs18.x', label: 'Node.js 18.x' },
];
