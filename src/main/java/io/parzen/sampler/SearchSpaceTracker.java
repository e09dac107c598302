package io.parzen.sampler;

import io.parzen.space.Distribution;
import io.parzen.storage.Storage;
import io.parzen.storage.TrialCursor;
import io.parzen.storage.TrialDelta;
import io.parzen.study.Study;
import io.parzen.trial.FrozenTrial;
import io.parzen.trial.TrialState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The search spaces of a study's finished (COMPLETE or PRUNED) trials, as multivariate TPE needs
 * them, kept up to date from {@link Storage#trialsChangedSince} so that each trial reads only the
 * trials that finished since the last one:
 *
 * <ul>
 *   <li>the intersection (Optuna's {@code IntersectionSearchSpace(include_pruned=True)}): the
 *       parameters every finished trial has, with the same distribution;
 *   <li>the group decomposition (Optuna's {@code _GroupDecomposedSearchSpace}): the finest
 *       partition of all parameters seen in which every finished trial's parameters are a union
 *       of groups, so each group is a set of parameters that are always active together. A group
 *       keeps the distribution its parameters were first seen with.
 * </ul>
 *
 * <p>Follows one study at a time; given another study it starts over. Thread-safe.
 */
final class SearchSpaceTracker {

  private Storage storage;
  private long studyId;
  private TrialCursor cursor = TrialCursor.START;
  /** {@code null} until the first finished trial. */
  private Map<String, Distribution> intersection;
  private List<Map<String, Distribution>> groups = new ArrayList<>();

  /** Reads the trials of {@code study} that finished since the last call. */
  synchronized void update(Study study) {
    if (storage != study.storage() || studyId != study.id()) {
      storage = study.storage();
      studyId = study.id();
      cursor = TrialCursor.START;
      intersection = null;
      groups = new ArrayList<>();
    }
    TrialDelta delta = storage.trialsChangedSince(studyId, cursor);
    for (FrozenTrial t : delta.trials()) {
      if (t.state() == TrialState.COMPLETE || t.state() == TrialState.PRUNED) {
        add(t.distributions());
      }
    }
    cursor = delta.next();
  }

  private void add(Map<String, Distribution> distributions) {
    if (intersection == null) {
      intersection = new LinkedHashMap<>(distributions);
    } else {
      intersection.entrySet().removeIf(e -> !e.getValue().equals(distributions.get(e.getKey())));
    }
    Set<String> remaining = new HashSet<>(distributions.keySet());
    List<Map<String, Distribution>> next = new ArrayList<>();
    for (Map<String, Distribution> group : groups) {
      Map<String, Distribution> inside = new LinkedHashMap<>();
      Map<String, Distribution> outside = new LinkedHashMap<>();
      for (Map.Entry<String, Distribution> e : group.entrySet()) {
        (remaining.contains(e.getKey()) ? inside : outside).put(e.getKey(), e.getValue());
      }
      remaining.removeAll(group.keySet());
      next.add(inside);
      next.add(outside);
    }
    Map<String, Distribution> fresh = new LinkedHashMap<>();
    for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
      if (remaining.contains(e.getKey())) {
        fresh.put(e.getKey(), e.getValue());
      }
    }
    next.add(fresh);
    next.removeIf(Map::isEmpty);
    groups = next;
  }

  /** The intersection space, sorted by name; empty before any trial finished. */
  synchronized Map<String, Distribution> intersection() {
    return intersection == null ? Map.of() : sorted(intersection);
  }

  /** The groups, in the order Optuna keeps them, each sorted by name. */
  synchronized List<Map<String, Distribution>> groups() {
    List<Map<String, Distribution>> copy = new ArrayList<>(groups.size());
    for (Map<String, Distribution> g : groups) {
      copy.add(sorted(g));
    }
    return copy;
  }

  private static Map<String, Distribution> sorted(Map<String, Distribution> space) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(space)));
  }
}
