"""Loads every study of a study file with Optuna, checks it, and dumps it as JSON.

Usage: python3 optuna_dump.py FILE.db OUT.json [EXPECTED.json]

Every study is loaded with optuna.load_study through a fresh RDBStorage (nothing cached). Each
trial must pass Optuna's own FrozenTrial._validate(), every parameter value must lie in its
distribution, and trial numbers must run 0..n-1. The dump holds, per study: name, directions,
user and system attributes, every trial (number, state name, values, params, distributions as
distribution_to_json, intermediate values, user and system attributes, datetime_start and
datetime_complete as naive ISO strings with microseconds) and the best trial(s):
  best_value_rdb / best_number_rdb            study.best_trial on the SQLite storage
  best_value_in_memory / best_number_in_memory the same COMPLETE trials in an in-memory study
  best_numbers                                numbers of study.best_trials (multi-objective)

With EXPECTED.json (the same format, as written by the Java side), every field of every trial
and study is compared strictly (bool, int and float are different types; NaN equals NaN) and the
script exits with status 3, listing the differences on stderr, if any differ.
"""
import json
import math
import sys

import optuna
from optuna.distributions import distribution_to_json
from optuna.trial import TrialState

optuna.logging.set_verbosity(optuna.logging.ERROR)


def iso(moment):
    return None if moment is None else moment.isoformat(timespec="microseconds")


def dump_trial(trial):
    trial._validate()
    for name, value in trial.params.items():
        distribution = trial.distributions[name]
        internal = distribution.to_internal_repr(value)
        assert distribution._contains(internal), "trial %d: %s=%r is outside %r" % (
            trial.number, name, value, distribution)
    return {
        "number": trial.number,
        "state": trial.state.name,
        "values": trial.values,
        "params": trial.params,
        "distributions": {
            name: json.loads(distribution_to_json(d)) for name, d in trial.distributions.items()
        },
        "intermediate_values": {str(step): v for step, v in sorted(trial.intermediate_values.items())},
        "user_attrs": trial.user_attrs,
        "system_attrs": trial.system_attrs,
        "datetime_start": iso(trial.datetime_start),
        "datetime_complete": iso(trial.datetime_complete),
    }


def dump_study(storage, name):
    study = optuna.load_study(study_name=name, storage=storage)
    trials = study.get_trials(deepcopy=False)
    numbers = [t.number for t in trials]
    assert numbers == list(range(len(trials))), "study %s: trial numbers %s" % (name, numbers)
    entry = {
        "name": name,
        "directions": [d.name for d in study.directions],
        "user_attrs": study.user_attrs,
        "system_attrs": storage.get_study_system_attrs(study._study_id),
        "trials": [dump_trial(t) for t in trials],
    }
    complete = [t for t in trials if t.state == TrialState.COMPLETE]
    if len(study.directions) == 1:
        entry["best_value_rdb"] = entry["best_number_rdb"] = None
        entry["best_value_in_memory"] = entry["best_number_in_memory"] = None
        if complete:
            best = study.best_trial
            entry["best_value_rdb"], entry["best_number_rdb"] = best.value, best.number
            in_memory = optuna.create_study(direction=study.direction)
            in_memory.add_trials(complete)
            best = complete[in_memory.best_trial.number]  # add_trials renumbers from 0
            entry["best_value_in_memory"], entry["best_number_in_memory"] = best.value, best.number
    else:
        entry["best_numbers"] = sorted(t.number for t in study.best_trials)
    return entry


def dump(path):
    storage = optuna.storages.RDBStorage("sqlite:///" + path)
    names = [s.study_name for s in optuna.get_all_study_summaries(storage, include_best_trial=False)]
    return {
        "optuna_version": optuna.__version__,
        "alembic_version": storage.get_current_version(),
        "studies": [dump_study(storage, name) for name in names],
    }


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def differences(actual, expected):
    found = []
    names = [s["name"] for s in actual["studies"]]
    expected_names = [s["name"] for s in expected["studies"]]
    if names != expected_names:
        return ["studies: optuna sees %r, expected %r" % (names, expected_names)]
    for study, want in zip(actual["studies"], expected["studies"]):
        for key, value in want.items():
            if key == "trials":
                continue
            if key in study and not same(study[key], value):
                found.append("study %s: %s: optuna sees %r, expected %r" % (study["name"], key, study[key], value))
        if len(study["trials"]) != len(want["trials"]):
            found.append("study %s: optuna sees %d trials, expected %d"
                         % (study["name"], len(study["trials"]), len(want["trials"])))
            continue
        for trial, want_trial in zip(study["trials"], want["trials"]):
            for key in sorted(set(trial) | set(want_trial)):
                if not same(trial.get(key), want_trial.get(key)):
                    found.append("study %s trial %d: %s: optuna sees %r, expected %r" % (
                        study["name"], trial["number"], key, trial.get(key), want_trial.get(key)))
    return found


if __name__ == "__main__":
    result = dump(sys.argv[1])
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1)
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            found = differences(result, json.load(f))
        if found:
            sys.stderr.write("Optuna reads the file differently from what was expected:\n  "
                             + "\n  ".join(found) + "\n")
            sys.exit(3)
    print("%d studies, %d trials" % (len(result["studies"]), sum(len(s["trials"]) for s in result["studies"])))
