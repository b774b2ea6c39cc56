// open311 requires this module when it loads, but uses it only in XML mode, which these tests do not use.
module.exports = {
  parseXml() {
    throw new Error('sparkxml stub: use format "json"');
  },
};
