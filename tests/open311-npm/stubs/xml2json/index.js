// open311 requires this module when it loads, but uses it only in XML mode, which these tests do not use.
module.exports = {
  toJson() {
    throw new Error('xml2json stub: use format "json"');
  },
};
