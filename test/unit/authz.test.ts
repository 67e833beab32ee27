import { describe, expect, it } from 'vitest';
import { wouldOrphanOffice } from '../../main/domain/authz';

describe('the office always keeps a leader or admin', () => {
  const managers = [
    { id: 1, roles: ['leader', 'admin'] as const },
    { id: 2, roles: ['leader'] as const },
  ];
  it('allows demoting one of two managers', () => {
    expect(wouldOrphanOffice([...managers], { id: 2, roles: ['officer'] })).toBe(false);
  });
  it('refuses demoting or deactivating the last one', () => {
    expect(wouldOrphanOffice([managers[0]!], { id: 1, roles: ['officer'] })).toBe(true);
    expect(wouldOrphanOffice([managers[0]!], { id: 1, active: false })).toBe(true);
  });
});
