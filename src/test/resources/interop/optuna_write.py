"""Writes a study file with Optuna, for Parzen Studio to read.

Usage: python3 optuna_write.py FILE.db SCENARIO

Scenarios:
  reference       three studies covering every distribution, trial state and value kind
  nan-user-attr   one study whose trial and study user attributes hold NaN and +-inf
  huge-int-choice one trial whose categorical choice is an integer beyond 64 bits (2**64 + 1)
"""
import math
import sys

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)

# Mixed-type choices. No two of them are equal in Python (1 == True, 0 == False, 2 == 2.0), so
# Optuna's choices.index() maps every value to its own index.
CHOICES = ["adam", 7, 2.5, False, None]


def minimize_objective(trial):
    x = trial.suggest_float("x", -5.0, 5.0)
    lr = trial.suggest_float("lr", 1e-5, 1e-1, log=True)
    q = trial.suggest_float("q", 0.0, 1.0, step=0.1)
    q2 = trial.suggest_float("q2", 0.1, 1.05, step=0.2)  # Optuna moves high down to 0.9
    n = trial.suggest_int("n", 0, 10)
    m = trial.suggest_int("m", 0, 22, step=5)  # Optuna moves high down to 20
    k = trial.suggest_int("k", 1, 1024, log=True)
    c = trial.suggest_categorical("c", CHOICES)
    if isinstance(c, str):
        trial.suggest_float("beta", 0.8, 0.999)  # a conditional parameter
    trial.set_user_attr("nested", {"k": k, "list": [1, 2.5, "s", None, True, {"deep": [n, -0.5]}]})
    trial.set_user_attr("label", "trial-%d" % trial.number)
    number = trial.number
    if number == 1:  # PRUNED after reports: its value is the last intermediate value
        trial.report(0.5, 0)
        trial.report(0.25, 3)
        raise optuna.TrialPruned()
    if number == 2:  # FAIL: the objective raises, optimize catches it
        trial.report(1.0, 0)
        raise ValueError("objective failed on purpose")
    if number == 3:  # non-finite intermediate values and an objective value of +inf
        trial.report(float("nan"), 0)
        trial.report(float("inf"), 1)
        trial.report(float("-inf"), 2)
        trial.report(-1.5, 5)
        return float("inf")
    if number == 4:  # PRUNED whose last intermediate value is NaN: no value
        trial.report(2.0, 0)
        trial.report(float("nan"), 1)
        raise optuna.TrialPruned()
    for step in range(3):
        trial.report(x * x + 1.0 / (step + 1), step)
    return (x - 1.0) ** 2 + q + q2 + n + m + math.log2(k) + (math.log10(lr) + 3) ** 2


def maximize_objective(trial):
    x = trial.suggest_float("x", -3.0, 3.0)
    u = trial.suggest_int("u", -10, 10, step=2)
    flag = trial.suggest_categorical("flag", [True, False])
    trial.set_user_attr("big", [2 ** 40, -(2 ** 40), 1e-300, 1.5e300])
    if trial.number == 2:
        return float("-inf")
    return -((x - 1.0) ** 2) + u / 100.0 + (0.5 if flag else 0.0)


def multi_objective(trial):
    x = trial.suggest_float("x", 0.0, 2.0)
    y = trial.suggest_float("y", 0.0, 2.0)
    kind = trial.suggest_categorical("kind", ["a", "b", 3, 4.5])
    trial.set_user_attr("kind", kind)
    number = trial.number
    if number == 2:
        raise optuna.TrialPruned()  # multi-objective PRUNED: no values
    if number == 3:
        return float("inf"), y
    if number == 4:
        return x  # one value for two objectives: FAIL
    return x * x + y, x + y * y


def reference(storage):
    study = optuna.create_study(
        study_name="py-minimize",
        storage=storage,
        direction="minimize",
        sampler=optuna.samplers.RandomSampler(seed=42),
    )
    study.set_user_attr("config", {"nested": {"a": [1, 2.5, "s", None, True]}, "pairs": [[1, 2], [3]]})
    study.set_user_attr("unicode \u2713", "na\u00efve \u2014 \u201cquoted\u201d")
    storage.set_study_system_attr(study._study_id, "origin", {"writer": "optuna", "version": optuna.__version__})
    study.optimize(minimize_objective, n_trials=8, catch=(Exception,))
    # RUNNING: asked and never told. Asked before enqueueing, since ask() takes WAITING trials first.
    running = study.ask()
    running.suggest_float("x", -5.0, 5.0)
    running.report(0.75, 0)
    running.set_user_attr("note", "left running")
    # WAITING: enqueued with fixed parameters.
    study.enqueue_trial({"x": 1.0, "n": 3, "c": None}, user_attrs={"origin": "enqueued"})

    maximize = optuna.create_study(
        study_name="py-maximize",
        storage=storage,
        direction="maximize",
        sampler=optuna.samplers.RandomSampler(seed=7),
    )
    maximize.set_user_attr("empty", {})
    maximize.optimize(maximize_objective, n_trials=5)

    multi = optuna.create_study(
        study_name="py-multi",
        storage=storage,
        directions=["minimize", "maximize"],
        sampler=optuna.samplers.RandomSampler(seed=3),
    )
    multi.optimize(multi_objective, n_trials=7, catch=(Exception,))


def nan_user_attr(storage):
    study = optuna.create_study(study_name="py-nan-attrs", storage=storage)
    study.set_user_attr("nan", float("nan"))
    trial = study.ask()
    trial.suggest_float("x", 0.0, 1.0)
    trial.set_user_attr("val_loss", float("nan"))
    trial.set_user_attr("bounds", [float("-inf"), float("inf")])
    study.tell(trial, 1.0)


def huge_int_choice(storage):
    study = optuna.create_study(study_name="py-huge-choice", storage=storage)
    study.enqueue_trial({"c": 2 ** 64 + 1})
    study.optimize(lambda t: 1.0 if t.suggest_categorical("c", [2 ** 64 + 1, "a"]) == "a" else 0.0, n_trials=1)


SCENARIOS = {"reference": reference, "nan-user-attr": nan_user_attr, "huge-int-choice": huge_int_choice}

if __name__ == "__main__":
    path, scenario = sys.argv[1], sys.argv[2]
    SCENARIOS[scenario](optuna.storages.RDBStorage("sqlite:///" + path))
