// tsserver `require`s a plugin and calls what it exports. The plugin is an ES module (Node >= 20.19 requires those).
'use strict';
module.exports = require('./dist/tsserver-plugin.js').tsserverPlugin;
