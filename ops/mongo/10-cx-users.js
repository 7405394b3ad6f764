// Runs once, when the mongo container initialises an empty data directory (docker-entrypoint-initdb.d),
// authenticated as the root user. One user per service, in and limited to that service's own database
// (SPEC section 1: no service reads another's database; here the credentials enforce it).
const services = {
  'registration-service': ['cx-registration', 'CX_MONGO_REGISTRATION_PASSWORD'],
  'identity-service': ['cx-identity', 'CX_MONGO_IDENTITY_PASSWORD'],
  'terms-service': ['cx-terms', 'CX_MONGO_TERMS_PASSWORD'],
  'enforcement-service': ['cx-enforcement', 'CX_MONGO_ENFORCEMENT_PASSWORD'],
  'notification-service': ['cx-notification', 'CX_MONGO_NOTIFICATION_PASSWORD'],
};
for (const [user, [database, passwordVariable]] of Object.entries(services)) {
  const password = process.env[passwordVariable];
  if (!password) {
    throw new Error(passwordVariable + ' is not set');
  }
  db.getSiblingDB(database).createUser({ user, pwd: password, roles: [{ role: 'readWrite', db: database }] });
}
