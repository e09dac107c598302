"""Computes parameter importances of a study with Optuna, for comparison with Parzen Studio.

Usage: python3 optuna_importance.py TRIALS.json EVALUATOR SEED

TRIALS.json: {"direction": "minimize" | "maximize",
              "trials": [{"params": {name: internal value},
                          "distributions": {name: Optuna distribution JSON},
                          "value": number}, ...]}
EVALUATOR: fanova (FanovaImportanceEvaluator, 64 trees, seeded with SEED) or ped-anova
(PedAnovaImportanceEvaluator with its defaults, Optuna 3.6 and later).

Prints one JSON line: {"version", "importances" (normalised, most important first), "seconds"
and "cpu_seconds" (the wall and CPU time of get_param_importances alone)}. Exits with status 3 when this Optuna lacks the
evaluator.
"""
import json
import sys
import time
import warnings

import optuna
from optuna.distributions import json_to_distribution

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.simplefilter("ignore")


def main():
    path, evaluator_name, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(path) as f:
        data = json.load(f)
    study = optuna.create_study(direction=data["direction"])
    trials = []
    for t in data["trials"]:
        distributions = {k: json_to_distribution(v) for k, v in t["distributions"].items()}
        params = {k: distributions[k].to_external_repr(v) for k, v in t["params"].items()}
        trials.append(
            optuna.trial.create_trial(params=params, distributions=distributions, value=t["value"])
        )
    study.add_trials(trials)
    if evaluator_name == "fanova":
        evaluator = optuna.importance.FanovaImportanceEvaluator(seed=seed)
    elif evaluator_name == "ped-anova":
        if not hasattr(optuna.importance, "PedAnovaImportanceEvaluator"):
            print("Optuna %s has no PedAnovaImportanceEvaluator" % optuna.__version__, file=sys.stderr)
            sys.exit(3)
        evaluator = optuna.importance.PedAnovaImportanceEvaluator()
    else:
        raise SystemExit("unknown evaluator " + evaluator_name)
    start, cpu_start = time.perf_counter(), time.process_time()
    importances = optuna.importance.get_param_importances(study, evaluator=evaluator)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    print(json.dumps({"version": optuna.__version__, "importances": dict(importances),
                      "seconds": seconds, "cpu_seconds": cpu_seconds}))


if __name__ == "__main__":
    main()
