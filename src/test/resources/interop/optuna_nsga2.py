"""Runs Optuna's NSGA-II on a two-objective study (ZDT1 with 4 variables), creating it if needed.

Usage: python3 optuna_nsga2.py FILE.db N

Population 10, seed 1; the study "nsga" minimises both objectives. Prints, as JSON, every trial's
number and generation (system attribute nsga2:generation) and the study's cached populations
(system attributes nsga2:population:*), as Optuna reads them after the run.
"""
import json
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def zdt1(trial):
    x = [trial.suggest_float("x%d" % i, 0.0, 1.0) for i in range(4)]
    g = 1 + 9 * sum(x[1:]) / 3
    return x[0], g * (1 - math.sqrt(x[0] / g))


if __name__ == "__main__":
    path, n = sys.argv[1], int(sys.argv[2])
    study = optuna.create_study(study_name="nsga", storage="sqlite:///" + path, load_if_exists=True,
                                directions=["minimize", "minimize"],
                                sampler=optuna.samplers.NSGAIISampler(population_size=10, seed=1))
    study.optimize(zdt1, n_trials=n)
    print(json.dumps({
        "generations": [t.system_attrs.get("nsga2:generation") for t in study.trials],
        "populations": {k: v for k, v in study.system_attrs.items() if k.startswith("nsga2:population")},
    }))
