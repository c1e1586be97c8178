const base = require('../jest.config.base.js');

module.exports = { ...base, displayName: 'e2e' };
