# One image recipe for every service (as spring-petclinic-microservices does), built from the
# repository root with the module, its port and its management port (actuator: health, metrics)
# as build arguments; docker-compose.yml passes them:
#   docker build --build-arg MODULE=registration-service --build-arg PORT=8081 \
#     --build-arg MANAGEMENT_PORT=9081 -t cx/registration-service .
ARG MODULE

FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY platform platform
COPY platform-test platform-test
COPY local-stack local-stack
# Every module's POM, so the reactor resolves; only the module built needs its sources.
COPY registration-service/pom.xml registration-service/pom.xml
COPY identity-service/pom.xml identity-service/pom.xml
COPY terms-service/pom.xml terms-service/pom.xml
COPY enforcement-service/pom.xml enforcement-service/pom.xml
COPY notification-service/pom.xml notification-service/pom.xml
COPY gateway/pom.xml gateway/pom.xml
COPY console/pom.xml console/pom.xml
COPY ${MODULE} ${MODULE}
RUN test -n "${MODULE}" || { echo "build with --build-arg MODULE=<service module>" >&2; exit 1; } \
    && ./mvnw -B -ntp -q -pl ${MODULE} -am -DskipTests package \
    && cp ${MODULE}/target/${MODULE}.jar /src/app.jar

FROM eclipse-temurin:17-jre
ARG PORT
ARG MANAGEMENT_PORT
RUN test -n "${PORT}" || { echo "build with --build-arg PORT=<service port>" >&2; exit 1; } \
    && test -n "${MANAGEMENT_PORT}" || { echo "build with --build-arg MANAGEMENT_PORT=<port + 1000>" >&2; exit 1; } \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 cx
WORKDIR /app
COPY --from=build /src/app.jar app.jar
# The services read PORT (server.port: ${PORT:...}) and MANAGEMENT_SERVER_PORT; the health
# check asks the management port, where actuator lives (the public port has none of it).
ENV PORT=${PORT} MANAGEMENT_SERVER_PORT=${MANAGEMENT_PORT}
USER cx
EXPOSE ${PORT} ${MANAGEMENT_PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fs "http://localhost:${MANAGEMENT_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
