// Files in flight are weighed as well as counted (pipeline/byte-budget.ts): a run holds no more
// bytes of files at once than its budget, serves waiting files in order, and still takes a file
// larger than the whole budget, alone.
import { ByteBudget } from '../../pipeline/byte-budget.js';

const settled = () => new Promise((r) => setImmediate(r));

describe('ByteBudget', () => {
  it('holds files while they fit and makes the next wait until enough is handed back', async () => {
    const budget = new ByteBudget(100);
    const a = await budget.hold(60);
    const b = await budget.hold(40);
    expect(budget.held).toBe(100);
    let third: (() => void) | null = null;
    void budget.hold(50).then((r) => (third = r));
    await settled();
    expect(third).toBeNull();
    a();
    await settled();
    expect(third).not.toBeNull();
    expect(budget.held).toBe(90);
    b();
    third!();
    expect(budget.held).toBe(0);
  });

  it('serves waiting files in order: a small one does not overtake a large one', async () => {
    const budget = new ByteBudget(100);
    const first = await budget.hold(90);
    const order: string[] = [];
    void budget.hold(80).then((r) => { order.push('large'); r(); });
    void budget.hold(5).then((r) => { order.push('small'); r(); });
    await settled();
    // 5 would fit beside the 90 held, but the 80 asked first.
    expect(order).toEqual([]);
    first();
    await settled();
    expect(order).toEqual(['large', 'small']);
  });

  it('takes a file larger than the budget once nothing else is held, and a release counts once', async () => {
    const budget = new ByteBudget(100);
    const small = await budget.hold(10);
    let huge: (() => void) | null = null;
    void budget.hold(500).then((r) => (huge = r));
    await settled();
    expect(huge).toBeNull();
    small();
    small();
    await settled();
    expect(budget.held).toBe(500);
    huge!();
    expect(budget.held).toBe(0);
  });
});
