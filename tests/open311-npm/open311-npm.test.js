// npm's open311 client (codeforamerica/node-open311 0.0.12) against a running Ciudad.
// OPEN311_BASE=http://127.0.0.1:PORT/open311/v2/ OPEN311_API_KEY=c311_… OPEN311_JURISDICTION=elpasotexas.gov node --test open311-npm.test.js
// Started by Ciudad.ServiceRequests.Tests (NpmOpen311ClientTests), which starts Ciudad and issues the key.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { promisify } = require('node:util');
const Open311 = require('open311');

const client = new Open311({
  endpoint: process.env.OPEN311_BASE, // must end with '/': the client appends 'services.json'
  apiKey: process.env.OPEN311_API_KEY,
  jurisdiction: process.env.OPEN311_JURISDICTION,
  format: 'json',
});
const call = (fn, ...args) => promisify(fn).apply(client, args);

test('npm open311 lists services, files a request with an API key and reads it back', async () => {
  const services = await call(client.serviceList);
  assert.ok(Array.isArray(services) && services.length > 0, 'services.json lists services');
  const pothole = services.find((s) => s.service_code === 'pothole');
  assert.ok(pothole, 'the pothole service is listed');
  assert.equal(pothole.metadata, true);

  const definition = await call(client.serviceDefinition, 'pothole');
  assert.equal(definition.service_code, 'pothole');
  const size = definition.attributes.find((a) => a.code === 'size');
  assert.ok(size && size.required, 'the size question is required');

  const created = await call(client.submitRequest, {
    service_code: 'pothole',
    lat: 31.7587,
    long: -106.4869,
    description: 'Bache profundo & peligroso (npm open311)',
    email: 'vecina@example.org',
    attributes: { size: size.values[0].key },
  });
  const id = created[0].service_request_id;
  assert.match(id, /^[0-9A-Z]{7}$/);

  const [one] = await call(client.serviceRequests, id); // GET requests/{id}.json
  assert.equal(one.service_request_id, id);
  assert.equal(one.status, 'open');
  assert.equal(one.description, 'Bache profundo & peligroso (npm open311)');
  // The client turns updated_datetime into a Date; Ciudad always sends one, so it is not 1970.
  assert.ok(one.updated_datetime instanceof Date && one.updated_datetime.getFullYear() > 2000);

  const listed = await call(client.serviceRequests, [id], {}); // GET requests.json?service_request_id=
  assert.deepEqual(listed.map((r) => r.service_request_id), [id]);
});

test('npm open311 reports a refused request as an error', async () => {
  await assert.rejects(call(client.submitRequest, { service_code: 'no-such-service', lat: 31.7587, long: -106.4869 }));
});
