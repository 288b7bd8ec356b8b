// What `@system.event` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import event from '@system.event';

describe('event', () => {
  test('correct calls compile; subscribe returns the id unsubscribe takes', () => {
    event.publish({ eventName: 'com.example.ping', options: { params: { n: 1 }, permissions: ['com.example.other'] } });
    event.publish({ eventName: 'com.example.ping' });
    const id = event.subscribe({
      eventName: 'usual.event.BATTERY_CHANGED',
      callback(res) {
        expectTypeOf(res.package).toBeString();
      },
    });
    expectTypeOf(id).toBeNumber();
    event.unsubscribe({ id });
  });

  test('rejects missing options, wrong types and misspellings', () => {
    // @ts-expect-error -- eventName is required
    event.publish({ options: {} });
    // @ts-expect-error -- callback is required
    event.subscribe({ eventName: 'x' });
    // @ts-expect-error -- permissions is a list of package names
    event.publish({ eventName: 'x', options: { permissions: 'com.example.other' } });
    // @ts-expect-error -- unsubscribe takes `{ id }`, not the bare id
    event.unsubscribe(3);
    // @ts-expect-error -- the option is `eventName`, not `name`
    event.subscribe({ name: 'x', callback() {} });
  });
});
