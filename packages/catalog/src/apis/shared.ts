import { deviceIds } from '../devices.js';
import type { Parameter, Signature, Support } from '../types.js';
import { standardCallbacks } from './callbacks.js';

/**
 * `success`, `fail` and `complete` for a method whose page documents no success data: `success` is typed as
 * receiving `undefined`, so both `success() {}` and the docs' own `success: function (data) {}` compile.
 */
export function callbacksWithoutResult(): Parameter[] {
  return standardCallbacks('undefined');
}

/** A method that takes no argument at all (`audio.play()`). */
export const noArguments: Signature = { kind: 'positional', params: [] };

/**
 * The `callback` and `fail` of a subscription (`geolocation.subscribe`): `callback` runs on every change with an
 * event of the named type; `fail` reports why the subscription could not start.
 */
export function subscriptionCallbacks(
  eventType: string,
  callback: { required: boolean; description: string },
): Parameter[] {
  return [
    {
      name: 'callback',
      type: 'function',
      required: callback.required,
      description: callback.description,
      callback: `(data: ${eventType}) => void`,
    },
    {
      name: 'fail',
      type: 'function',
      required: false,
      description: 'Called with a message and an error code when the subscription cannot start.',
      callback: '(data: string, code: number) => void',
    },
  ];
}

/**
 * A module's support computed from its methods' own rows: a device supports the module when it supports at least
 * one documented method. Keeps the module verdict from drifting away from the per-method tables it comes from.
 */
export function supportOfAnyMethod(methods: readonly { readonly support?: Support }[]): readonly string[] {
  const ids = new Set<string>();
  for (const method of methods) {
    if (method.support === undefined || typeof method.support === 'string') {
      throw new Error('every method needs its own device list to compute the module support from');
    }
    for (const id of method.support) ids.add(id);
  }
  return deviceIds.filter((id) => ids.has(id));
}
