/**
 * Which hyperparameters matter: fANOVA and PED-ANOVA importances of a study's parameters, as
 * Optuna computes them, returned as plain {@link io.parzen.importance.ParamImportances} records
 * for renderers. Entry point: {@link io.parzen.importance.Importance}.
 *
 * <p>Pure computation: no threads of its own (fANOVA may grow its trees on the common fork-join
 * pool when asked), no I/O, nothing shared between calls. A live view recomputes on its
 * background executor, never on the FX thread.
 */
package io.parzen.importance;
