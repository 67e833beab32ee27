import { describe, expect, it } from 'vitest';
import { contract, methodGroups, methodNames } from '../../shared/api/contract';

describe('the contract, declared in groups by feature', () => {
  it('declares each method name in exactly one group (a spread would silently let a second one win)', () => {
    const seen = new Map<string, number>();
    methodGroups.forEach((g, i) => {
      for (const name of Object.keys(g)) {
        expect(seen.get(name), `${name} is declared in groups ${seen.get(name)} and ${i}`).toBeUndefined();
        seen.set(name, i);
      }
    });
    expect(seen.size).toBe(methodNames.length);
    expect(Object.keys(contract).sort()).toEqual([...seen.keys()].sort());
  });
});
