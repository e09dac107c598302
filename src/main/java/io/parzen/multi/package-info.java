/**
 * Multi-objective building blocks shared by the samplers and the plots: Pareto dominance and
 * non-dominated sorting ({@link io.parzen.multi.Pareto}), NSGA-II's crowding distance
 * ({@link io.parzen.multi.CrowdingDistance}) and exact hypervolume with Optuna's default
 * reference point ({@link io.parzen.multi.Hypervolume}).
 *
 * <p>Everything here works on objective vectors to be <em>minimised</em>: {@link
 * io.parzen.multi.Pareto#minimizationValues} turns trials of a study with any directions into such
 * vectors (maximised objectives negated). Pure computation on arrays: no threads, no I/O, no state
 * kept between calls; inputs are never modified.
 */
package io.parzen.multi;
