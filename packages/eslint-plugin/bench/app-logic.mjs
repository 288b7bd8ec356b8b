// @ts-check
// The code a Vela app's files hold besides their Vela calls: formatting, list handling, input handlers, timers,
// thresholds, parsing, small state machines, settings read from the app object. Public apps carry several kilobytes
// of it per page around a handful of `@system.*` calls (bench/README.md, "The corpus"); a corpus of Vela calls alone
// would weigh velakit's per-call work against almost none of ESLint's own. None of these pieces names a Vela module,
// `require`, a local import or `debugger`: they add work for ESLint and for velakit's analysis of the file (scopes,
// references, statements), never a report.

/**
 * One piece: its parameters and its body, written with `self` for the state it reads and writes (`this` in a page's
 * method, a module-level object in a helper), `n` for a number that varies from file to file.
 * @typedef {{ params: string, body: (n: number) => string }} Piece
 */

/** @type {Piece[]} */
const pieces = [
  {
    params: 'ms',
    body: (n) => `const total = Math.max(0, Math.floor(ms / 1000))
const hours = Math.floor(total / 3600)
const minutes = Math.floor((total % 3600) / 60)
const seconds = total % ${60 + (n % 2)}
const two = (value) => (value < 10 ? '0' + value : String(value))
return hours > 0 ? hours + ':' + two(minutes) + ':' + two(seconds) : two(minutes) + ':' + two(seconds)`,
  },
  {
    params: 'items',
    body: (n) => `const seen = {}
const next = []
for (let index = 0; index < items.length; index++) {
  const item = items[index]
  if (!item || seen[item.id]) continue
  seen[item.id] = true
  next.push({ id: item.id, name: String(item.name || '').trim(), score: Number(item.score) || 0 })
}
next.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
self.items = next.slice(0, ${8 + (n % 9)})
self.total = next.reduce((sum, item) => sum + item.score, 0)
return self.items.length`,
  },
  {
    params: 'event',
    body: () => `const count = self.items ? self.items.length : 0
if (count === 0) return
if (event.direction === 'left') self.index = Math.min(self.index + 1, count - 1)
else if (event.direction === 'right') self.index = Math.max(self.index - 1, 0)
else if (event.direction === 'down') {
  self.index = 0
  self.expanded = !self.expanded
} else return
self.current = self.items[self.index] || null
self.label = self.current ? self.current.name + ' (' + (self.index + 1) + '/' + count + ')' : ''`,
  },
  {
    params: '',
    body: (n) => `if (self.timer) clearInterval(self.timer)
self.elapsed = 0
self.timer = setInterval(() => {
  self.elapsed += 1000
  if (self.elapsed % ${(n % 5) + 1}0000 === 0) {
    self.progress = Math.round((self.elapsed / ${(n % 9) + 2}0000) * 100)
    if (self.progress >= 100) {
      clearInterval(self.timer)
      self.timer = null
      self.done = true
    }
  }
}, 1000)`,
  },
  {
    params: 'value',
    body: (n) => `if (typeof value !== 'number' || isNaN(value)) return '#90a4ae'
if (value > ${80 + (n % 10)}) return '#ff5252'
if (value > ${50 + (n % 10)}) return '#ffb74d'
if (value > ${20 + (n % 10)}) return '#81c784'
return '#4fc3f7'`,
  },
  {
    params: 'text',
    body: () => `const out = { ok: false, fields: [] }
if (typeof text !== 'string' || text.length === 0) return out
const parts = text.split(';')
for (const part of parts) {
  const [key, raw] = part.split('=')
  if (!key) continue
  const number = parseFloat(raw)
  out.fields.push({ key: key.trim(), value: isNaN(number) ? raw : number })
}
out.ok = out.fields.length > 0
return out`,
  },
  {
    params: 'action',
    body: () => `switch (self.state) {
  case 'idle':
    if (action === 'start') {
      self.state = 'running'
      self.startedAt = Date.now()
    }
    break
  case 'running':
    if (action === 'pause') self.state = 'paused'
    else if (action === 'stop') self.state = 'done'
    break
  case 'paused':
    if (action === 'resume') self.state = 'running'
    else if (action === 'stop') self.state = 'done'
    break
  default:
    self.state = 'idle'
}
return self.state`,
  },
  {
    params: 'time',
    body: (n) => `const date = new Date(time)
const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const month = date.getMonth() + 1
const day = date.getDate()
const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = date.getFullYear() % 4 === 0
const left = (month === 2 && leap ? 29 : lengths[month - 1]) - day
return names[(date.getDay() + ${n % 7}) % 7] + ' ' + month + '/' + day + (left < 3 ? ' (month ends)' : '')`,
  },
  {
    params: 'form',
    body: (n) => `const errors = []
if (!form || typeof form !== 'object') return ['nothing to check']
if (!form.name || form.name.length < 2) errors.push('name is too short')
if (form.age !== undefined && (form.age < ${10 + (n % 5)} || form.age > 120)) errors.push('age is out of range')
if (form.weight !== undefined && !(form.weight > 20 && form.weight < 300)) errors.push('weight is out of range')
if (form.goal && ['steps', 'distance', 'calories'].indexOf(form.goal) < 0) errors.push('unknown goal')
self.errors = errors
self.valid = errors.length === 0
return errors`,
  },
  {
    params: '',
    body: (n) => `const app = self.$app && self.$app.$def ? self.$app.$def : {}
const data = app.data || {}
self.unit = data.unit || 'metric'
self.goal = Number(data.goal) || ${5000 + (n % 7) * 1000}
self.theme = data.theme === 'light' ? 'light' : 'dark'
self.vibrate = data.vibrate !== false
self.lastSync = data.lastSync ? new Date(data.lastSync).getTime() : 0
return self.unit === 'metric'`,
  },
  {
    params: 'samples',
    body: (n) => `if (!samples || samples.length === 0) return { min: 0, max: 0, mean: 0, recent: 0 }
let min = Infinity
let max = -Infinity
let sum = 0
for (const sample of samples) {
  if (sample < min) min = sample
  if (sample > max) max = sample
  sum += sample
}
const window = samples.slice(-${5 + (n % 6)})
const recent = window.reduce((total, sample) => total + sample, 0) / window.length
return { min, max, mean: sum / samples.length, recent }`,
  },
  {
    params: 'records',
    body: () => `const groups = records.reduce((byDay, record) => {
  const key = new Date(record.time).toDateString()
  ;(byDay[key] = byDay[key] || []).push(record)
  return byDay
}, {})
self.days = Object.keys(groups).map((key) => ({
  day: key,
  count: groups[key].length,
  best: Math.max.apply(null, groups[key].map((record) => record.value)),
}))
self.page = 0
self.pages = Math.ceil(self.days.length / 4)
return self.days`,
  },
];

const names = [
  'formatClock',
  'updateList',
  'onSwipe',
  'startTimer',
  'colorFor',
  'parseRecord',
  'nextState',
  'dayLabel',
  'checkForm',
  'readSettings',
  'summarize',
  'groupByDay',
];

/** @param {string} text @param {string} indent */
const indented = (text, indent) =>
  text
    .split('\n')
    .map((line) => indent + line)
    .join('\n');

/**
 * Logic of about `bytes` characters (none when `bytes` is under half a piece), in the two forms a file holds it: methods of the page's exported object
 * (`methods`, using `this`) and functions of the module (`functions`, on a module-level `state`). Half of the pieces
 * go to each in a `.ux` file; a `.js` helper takes functions only.
 * @typedef {{ methods: string, functions: string }} Logic
 * @param {number} i the file's number
 * @param {() => number} next the corpus' seeded random numbers
 * @param {number} bytes
 * @param {boolean} withMethods
 * @returns {Logic}
 */
export function appLogic(i, next, bytes, withMethods) {
  let methods = '';
  let functions = '';
  /** @type {string[]} */
  const called = [];
  // Pieces are added while one brings the total nearer the size: a file ends within half a piece of it.
  for (let k = 0; ; k++) {
    const which = Math.floor(next() * pieces.length);
    const piece = /** @type {Piece} */ (pieces[which]);
    const name = `${names[which]}${i}x${k}`;
    const body = piece.body(i + k);
    const asMethod = withMethods && k % 2 === 0;
    const text = asMethod
      ? `  ${name}(${piece.params}) {\n    const self = this\n${indented(body, '    ')}\n  },\n`
      : // A helper exports its functions; a page's script can only export its object, whose methods call them.
        `\n${withMethods ? '' : 'export '}function ${name}(${piece.params}) {\n  const self = state\n${indented(body, '  ')}\n}\n`;
    if (bytes - (methods.length + functions.length) < text.length / 2) break;
    if (asMethod) methods += text;
    else {
      functions += text;
      called.push(name);
    }
  }
  if (withMethods && called.length > 0)
    methods += `  refresh${i}() {\n${called.map((name) => `    ${name}.call(this)`).join('\n')}\n  },\n`;
  if (functions !== '') functions = `\nconst state = { items: [], index: 0, elapsed: 0, state: 'idle' }\n${functions}`;
  return { methods, functions };
}
