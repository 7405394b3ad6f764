package jp.nop.cx.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips integration tests, with the reason in the report, when the Testcontainers switch is on
 * and no Docker engine answers. In the default embedded mode they always run.
 */
public class InfrastructureCondition implements ExecutionCondition {

	private static Boolean docker;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (!SharedInfrastructure.testcontainersMode()) {
			return ConditionEvaluationResult.enabled("embedded Kafka broker and mongo-java-server");
		}
		synchronized (InfrastructureCondition.class) {
			if (docker == null) {
				docker = SharedInfrastructure.dockerAvailable();
			}
		}
		return docker ? ConditionEvaluationResult.enabled("Testcontainers with a Docker engine")
				: ConditionEvaluationResult.disabled(
						"-Dcx.it.infra=testcontainers selected, but no Docker engine is available: skipped");
	}
}
