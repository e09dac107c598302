#!/usr/bin/env python3
"""The "MLP on a cubic function" demo as a command objective, in pure Python (standard library only).

A small fully connected network (ReLU hidden layers, a linear output, mean squared error,
minibatches; Adam, or SGD with momentum 0.9) learns y = x0 + x0^2 + 2 x1^3 + 3 x2 + 4 x3 + 5 x4
from five inputs uniform in [-2, 2]; the first 80% of the samples train, the rest test, inputs
and target standardised on the training part. It is the same computation as Parzen's built-in
objective "mlp-cubic" (io.parzen.objective.MlpCubic), operation for operation and with the same
SplitMix64 generator, so with --samples 10000 --epochs 10 it prints the built-in's numbers; the
defaults here are smaller so that a trial takes seconds rather than minutes in Python.

It speaks Parzen's command protocol on standard output:

  {"step": 50, "value": 0.0213}   the test MSE every --report-every optimiser steps (the pruner
                                  may stop the process after any of these lines)
  {"value": 0.0042}               the final test MSE, the trial's value (minimise it)

A learning rate so large that the loss stops being finite ends the script with status 1 and a
message on standard error, so the trial is marked FAIL with that message.

  python3 mlp_cubic.py --lr 0.001 --layers 2 --units 32,16 --optimizer Adam

--units takes one width per layer, comma-separated; trailing empty entries are ignored, so the
template "--units {n_units_l0},{n_units_l1},{n_units_l2},{n_units_l3}" works whatever n_layers is
(Parzen replaces the placeholders of inactive parameters by nothing). A single width is used for
every layer. The seed of the weights and of the batch order is --seed, by default the trial
number Parzen passes in PARZEN_TRIAL_NUMBER.
"""

import argparse
import json
import math
import os
import sys

INPUTS = 5
DATA_SEED = 42
INPUT_LOW = -2.0
INPUT_HIGH = 2.0
SGD_MOMENTUM = 0.9
ADAM_BETA1 = 0.9
ADAM_BETA2 = 0.999
ADAM_EPS = 1e-8
MASK64 = (1 << 64) - 1


class SplitMix64:
    """Steele, Lea and Flood's generator, as io.parzen.objective.SplitMix64 spells it."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_int(self, bound):
        return int(self.next_double() * bound)

    def shuffle(self, a):
        for i in range(len(a) - 1, 0, -1):
            j = self.next_int(i + 1)
            a[i], a[j] = a[j], a[i]


def target(x):
    return x[0] + x[0] * x[0] + 2 * x[1] * x[1] * x[1] + 3 * x[2] + 4 * x[3] + 5 * x[4]


def mean_and_sd(values):
    # Plain loops, not sum(): from Python 3.12 sum() of floats rounds differently from Java.
    total = 0.0
    for v in values:
        total += v
    mean = total / len(values)
    squares = 0.0
    for v in values:
        squares += (v - mean) * (v - mean)
    sd = math.sqrt(squares / len(values))
    return mean, (sd if sd != 0 else 1.0)


def make_data(samples):
    rng = SplitMix64(DATA_SEED)
    x, y = [], []
    for _ in range(samples):
        row = [INPUT_LOW + (INPUT_HIGH - INPUT_LOW) * rng.next_double() for _ in range(INPUTS)]
        x.append(row)
        y.append(target(row))
    train = samples * 4 // 5
    for k in range(INPUTS):
        mean, sd = mean_and_sd([row[k] for row in x[:train]])
        for row in x:
            row[k] = (row[k] - mean) / sd
    mean, sd = mean_and_sd(y[:train])
    y = [(v - mean) / sd for v in y]
    return x[:train], y[:train], x[train:], y[train:]


class Network:
    """ReLU hidden layers and a linear output; weights[l][j] is output unit j's row of layer l."""

    def __init__(self, inputs, hidden, rng):
        self.sizes = [inputs] + list(hidden) + [1]
        self.weights, self.biases = [], []
        for l in range(len(self.sizes) - 1):
            n_in, n_out = self.sizes[l], self.sizes[l + 1]
            bound = 1 / math.sqrt(n_in)
            self.weights.append([[(2 * rng.next_double() - 1) * bound for _ in range(n_in)] for _ in range(n_out)])
            self.biases.append([(2 * rng.next_double() - 1) * bound for _ in range(n_out)])

    def forward(self, x):
        """The activations of every layer, the input first and the prediction last."""
        activations = [x]
        a = x
        last = len(self.weights) - 1
        for l, (w, b) in enumerate(zip(self.weights, self.biases)):
            out = []
            for row, z in zip(w, b):
                for wi, ai in zip(row, a):
                    z += wi * ai
                out.append(z if l == last or z > 0 else 0.0)
            activations.append(out)
            a = out
        return activations

    def mse(self, x, y):
        total = 0.0
        for xn, yn in zip(x, y):
            e = self.forward(xn)[-1][0] - yn
            total += e * e
        return total / len(x)

    def train_batch(self, x, y, rows, optimizer):
        """One optimiser step on the given rows; returns their MSE before the step."""
        gw = [[[0.0] * len(row) for row in w] for w in self.weights]
        gb = [[0.0] * len(b) for b in self.biases]
        scale = 2.0 / len(rows)
        total = 0.0
        for n in rows:
            acts = self.forward(x[n])
            e = acts[-1][0] - y[n]
            total += e * e
            delta = [scale * e]
            for l in range(len(self.weights) - 1, -1, -1):
                a = acts[l]
                w = self.weights[l]
                for j, dj in enumerate(delta):
                    gb[l][j] += dj
                    g = gw[l][j]
                    for i, ai in enumerate(a):
                        g[i] += dj * ai
                if l > 0:
                    previous = [0.0] * len(a)
                    for row, dj in zip(w, delta):
                        for i, wi in enumerate(row):
                            previous[i] += wi * dj
                    delta = [d if ai > 0 else 0.0 for d, ai in zip(previous, a)]
        loss = total / len(rows)
        if math.isfinite(loss):
            optimizer.step(self, gw, gb)
        return loss

    def parameters(self):
        """Every weight row and bias vector, in the order the optimisers keep their state."""
        for w, b in zip(self.weights, self.biases):
            yield from w
            yield b


def gradients(gw, gb):
    for w, b in zip(gw, gb):
        yield from w
        yield b


class Sgd:
    def __init__(self, lr, momentum):
        self.lr, self.momentum, self.velocity = lr, momentum, None

    def step(self, net, gw, gb):
        params = list(net.parameters())
        if self.velocity is None:
            self.velocity = [[0.0] * len(p) for p in params]
        for p, g, v in zip(params, gradients(gw, gb), self.velocity):
            for k in range(len(p)):
                v[k] = self.momentum * v[k] + g[k]
                p[k] -= self.lr * v[k]


class Adam:
    def __init__(self, lr):
        self.lr, self.m, self.v = lr, None, None
        self.beta1_power, self.beta2_power = 1.0, 1.0

    def step(self, net, gw, gb):
        params = list(net.parameters())
        if self.m is None:
            self.m = [[0.0] * len(p) for p in params]
            self.v = [[0.0] * len(p) for p in params]
        self.beta1_power *= ADAM_BETA1
        self.beta2_power *= ADAM_BETA2
        step_size = self.lr / (1 - self.beta1_power)
        correction2 = math.sqrt(1 - self.beta2_power)
        for p, g, m, v in zip(params, gradients(gw, gb), self.m, self.v):
            for k in range(len(p)):
                m[k] = ADAM_BETA1 * m[k] + (1 - ADAM_BETA1) * g[k]
                v[k] = ADAM_BETA2 * v[k] + (1 - ADAM_BETA2) * g[k] * g[k]
                p[k] -= step_size * m[k] / (math.sqrt(v[k]) / correction2 + ADAM_EPS)


def emit(record):
    print(json.dumps(record), flush=True)


def parse_units(text, layers, parser):
    parts = text.split(",")
    while parts and parts[-1].strip() == "":
        parts.pop()
    try:
        units = [int(p) for p in parts]
    except ValueError:
        parser.error("--units: %r is not a comma-separated list of whole numbers" % text)
    if len(units) == 1:
        units = units * layers
    if len(units) < layers:
        parser.error("--units: %d widths given for %d layers (%r)" % (len(units), layers, text))
    if any(u < 1 for u in units):
        parser.error("--units: every width must be >= 1 (%r)" % text)
    return units[:layers]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lr", type=float, required=True, help="learning rate, > 0")
    parser.add_argument("--layers", type=int, required=True, help="hidden layers, >= 1")
    parser.add_argument("--units", required=True, help="width of each hidden layer: 32,16 (or one width for all)")
    parser.add_argument("--optimizer", required=True, help="Adam or SGD (momentum 0.9)")
    parser.add_argument("--samples", type=int, default=1000, help="samples drawn, the first 80%% train (1000)")
    parser.add_argument("--epochs", type=int, default=4, help="passes over the training part (4)")
    parser.add_argument("--batch-size", type=int, default=32, help="rows per optimiser step (32)")
    parser.add_argument("--report-every", type=int, default=10, help="optimiser steps between reports (10)")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("PARZEN_TRIAL_NUMBER", "0")),
                        help="seed of the weights and batch order (PARZEN_TRIAL_NUMBER, else 0)")
    args = parser.parse_args()
    if not (args.lr > 0 and math.isfinite(args.lr)):
        parser.error("--lr (%r) must be finite and > 0" % args.lr)
    if args.layers < 1:
        parser.error("--layers (%d) must be >= 1" % args.layers)
    units = parse_units(args.units, args.layers, parser)
    optimizer_name = args.optimizer.lower()
    if optimizer_name not in ("adam", "sgd"):
        parser.error("--optimizer: unknown value %r (known: Adam, SGD)" % args.optimizer)
    for name in ("samples", "epochs", "batch_size", "report_every"):
        if getattr(args, name) < (10 if name == "samples" else 1):
            parser.error("--%s (%d) is too small" % (name.replace("_", "-"), getattr(args, name)))

    train_x, train_y, test_x, test_y = make_data(args.samples)
    rng = SplitMix64(args.seed)
    net = Network(INPUTS, units, rng)
    optimizer = Adam(args.lr) if optimizer_name == "adam" else Sgd(args.lr, SGD_MOMENTUM)
    order = list(range(len(train_x)))
    step = 0
    mse = None

    def diverged(what, value):
        sys.stderr.write("mlp_cubic.py: training diverged at step %d: the %s is %r (lr=%g, %s); "
                         "a smaller learning rate may help\n" % (step, what, value, args.lr, args.optimizer))
        sys.exit(1)

    for _ in range(args.epochs):
        rng.shuffle(order)
        for start in range(0, len(order), args.batch_size):
            loss = net.train_batch(train_x, train_y, order[start:start + args.batch_size], optimizer)
            step += 1
            if not math.isfinite(loss):
                diverged("minibatch MSE", loss)
            if step % args.report_every == 0:
                mse = net.mse(test_x, test_y)
                if not math.isfinite(mse):
                    diverged("test MSE", mse)
                emit({"step": step, "value": mse})
    if step % args.report_every != 0:
        mse = net.mse(test_x, test_y)
        if not math.isfinite(mse):
            diverged("test MSE", mse)
    emit({"value": mse})


if __name__ == "__main__":
    main()
