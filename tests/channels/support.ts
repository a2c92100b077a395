import type { ProviderAccount, PublishContext } from '../../src/modules/channels/providers/social-provider.js';

/** A PublishContext whose "durable" store is a plain object, for adapter tests. */
export function memoryContext(account: ProviderAccount, steps: Record<string, string> = {}, now = () => new Date()) {
  const store: Record<string, string> = { ...steps };
  const ctx: PublishContext & { store: Record<string, string> } = {
    account,
    store,
    get steps() {
      return store;
    },
    async record(key, value) {
      store[key] = value;
    },
    async forget(keys) {
      for (const k of keys) delete store[k];
    },
    now,
  };
  return ctx;
}

export const noSleep = async () => {};
