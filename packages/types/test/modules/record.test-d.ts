// What `@system.record` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import record from '@system.record';

describe('record', () => {
  test('correct calls compile; frames reach onframerecorded', () => {
    record.start({
      duration: 3000,
      sampleRate: 16000,
      numberOfChannels: 1,
      encodeBitRate: 256000,
      frameSize: 1024,
      format: 'wav',
      success(res) {
        expectTypeOf(res.uri).toBeString();
      },
      fail(_data, code) {
        expectTypeOf(code).toExtend<number>();
        expectTypeOf<205>().toExtend<typeof code>();
      },
    });
    record.onframerecorded = (frame) => {
      expectTypeOf(frame.frameBuffer).toEqualTypeOf<Uint8Array>();
      expectTypeOf(frame.isLastFrame).toBeBoolean();
    };
    record.stop();
  });

  test('rejects a format outside the enum, a wrong type, a channel count and a misspelling', () => {
    // @ts-expect-error -- format is pcm, opus or wav
    record.start({ format: 'mp3' });
    // @ts-expect-error -- duration is a number of milliseconds
    record.start({ duration: '3s' });
    // @ts-expect-error -- one or two channels
    record.start({ numberOfChannels: 3 });
    // @ts-expect-error -- the option is `sampleRate`, not `sampleRateHz`
    record.start({ sampleRateHz: 16000 });
  });
});
