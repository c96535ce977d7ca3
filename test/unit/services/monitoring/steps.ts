/** Shared by the CloudWatch engine tests: let actions started after a commit run, step whole minutes. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

export async function stepMinutes(clock: { advance(ms: number): void }, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    clock.advance(60_000);
    await flush();
  }
}
