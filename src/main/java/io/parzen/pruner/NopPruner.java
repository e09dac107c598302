package io.parzen.pruner;

import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;

/** Never prunes. The default pruner. */
public final class NopPruner implements Pruner {

  @Override
  public boolean prune(Study study, FrozenTrial trial) {
    return false;
  }
}
