import type { Module, Property } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { noArguments } from './shared.js';

/** An `on<event>` handler; the docs give its handlers no arguments, so whatever arrives is `unknown`. */
function event(name: string, description: string): Property {
  return { name: `on${name}`, type: 'function', description, callback: '(event?: unknown) => void' };
}

/** `@system.audio`: one audio player, driven by properties, methods and `on<event>` handlers. */
export const audio = {
  name: 'system.audio',
  summary: 'Play one audio file or stream: set `src`, then call `play`; follow it through `on<event>` handlers.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  // One of the three modules the background-running guide allows in `config.background.features`.
  background: true,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/other/audio.html',
  methods: [
    {
      name: 'play',
      description: 'Starts or resumes playing `src`.',
      signature: noArguments,
      example: "audio.src = 'internal://files/alarm.mp3'\naudio.play()",
    },
    {
      name: 'pause',
      description: 'Pauses playback; `play` resumes where it stopped.',
      signature: noArguments,
      example: 'audio.pause()',
    },
    {
      name: 'stop',
      description: 'Stops playback; `play` starts again.',
      signature: noArguments,
      example: 'audio.stop()',
    },
    {
      name: 'getPlayState',
      description: 'Reads what the player is doing: its state, source, position, and settings.',
      signature: { kind: 'options', params: standardCallbacks('GetPlayStateSuccess') },
      success: [
        {
          name: 'state',
          type: 'string',
          description: 'Whether the player is playing, paused or stopped.',
          values: ['play', 'pause', 'stop'],
        },
        { name: 'src', type: 'string', description: 'URI of the media being played; empty when stopped.' },
        { name: 'currentTime', type: 'number', description: 'Playback position in seconds; -1 when stopped.' },
        { name: 'percent', type: 'number', description: 'Share already played, from 0 to 100.' },
        { name: 'autoplay', type: 'boolean', description: 'Whether playback starts by itself.' },
        { name: 'loop', type: 'boolean', description: 'Whether playback starts over at the end.' },
        { name: 'volume', type: 'number', description: 'Volume of this player, from 0.0 to 1.0.' },
        { name: 'muted', type: 'boolean', description: 'Whether the player is muted.' },
        { name: 'duration', type: 'number', description: 'Length of the media in seconds; `NaN` while unknown.' },
      ],
      example: [
        'audio.getPlayState({',
        '  success(res) { console.log(`${res.state} at ${res.currentTime}s of ${res.duration}s`) },',
        '})',
      ].join('\n'),
    },
  ],
  properties: [
    { name: 'src', type: 'string', description: 'URI of the media to play. Set it before calling `play`.' },
    { name: 'currentTime', type: 'number', description: 'Playback position in seconds; assign it to seek.' },
    {
      name: 'duration',
      type: 'number',
      description: 'Length of the media in seconds; `NaN` while unknown.',
      readonly: true,
    },
    { name: 'autoplay', type: 'boolean', description: 'Start playing as soon as `src` is set.', default: 'false' },
    { name: 'loop', type: 'boolean', description: 'Start over when the end is reached.', default: 'false' },
    {
      name: 'volume',
      type: 'number',
      description: 'Volume of this player, from 0.0 to 1.0.',
      default: "the system's media volume",
    },
    { name: 'muted', type: 'boolean', description: 'Silence the player without changing `volume`.', default: 'false' },
    {
      name: 'streamType',
      type: 'string',
      description:
        'Output used: `music` plays through the speaker, `voicecall` through the earpiece (watches and bands do not ' +
        'offer `voicecall`).',
      values: ['music', 'voicecall'],
      default: "'music'",
      readonly: true,
    },
    {
      name: 'meta',
      type: 'object',
      description: 'Title, artist and album of the media, for the system to show. Can be set, not read.',
      fields: [
        { name: 'title', type: 'string', description: 'Title of the track.' },
        { name: 'artist', type: 'string', description: 'Artist of the track.' },
        { name: 'album', type: 'string', description: 'Album of the track.' },
      ],
    },
    event(
      'play',
      'Runs when playback starts: after `play`, with `autoplay`, or from outside (e.g. Bluetooth headphones).',
    ),
    event('pause', 'Runs when playback pauses: after `pause`, or from outside (another sound takes over, headphones).'),
    event('stop', 'Runs when playback stops: after `stop`, or from outside (a phone call).'),
    event('loadeddata', 'Runs when the first audio data has arrived.'),
    event('ended', 'Runs when playback reaches the end.'),
    event('durationchange', 'Runs when the known length of the media changes.'),
    event('error', 'Runs when playback fails.'),
  ],
  interfaces: [],
} as const satisfies Module;
