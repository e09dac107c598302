package io.parzen.storage.interop;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Applies {@link OptunaPython#verdict()} to a test class and its nested classes: without Python or
 * Optuna every test is reported as skipped, with the reason; with {@code PARZEN_REQUIRE_OPTUNA=1}
 * the class fails instead.
 */
final class RequiresOptuna implements ExecutionCondition, BeforeAllCallback {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    OptunaPython.Verdict v = OptunaPython.verdict();
    return v.decision() == OptunaPython.Decision.SKIP
        ? ConditionEvaluationResult.disabled(v.message())
        : ConditionEvaluationResult.enabled(v.message());
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    OptunaPython.Verdict v = OptunaPython.verdict();
    if (v.decision() == OptunaPython.Decision.FAIL) {
      fail(v.message());
    }
  }
}
