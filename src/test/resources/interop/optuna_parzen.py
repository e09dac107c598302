"""Fits Optuna's own Parzen estimator to given observations and prints what it holds.

Usage: python3 optuna_parzen.py CASES.json

CASES.json is a list of cases, each {"name", "multivariate", "params": {name: {"type": "float" |
"int" | "categorical", "low", "high", "log", "step", "choices"}}, "observations": {name: [...]},
"points": {name: [...]}}, values in Optuna's internal representation (choice indices). Prints one
JSON list with, per case, the mixture weights, each parameter's kernel means and widths (or
categorical kernel weights), and the log density at the points twice: as this Optuna version
computes it ("log_pdf_optuna") and with each continuous kernel's density divided by its width
("log_pdf"), the correction Optuna 3.5 made (optuna/optuna#5110) that Optuna 3.1 lacks.
"""
import json
import sys

import numpy as np
import optuna
from optuna import distributions
from optuna.samplers._tpe import _truncnorm as truncnorm
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights

optuna.logging.set_verbosity(optuna.logging.ERROR)


def distribution(spec):
    if spec["type"] == "categorical":
        return distributions.CategoricalDistribution(spec["choices"])
    if spec["type"] == "int":
        return distributions.IntDistribution(spec["low"], spec["high"], log=spec["log"], step=spec["step"])
    return distributions.FloatDistribution(spec["low"], spec["high"], log=spec["log"], step=spec.get("step"))


def scaled_log_pdf(pe, space, samples):
    """Optuna 3.1's _ParzenEstimator.log_pdf with the continuous kernels' 1/sigma restored."""
    transformed = pe._transform_to_uniform(samples)
    n_samples = next(iter(transformed.values())).size
    component = np.zeros((n_samples, len(pe._weights)))
    for name, dist in space.items():
        x = transformed[name]
        if isinstance(dist, distributions.CategoricalDistribution):
            component += np.log(pe._categorical_weights[name].T[x.astype(int), :])
            continue
        low, high, q = pe._low[name], pe._high[name], pe._q[name]
        mus, sigmas = pe._mus[name], pe._sigmas[name]
        if q is None:
            component += truncnorm.logpdf(
                x[:, None], (low - mus) / sigmas, (high - mus) / sigmas, loc=mus, scale=sigmas
            ) - np.log(sigmas)
        else:
            upper = np.minimum(x + q / 2.0, high)
            lower = np.maximum(x - q / 2.0, low)
            component += truncnorm._log_gauss_mass(
                (lower[:, None] - mus) / sigmas, (upper[:, None] - mus) / sigmas
            ) - truncnorm._log_gauss_mass((low - mus) / sigmas, (high - mus) / sigmas)
    weighted = component + np.log(pe._weights)
    top = weighted.max(axis=1)
    return np.log(np.exp(weighted - top[:, None]).sum(axis=1)) + top


def main():
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    out = []
    for case in cases:
        space = {name: distribution(spec) for name, spec in case["params"].items()}
        observations = {name: np.asarray(case["observations"][name], dtype=float) for name in space}
        parameters = _ParzenEstimatorParameters(
            consider_prior=True,
            prior_weight=1.0,
            consider_magic_clip=True,
            consider_endpoints=False,
            weights=default_weights,
            multivariate=case["multivariate"],
        )
        pe = _ParzenEstimator(observations, space, parameters)
        points = {
            name: np.asarray(case["points"][name], dtype=int if isinstance(d, distributions.CategoricalDistribution) else float)
            for name, d in space.items()
        }
        params = {}
        for name, dist in space.items():
            if isinstance(dist, distributions.CategoricalDistribution):
                params[name] = {"categorical_weights": pe._categorical_weights[name].tolist()}
            else:
                params[name] = {"mus": pe._mus[name].tolist(), "sigmas": pe._sigmas[name].tolist()}
        out.append({
            "name": case["name"],
            "weights": pe._weights.tolist(),
            "params": params,
            "log_pdf_optuna": pe.log_pdf(points).tolist(),
            "log_pdf": scaled_log_pdf(pe, space, points).tolist(),
        })
    print(json.dumps({"version": optuna.__version__, "cases": out}))


if __name__ == "__main__":
    main()
