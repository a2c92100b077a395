import { LocalListeners, type PageInvalidation } from './port.js';

/** The port for one process: what is announced here is heard here, and nowhere else. */
export function inProcessPageInvalidation(onError?: (error: unknown) => void): PageInvalidation {
  const local = new LocalListeners(onError);
  return {
    unitChanged: (unitId) => local.deliver(unitId),
    subscribe: (listener) => local.add(listener),
    close: async () => local.clear(),
  };
}
