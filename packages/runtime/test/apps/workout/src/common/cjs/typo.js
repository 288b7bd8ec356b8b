/* eslint-disable @typescript-eslint/no-require-imports -- Vela code requires modules; this app proves the runtime serves it */
// A misspelled module name, required.
const request = require('@system.requests')

exports.request = request
