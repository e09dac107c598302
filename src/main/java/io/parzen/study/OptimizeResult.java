package io.parzen.study;

import java.time.Duration;

/**
 * What one {@link Study#optimize} call did.
 *
 * @param trials trials this call ran to the end (any final state)
 * @param reason why it ended
 * @param elapsed wall time of the call
 * @param error the failure behind {@link StopReason#ERROR}, else {@code null}
 */
public record OptimizeResult(int trials, StopReason reason, Duration elapsed, Throwable error) {}
