import { describe, expect, it } from '@jest/globals';
import { conditionToSql } from './access.service.js';

/** The translator from the policy's CASL conditions to SQL, which lists rely on. */
describe('conditionToSql', () => {
  const collect = () => {
    const values: unknown[] = [];
    return { values, param: (value: unknown) => `$${values.push(value)}` };
  };

  it('translates equality, set membership and boolean facts on the situation alias', () => {
    const { values, param } = collect();
    const sql = conditionToSql({ referrerUserId: 'u1', id: { $in: ['a', 'b'] }, reviewConsentValid: true }, param);
    expect(sql).toMatch(/^situation\.referrer_user_id = \$1 AND situation\.id = ANY\(\$2\) AND EXISTS \(/);
    expect(values).toEqual(['u1', ['a', 'b']]);
  });

  it('reads $in on the refused structures as an overlap of arrays', () => {
    const { values, param } = collect();
    expect(conditionToSql({ refusedOrganizationIds: { $in: ['o1'] } }, param)).toMatch(/&& \$1::uuid\[\]$/);
    expect(values).toEqual([['o1']]);
  });

  it('an empty set matches nothing, and a false boolean negates the fact', () => {
    const { param } = collect();
    expect(conditionToSql({ id: { $in: [] } }, param)).toBe('FALSE');
    expect(conditionToSql({ reviewConsentValid: false }, param)).toMatch(/^NOT EXISTS/);
  });

  it('fails closed on a field or operator it does not know', () => {
    const { param } = collect();
    expect(() => conditionToSql({ nickname: 'x' }, param)).toThrow(/no SQL for field/);
    expect(() => conditionToSql({ id: { $ne: 'x' } }, param)).toThrow(/unsupported operator/);
    expect(() => conditionToSql({ id: { $in: ['a'], $nin: ['b'] } }, param)).toThrow(/one operator/);
  });
});
