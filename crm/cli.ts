// Runs the demo CRM on its own: `node crm/cli.ts [--port 8090] [--host 127.0.0.1]`.
import { parseArgs } from 'node:util';
import { startCrm } from './server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8090' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a number between 0 and 65535, not ${values.port}`);
  process.exit(2);
}
const crm = await startCrm({ port, host: values.host });
console.log(`Northwind Support CRM: ${crm.baseUrl}/crm/dashboard`);
console.log(`Screen-pop by phone:   ${crm.baseUrl}/crm/contacts?phone=%2B14155550132`);
console.log(`Detection ground truth: ${crm.baseUrl}/crm/ground-truth.json`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void crm.close().then(() => process.exit(0)));
}
