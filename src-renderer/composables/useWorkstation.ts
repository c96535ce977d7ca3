/** Facts about the learner's workstation, asked once (workstation.info): its public IP is "My IP". */
import { ref } from 'vue';
import { useContractClient } from '../contract-client';

const publicIp = ref('');
let asked = false;

export function useWorkstation() {
  if (!asked) {
    asked = true;
    useContractClient()
      .request('workstation.info', {})
      .then((info) => (publicIp.value = info.publicIp))
      .catch(() => (asked = false));
  }
  return { publicIp };
}
