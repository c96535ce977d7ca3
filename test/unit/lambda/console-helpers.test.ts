import { describe, expect, it } from 'vitest';
import { BLUEPRINTS, starterFor } from '../../../src-renderer/views/lambda/blueprints';
import { envText, filesOf, handlerFile, packageOf, parseEnv } from '../../../src-renderer/views/lambda/functions';

describe('Lambda console helpers', () => {
  it('packages files as a base64 zip and reads them back', () => {
    const zip = packageOf({ 'lambda_function.py': 'print(1)\n', 'lib/util.py': 'x = 2\n' });
    expect(Buffer.from(zip, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(filesOf(zip)).toEqual({ 'lambda_function.py': 'print(1)\n', 'lib/util.py': 'x = 2\n' });
  });

  it('finds the handler file and edits environment variables as KEY=value lines', () => {
    expect(handlerFile('lambda_function.lambda_handler', ['README', 'lambda_function.py'])).toBe('lambda_function.py');
    expect(handlerFile('index.handler', ['index.mjs'])).toBe('index.mjs');
    expect(parseEnv('site=https://example.com/\n\nexpected = Example Domain\nbad line')).toEqual({ site: 'https://example.com/', expected: 'Example Domain' });
    expect(envText({ a: '1', b: 'x=y' })).toBe('a=1\nb=x=y');
  });

  it('offers a website canary blueprint with `site` and `expected` and a 5-minute schedule', () => {
    const canary = BLUEPRINTS.find((b) => b.id === 'website-canary-python')!;
    expect(canary.environment).toEqual({ site: expect.any(String), expected: expect.any(String) });
    expect(canary.files['lambda_function.py']).toMatch(/os\.environ\['site'\][\s\S]*os\.environ\['expected'\][\s\S]*Check passed!/);
    expect(canary.schedule).toBe('rate(5 minutes)');
    expect(starterFor('nodejs20.x').handler).toBe('index.handler');
    expect(starterFor('python3.12').handler).toBe('lambda_function.lambda_handler');
  });
});
