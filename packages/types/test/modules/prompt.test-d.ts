// What `@system.prompt` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import prompt from '@system.prompt';

describe('prompt', () => {
  test('documents showToast only', () => {
    expectTypeOf<keyof typeof prompt>().toEqualTypeOf<'showToast'>();
  });

  test('correct calls compile', () => {
    prompt.showToast({ message: 'Saved' });
    prompt.showToast({ message: 'Saved', duration: 3000 });
  });

  test('rejects a missing message, a wrong type and a misspelling', () => {
    // @ts-expect-error -- message is required
    prompt.showToast({ duration: 2000 });
    // @ts-expect-error -- duration is a number of milliseconds
    prompt.showToast({ message: 'Saved', duration: '2000' });
    // @ts-expect-error -- the option is `message`, not `msg`
    prompt.showToast({ msg: 'Saved' });
    // @ts-expect-error -- showDialog is not documented on Vela
    prompt.showDialog({ title: 'Sure?' });
  });
});
