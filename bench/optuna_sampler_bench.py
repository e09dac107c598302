#!/usr/bin/python3
"""Optuna's side of SamplerBench (src/test/java/io/parzen/bench/SamplerBench.java).

Standard library and Debian's python3-optuna 3.1 (with python3-cmaes) only.

  /usr/bin/python3 bench/optuna_sampler_bench.py quality SEEDS TRIALS [CHECKPOINTS [SAMPLERS]]
      prints one JSON object: {function: {sampler: [[best@c1, best@c2, ...] per seed]}}
  /usr/bin/python3 bench/optuna_sampler_bench.py speed PARAMS REPEATS LIMIT_SECONDS SAMPLERS N1 N2 ...
      prints one JSON object: {sampler: {"N": median seconds of one ask+tell, or null if not run}}

SAMPLERS is a comma list of the names below (tpe, tpe-multivariate, random, qmc, cmaes); quality
runs all of them when it is absent.

The functions are defined exactly as io.parzen.objective.BenchmarkFunctions defines them (same
bounds, same formulas, same Hartmann6 constants), and the mixed space exactly as SamplerBench.mixed.
"""

import json
import math
import random
import statistics
import sys
import time
import warnings

import optuna
from optuna.distributions import FloatDistribution
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")


def quadratic(x):
    return (x[0] - 2) * (x[0] - 2)


def branin(x):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    y = x[1] - b * x[0] * x[0] + c * x[0] - 6
    return y * y + 10 * (1 - t) * math.cos(x[0]) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H_P = [
    [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
    [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
    [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
    [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
]


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = 0.0
        for j in range(6):
            d = x[j] - H_P[i][j]
            inner += H_A[i][j] * d * d
        total += H_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(x):
    total = 0.0
    for i in range(len(x) - 1):
        a = x[i + 1] - x[i] * x[i]
        b = 1 - x[i]
        total += 100 * a * a + b * b
    return total


def ackley(x):
    squares = 0.0
    cosines = 0.0
    for xi in x:
        squares += xi * xi
        cosines += math.cos(2 * math.pi * xi)
    n = len(x)
    return -20 * math.exp(-0.2 * math.sqrt(squares / n)) - math.exp(cosines / n) + 20 + math.e


def styblinski_tang(x):
    total = 0.0
    for xi in x:
        x2 = xi * xi
        total += x2 * x2 - 16 * x2 + 5 * xi
    return total / 2


# name -> (function, lows, highs); parameter names as BenchmarkFunction names them.
FUNCTIONS = {
    "quadratic": (quadratic, [-10.0], [10.0]),
    "branin": (branin, [-5.0, 0.0], [10.0, 15.0]),
    "hartmann6": (hartmann6, [0.0] * 6, [1.0] * 6),
    "rosenbrock-5d": (rosenbrock, [-5.0] * 5, [10.0] * 5),
    "ackley-10d": (ackley, [-32.768] * 10, [32.768] * 10),
    "styblinski-tang-5d": (styblinski_tang, [-5.0] * 5, [5.0] * 5),
}

# The mixed space, as SamplerBench.mixed: minimum 0 at lr = 1e-3, layers = 4, act = relu.
ACT_PENALTY = {"relu": 0.0, "tanh": 0.5, "sigmoid": 1.0}


def mixed_objective(trial):
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    layers = trial.suggest_int("layers", 1, 8)
    act = trial.suggest_categorical("act", ["relu", "tanh", "sigmoid"])
    d = math.log10(lr) + 3
    return d * d + 0.1 * (layers - 4) ** 2 + ACT_PENALTY[act]


def function_objective(name):
    f, lows, highs = FUNCTIONS[name]

    def objective(trial):
        if len(lows) == 1:
            x = [trial.suggest_float("x", lows[0], highs[0])]
        else:
            x = [trial.suggest_float("x%d" % i, lows[i], highs[i]) for i in range(len(lows))]
        return f(x)

    return objective


SAMPLERS = {
    "tpe": lambda seed: optuna.samplers.TPESampler(seed=seed),
    "tpe-multivariate": lambda seed: optuna.samplers.TPESampler(seed=seed, multivariate=True),
    "random": lambda seed: optuna.samplers.RandomSampler(seed=seed),
    "qmc": lambda seed: optuna.samplers.QMCSampler(seed=seed),
    "cmaes": lambda seed: optuna.samplers.CmaEsSampler(seed=seed),
}


def quality(seeds, trials, checkpoints, samplers):
    out = {}
    names = list(FUNCTIONS) + ["mixed"]
    for name in names:
        objective = mixed_objective if name == "mixed" else function_objective(name)
        out[name] = {}
        for sampler_name in samplers:
            make = SAMPLERS[sampler_name]
            runs = []
            for seed in range(1, seeds + 1):
                study = optuna.create_study(sampler=make(seed), direction="minimize")
                study.optimize(objective, n_trials=trials)
                values = [t.value for t in study.trials if t.state == TrialState.COMPLETE]
                best, bests = math.inf, []
                for v in values:
                    best = min(best, v)
                    bests.append(best)
                runs.append([bests[c - 1] for c in checkpoints])
            out[name][sampler_name] = runs
            print("optuna %s %s done" % (name, sampler_name), file=sys.stderr, flush=True)
    return out


def speed(params, repeats, limit_seconds, samplers, sizes):
    return {name: speed_of(SAMPLERS[name], params, repeats, limit_seconds, sizes) for name in samplers}


def speed_of(make, params, repeats, limit_seconds, sizes):
    """Median seconds of one ask (suggesting `params` floats) + tell at each study size."""
    dists = {"x%d" % i: FloatDistribution(-5.0, 5.0) for i in range(params)}
    results = {}
    for n in sizes:
        budget_start = time.perf_counter()  # each size gets limit_seconds, pre-fill included

        rnd = random.Random(n)
        study = optuna.create_study(sampler=make(1), direction="minimize")
        prefill = []
        for _ in range(n):
            p = {k: rnd.uniform(-5.0, 5.0) for k in dists}
            prefill.append(create_trial(params=p, distributions=dists, value=sum(v * v for v in p.values())))
        study.add_trials(prefill)

        def one():
            t = study.ask()
            s = 0.0
            for i in range(params):
                v = t.suggest_float("x%d" % i, -5.0, 5.0)
                s += v * v
            study.tell(t, s)

        for _ in range(3):  # warm-up
            one()
        timings = []
        deadline = budget_start + limit_seconds
        for _ in range(repeats):
            start = time.perf_counter()
            one()
            timings.append(time.perf_counter() - start)
            if time.perf_counter() > deadline:
                break
        if len(timings) < 5:
            results[str(n)] = None
            print("optuna speed n=%d: not run (over %.0f s)" % (n, limit_seconds), file=sys.stderr, flush=True)
            continue
        results[str(n)] = {"median": statistics.median(timings), "count": len(timings)}
        print("optuna speed n=%d: %.4f s (%d timings)" % (n, results[str(n)]["median"], len(timings)),
              file=sys.stderr, flush=True)
    return results


def main():
    mode = sys.argv[1]
    if mode == "quality":
        seeds, trials = int(sys.argv[2]), int(sys.argv[3])
        checkpoints = [int(c) for c in sys.argv[4].split(",")] if len(sys.argv) > 4 else [25, 50, trials]
        samplers = sys.argv[5].split(",") if len(sys.argv) > 5 else list(SAMPLERS)
        print(json.dumps(quality(seeds, trials, checkpoints, samplers)))
    elif mode == "speed":
        params, repeats, limit = int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
        samplers = sys.argv[5].split(",")
        print(json.dumps(speed(params, repeats, limit, samplers, [int(n) for n in sys.argv[6:]])))
    else:
        raise SystemExit(
            "usage: optuna_sampler_bench.py quality SEEDS TRIALS [CHECKPOINTS [SAMPLERS]]"
            " | speed PARAMS REPEATS LIMIT SAMPLERS N..."
        )


if __name__ == "__main__":
    main()
