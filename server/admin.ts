/**
 * `npm run server:admin -- <command> [options]`: clinic and device
 * administration on the same store the server uses (TIMEDESK_DB_PATH or
 * DATABASE_URL). Prints JSON on stdout; errors on stderr with exit code 1
 * (2 for usage).
 *
 *   create-clinic --name "North Street" --zone Europe/London
 *   issue-code    --clinic <id> [--ttl-minutes 60]
 *   list-clinics
 *   list-devices  --clinic <id>
 *   revoke-device --device <id>
 */
import { parseArgs } from 'node:util';
import { ValidationError } from '../core';
import { createClinic, issueEnrollmentCode, listClinicDevices, revokeDevice } from './accounts/clinic-admin';
import { readConfig } from './config';
import { openConfiguredStorage } from './storage/open-storage';

const usage = `usage: npm run server:admin -- <command> [options]
  create-clinic --name "<name>" --zone <IANA zone>
  issue-code    --clinic <clinicId> [--ttl-minutes 60]
  list-clinics
  list-devices  --clinic <clinicId>
  revoke-device --device <deviceId>`;

const [command, ...rest] = process.argv.slice(2);
let values: Record<string, string | undefined>;
try {
  values = parseArgs({
    args: rest,
    options: { name: { type: 'string' }, zone: { type: 'string' }, clinic: { type: 'string' }, 'ttl-minutes': { type: 'string' }, device: { type: 'string' } },
    strict: true,
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

function required(name: string): string {
  const value = values[name];
  if (value === undefined || value === '') {
    console.error(`--${name} is required for ${command}\n${usage}`);
    process.exit(2);
  }
  return value;
}

const config = readConfig();
const storage = await openConfiguredStorage(config);
const clock = Date.now;
try {
  switch (command) {
    case 'create-clinic': {
      const clinic = await createClinic(storage, { name: required('name'), zone: required('zone') }, clock);
      console.log(JSON.stringify({ clinicId: clinic.id, name: clinic.name, timeZone: clinic.timeZone }, null, 2));
      break;
    }
    case 'issue-code': {
      const ttl = values['ttl-minutes'];
      const issued = await issueEnrollmentCode(storage, { clinicId: required('clinic'), ...(ttl === undefined ? {} : { ttlMinutes: Number(ttl) }) }, clock);
      console.log(JSON.stringify({ ...issued, note: 'Shown once: only its hash is stored. Single use.' }, null, 2));
      break;
    }
    case 'list-clinics':
      console.log(JSON.stringify(await storage.listClinics(), null, 2));
      break;
    case 'list-devices':
      console.log(JSON.stringify(await listClinicDevices(storage, required('clinic')), null, 2));
      break;
    case 'revoke-device': {
      const deviceId = required('device');
      await revokeDevice(storage, deviceId, clock);
      console.log(JSON.stringify({ revoked: deviceId }, null, 2));
      break;
    }
    default:
      console.error(usage);
      process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.error(`${error.field}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await storage.close();
}
