#!/usr/bin/python3
"""Optuna's side of MultiObjectiveBench (src/test/java/io/parzen/bench/MultiObjectiveBench.java).

Standard library and Debian's python3-optuna 3.1 only.

  /usr/bin/python3 bench/optuna_multi_objective_bench.py quality SEEDS TRIALS PROBLEMS SAMPLERS
      prints one JSON object: {problem: {sampler: [[[f1, f2...] per COMPLETE trial] per seed]}}
  /usr/bin/python3 bench/optuna_multi_objective_bench.py runs SEEDS TRIALS PROBLEMS SAMPLERS [FIRST_SEED]
      the same, one JSON line per run as soon as it ends: {"problem", "sampler", "seed", "values"}
      (for slow runs: a partial output is still usable; FIRST_SEED, default 1, lets several
      processes share the seeds)
  /usr/bin/python3 bench/optuna_multi_objective_bench.py speed PROBLEM N REPEATS SAMPLERS
      prints one JSON object: {sampler: median seconds of one ask+tell in a study of N trials}

PROBLEMS: comma list of zdt1, dtlz2 (defined exactly as io.parzen.objective.MultiObjectiveFunction:
zdt1 with 30 variables, dtlz2 with 3 objectives and 12 variables, every objective minimised).
SAMPLERS: comma list of nsga2 (NSGAIISampler()), motpe (TPESampler() on the multi-objective
study), random. Seeds are 1..SEEDS. The hypervolumes are computed on the Java side from the
values printed here, with the same code and reference point as ours.
"""

import json
import math
import statistics
import sys
import time
import warnings

import optuna
from optuna.distributions import FloatDistribution
from optuna.trial import create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")


def zdt1(x):
    g = 1 + 9 * sum(x[1:]) / (len(x) - 1)
    return [x[0], g * (1 - math.sqrt(x[0] / g))]


def dtlz2(x, m=3):
    g = sum((v - 0.5) ** 2 for v in x[m - 1:])
    f = []
    for i in range(m):
        v = 1.0
        for j in range(m - 1 - i):
            v *= math.cos(x[j] * math.pi / 2)
        if i > 0:
            v *= math.sin(x[m - 1 - i] * math.pi / 2)
        f.append((1 + g) * v)
    return f


PROBLEMS = {"zdt1": (zdt1, 30, 2), "dtlz2": (dtlz2, 12, 3)}


def sampler(name, seed):
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    if name == "motpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise SystemExit("unknown sampler " + name)


def run(problem, name, seed, trials):
    f, n, m = PROBLEMS[problem]
    study = optuna.create_study(directions=["minimize"] * m, sampler=sampler(name, seed))
    values = []
    for _ in range(trials):
        trial = study.ask()
        x = [trial.suggest_float("x%d" % i, 0.0, 1.0) for i in range(n)]
        v = f(x)
        study.tell(trial, v)
        values.append(v)
    return values


def quality(seeds, trials, problems, samplers):
    out = {}
    for problem in problems:
        out[problem] = {}
        for name in samplers:
            runs = []
            for seed in range(1, seeds + 1):
                t0 = time.time()
                runs.append(run(problem, name, seed, trials))
                print("optuna %s %s seed %d: %.1f s" % (problem, name, seed, time.time() - t0), file=sys.stderr)
            out[problem][name] = runs
    print(json.dumps(out))


def runs(seeds, trials, problems, samplers, first=1):
    for seed in range(first, seeds + 1):
        for problem in problems:
            for name in samplers:
                t0 = time.time()
                values = run(problem, name, seed, trials)
                print(json.dumps({"problem": problem, "sampler": name, "seed": seed, "values": values}), flush=True)
                print("optuna %s %s seed %d: %.1f s" % (problem, name, seed, time.time() - t0), file=sys.stderr)


def speed(problem, n, repeats, samplers):
    f, d, m = PROBLEMS[problem]
    dists = {"x%d" % i: FloatDistribution(0.0, 1.0) for i in range(d)}
    out = {}
    for name in samplers:
        import random
        rng = random.Random(1)
        study = optuna.create_study(directions=["minimize"] * m, sampler=sampler(name, 1))
        filled = []
        for k in range(n):
            x = [rng.random() for _ in range(d)]
            attrs = {"nsga2:generation": k // 50} if name == "nsga2" else {}
            filled.append(create_trial(params={"x%d" % i: x[i] for i in range(d)}, distributions=dists,
                                       values=f(x), system_attrs=attrs))
        study.add_trials(filled)
        timings = []
        for r in range(repeats + 2):
            t0 = time.perf_counter()
            trial = study.ask()
            x = [trial.suggest_float("x%d" % i, 0.0, 1.0) for i in range(d)]
            study.tell(trial, f(x))
            if r >= 2:
                timings.append(time.perf_counter() - t0)
        out[name] = statistics.median(timings)
        print("optuna speed %s %s n=%d: %.1f ms" % (problem, name, n, out[name] * 1e3), file=sys.stderr)
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "quality":
        quality(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(","), sys.argv[5].split(","))
    elif sys.argv[1] == "runs":
        runs(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(","), sys.argv[5].split(","),
             int(sys.argv[6]) if len(sys.argv) > 6 else 1)
    elif sys.argv[1] == "speed":
        speed(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5].split(","))
    else:
        raise SystemExit(__doc__)
