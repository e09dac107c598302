"""Reports whether Optuna can be used: prints its version and the alembic head of its RDB schema.

Usage: python3 optuna_probe.py
"""
import json

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)

storage = optuna.storages.RDBStorage("sqlite://")
print(json.dumps({"version": optuna.__version__, "alembic_head": storage.get_head_version()}))
