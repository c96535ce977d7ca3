import { describe, expect, it } from 'vitest';
import { accessKeyCsv, accessKeyCsvName } from '../../../src-renderer/views/iam/useIam';

describe("IAM console's access key .csv", () => {
  it("has AWS's column names and the key on the second line", () => {
    const csv = accessKeyCsv({ AccessKeyId: 'AKIAIOSFODNN7EXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
    expect(csv).toBe('Access key ID,Secret access key\r\nAKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\r\n');
    expect(accessKeyCsvName('mycli')).toBe('mycli_accessKeys.csv');
  });

  it('quotes a value holding a comma or a quote', () => {
    expect(accessKeyCsv({ AccessKeyId: 'a,b', SecretAccessKey: 'say "hi"' }).split('\r\n')[1]).toBe('"a,b","say ""hi"""');
  });
});
