// What `@system.audio` accepts and rejects at compile time. Checked by vitest's typecheck; never executed.
import { describe, expectTypeOf, test } from 'vitest';
import audio from '@system.audio';

describe('audio', () => {
  test('methods, properties and event handlers as the page documents them', () => {
    audio.src = 'internal://files/song.mp3';
    audio.autoplay = false;
    audio.loop = true;
    audio.volume = 0.5;
    audio.muted = false;
    audio.currentTime = 30;
    audio.meta = { title: 'Song', artist: 'Band', album: 'Album' };
    expectTypeOf(audio.duration).toBeNumber();
    expectTypeOf(audio.streamType).toEqualTypeOf<'music' | 'voicecall'>();
    audio.onplay = () => console.log('playing');
    audio.onended = function () {
      console.log('done');
    };
    // The docs remove a handler by assigning null.
    expectTypeOf<(typeof audio)['onplay']>().toEqualTypeOf<audio.OnplayCallback | null>();
    audio.onplay = null;
    audio.play();
    audio.pause();
    audio.stop();
    audio.getPlayState({
      success(res) {
        expectTypeOf(res.state).toEqualTypeOf<'play' | 'pause' | 'stop'>();
        expectTypeOf(res.percent).toBeNumber();
        expectTypeOf(res.muted).toBeBoolean();
      },
    });
  });

  test('rejects wrong types, read-only properties and misspellings', () => {
    // @ts-expect-error -- src is a URI string
    audio.src = 42;
    // @ts-expect-error -- duration is read-only
    audio.duration = 10;
    // @ts-expect-error -- play takes no options
    audio.play({ src: 'a.mp3' });
    // @ts-expect-error -- a handler is a function or null, not a string
    audio.onplay = 'play';
    // @ts-expect-error -- the handler is `onended`, not `onend`
    audio.onend = () => {};
    // @ts-expect-error -- the callback is `success`
    audio.getPlayState({ sucess() {} });
  });
});
