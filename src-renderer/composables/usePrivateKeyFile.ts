/**
 * A new key pair's private key, which AWS shows only once (§1.8.3): the console saves it into the
 * lab workstation's home folder (workstation.saveFile), where the terminal's ssh -i finds it, and
 * the flash message says where it landed. "Save to disk" on the same message also downloads it
 * through the browser, for a learner who wants a copy on the real computer.
 */
import { useContractClient } from '../contract-client';
import { useFlashStore } from '../stores/flash';
import { saveBlob } from './useDownload';

export interface PrivateKeyFile {
  /** The file name, e.g. mykey.pem. */
  name: string;
  content: string;
}

export function usePrivateKeyFile() {
  const client = useContractClient();
  const flash = useFlashStore();
  const download = (file: PrivateKeyFile): void => saveBlob(file.name, new Blob([file.content], { type: 'application/x-pem-file' }));

  async function keep(file: PrivateKeyFile): Promise<void> {
    const saveToDisk = { label: 'Save to disk', run: () => download(file) };
    try {
      const saved = await client.request('workstation.saveFile', { fileName: file.name, content: file.content });
      flash.show({
        kind: 'success',
        title: `The private key was saved to ${saved.displayPath} on your workstation`,
        message: `In the terminal, make it private first: chmod 400 ${saved.displayPath}. Then ssh -i ${saved.displayPath} uses it.`,
        action: saveToDisk,
      });
    } catch (e) {
      // The workstation could not take it: the browser download is the only copy now.
      download(file);
      flash.show({
        kind: 'error',
        title: `The private key could not be saved on your workstation; your browser downloads ${file.name} instead`,
        message: e instanceof Error ? e.message : String(e),
      });
    }
  }

  return { keep, download };
}
