#!/bin/bash
# Run once by the kafka-acls service of docker-compose.yml, as the broker's admin user, before any
# service starts: each service may read every topic (events are the shared contract) but write only
# the topics it publishes (docs/architecture.md, Topics) and its own dead letters, and use only its
# own consumer groups. Re-running it is harmless (ACLs are set, not appended twice).
set -euo pipefail
BOOTSTRAP=kafka:9092
CONFIG=/tmp/admin.properties
cat > "$CONFIG" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${CX_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
acls() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$CONFIG" --add --force "$@"; }

declare -A PUBLISHES=(
  [registration-service]="registration-submitted registration-rejected partner-approved partner-updated partner-termination-scheduled partner-terminated partner-transferred partner-transfer-requested partner-transfer-refused"
  [identity-service]="credential-issued credential-compromised credential-revoked credential-deleted audit-recorded"
  [terms-service]="terms-changed terms-accepted"
  [enforcement-service]="partner-warned partner-suspended partner-throttled partner-reinstated partner-standing service-status-changed resumption-proposed resumption-decided"
  [notification-service]=""
  [gateway]="excessive-load-detected partner-activity audit-recorded"
)

for service in "${!PUBLISHES[@]}"; do
  principal="User:${service}"
  # Topics are created on first use by the binder (auto-add-partitions), hence Create and Alter.
  acls --allow-principal "$principal" --operation Read --operation Describe --operation Create \
    --operation Alter --operation DescribeConfigs --topic '*'
  acls --allow-principal "$principal" --operation Create --operation Describe --cluster
  for topic in ${PUBLISHES[$service]}; do
    acls --allow-principal "$principal" --operation Write --topic "$topic"
  done
  # Dead letters: error.<topic>.<group>, the group being the service's name.
  acls --allow-principal "$principal" --operation Write --operation Create --resource-pattern-type prefixed \
    --topic "error."
  if [ "$service" = gateway ]; then
    # Every gateway instance reads the state topics in its own anonymous group (anonymous.<uuid>).
    acls --allow-principal "$principal" --operation Read --operation Describe --resource-pattern-type prefixed \
      --group "anonymous."
  else
    acls --allow-principal "$principal" --operation Read --operation Describe --resource-pattern-type prefixed \
      --group "$service"
  fi
done
echo "kafka-acls: done"
