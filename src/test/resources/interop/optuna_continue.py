"""Continues a study with Optuna: runs study.optimize for N more trials on the same file.

Usage: python3 optuna_continue.py FILE.db STUDY N

The objective suggests the parameters of the Java side's "shared" objective, with the same names
and distributions, so Optuna checks them against the distributions Java stored. Enqueued (WAITING)
trials are taken first, with their fixed parameters, as Optuna always does.
"""
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)


def objective(trial):
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    dropout = trial.suggest_float("dropout", 0.0, 0.5, step=0.1)
    units = trial.suggest_int("units", 16, 128, step=16)
    layers = trial.suggest_int("layers", 1, 64, log=True)
    act = trial.suggest_categorical("act", ["relu", 3, 0.5, True, None])
    for step in range(2):
        trial.report(lr * 100 + dropout + step, step)
    trial.set_user_attr("writer", "optuna")
    trial.set_user_attr("act", act)
    return lr * 100 + dropout + units / 128.0 + layers / 64.0


if __name__ == "__main__":
    path, name, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    study = optuna.load_study(
        study_name=name,
        storage="sqlite:///" + path,
        sampler=optuna.samplers.RandomSampler(seed=5),
    )
    study.optimize(objective, n_trials=n)
    print("study %s now has %d trials" % (name, len(study.trials)))
