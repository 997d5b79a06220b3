/** A stored settings item as a page reads and writes it whole. */
export interface WholeItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<T>;
}

/**
 * Saves changes of one stored item one at a time, each onto the value as last saved. The
 * sections of a page save independently, and an agent may change two before the page has
 * drawn the first save: writing a section's change onto the values the page last showed
 * would put back what the other section had just saved.
 */
export function serialPatches<T extends object>(item: WholeItem<T>) {
  let last: Promise<unknown> = Promise.resolve();
  return (patch: Partial<T>): Promise<T> => {
    const write = last.then(async () => item.set({ ...(await item.get()), ...patch }));
    last = write.catch(() => undefined);
    return write;
  };
}
