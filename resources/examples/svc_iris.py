#!/usr/bin/env python3
"""The "SVC on iris" demo as a command objective, in pure Python (standard library only).

Prints the 5-fold cross-validated accuracy of a C-SVC with an RBF kernel on Fisher's Iris data
for --C and --gamma, the same number as Parzen's built-in objective "svc-iris"
(io.parzen.objective.SvcIris), to be maximised. It re-does what that objective does:

- the same folds: each class's rows shuffled by java.util.Random(42) as Collections.shuffle does,
  then dealt round-robin to 5 folds;
- features standardised on each training fold (mean and population standard deviation);
- LIBSVM's C-SVC (the library behind scikit-learn's SVC): one-vs-one binary problems solved by
  SMO with LIBSVM's second-order working-set selection, stopping tolerance 1e-3, kernel values
  cached in single precision as LIBSVM caches them, and voting among the pairs. LIBSVM also
  "shrinks" the problem while it solves, which changes the path but not the solution beyond the
  tolerance; this script does not.

It speaks Parzen's command protocol in its simplest form: each fold's accuracy on a line of its
own, then the mean accuracy alone on the last line, which Parzen takes as the trial's value.

  python3 svc_iris.py --C 1.0 --gamma 0.1
"""

import argparse
import array
import math
import os

FOLDS = 5
FOLD_SEED = 42
EPS = 1e-3
TAU = 1e-12


class JavaRandom:
    """java.util.Random: the 48-bit linear congruential generator and its nextInt(bound)."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)

    def next31(self):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        return self.seed >> 17

    def next_int(self, bound):
        r = self.next31()
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:  # Java's int overflow: retry to avoid modulo bias.
            u = self.next31()
            r = u % bound
        return r


def java_shuffle(items, rnd):
    """Collections.shuffle(list, rnd) on a random-access list."""
    for i in range(len(items), 1, -1):
        j = rnd.next_int(i)
        items[i - 1], items[j] = items[j], items[i - 1]


def stratified_folds(labels):
    folds = [0] * len(labels)
    rnd = JavaRandom(FOLD_SEED)
    for c in range(max(labels) + 1):
        members = [i for i, y in enumerate(labels) if y == c]
        java_shuffle(members, rnd)
        for m, i in enumerate(members):
            folds[i] = m % FOLDS
    return folds


def load(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().split(",")
        n, d = int(header[0]), int(header[1])
        x, y = [], []
        for _ in range(n):
            cells = f.readline().split(",")
            x.append([float(c) for c in cells[:d]])
            y.append(int(cells[d]))
    return x, y


def dot(a, b):
    s = 0.0
    for u, v in zip(a, b):
        s += u * v
    return s


def solve(x, y, c, gamma):
    """LIBSVM's Solver for one binary C-SVC problem (labels +1/-1): the coefficients y*alpha and rho."""
    n = len(x)
    squares = [dot(v, v) for v in x]
    q = []  # q[i][j] = y_i y_j K(x_i, x_j), rounded to single precision as LIBSVM caches it
    for i in range(n):
        row = [y[i] * y[j] * math.exp(-gamma * (squares[i] + squares[j] - 2 * dot(x[i], x[j]))) for j in range(n)]
        q.append(array.array("f", row).tolist())
    qd = [math.exp(-gamma * (squares[i] + squares[i] - 2 * dot(x[i], x[i]))) for i in range(n)]
    alpha = [0.0] * n
    grad = [-1.0] * n

    def upper(t):
        return alpha[t] >= c

    def lower(t):
        return alpha[t] <= 0

    for _ in range(max(10000000, 100 * n)):
        gmax, gmax_idx = -math.inf, -1
        for t in range(n):
            if y[t] == 1:
                if not upper(t) and -grad[t] >= gmax:
                    gmax, gmax_idx = -grad[t], t
            elif not lower(t) and grad[t] >= gmax:
                gmax, gmax_idx = grad[t], t
        i = gmax_idx
        gmax2, gmin_idx, obj_diff_min = -math.inf, -1, math.inf
        for j in range(n):
            if y[j] == 1:
                if not lower(j):
                    grad_diff = gmax + grad[j]
                    if grad[j] >= gmax2:
                        gmax2 = grad[j]
                    if grad_diff > 0:
                        quad = qd[i] + qd[j] - 2.0 * y[i] * q[i][j]
                        obj_diff = -(grad_diff * grad_diff) / (quad if quad > 0 else TAU)
                        if obj_diff <= obj_diff_min:
                            gmin_idx, obj_diff_min = j, obj_diff
            elif not upper(j):
                grad_diff = gmax - grad[j]
                if -grad[j] >= gmax2:
                    gmax2 = -grad[j]
                if grad_diff > 0:
                    quad = qd[i] + qd[j] + 2.0 * y[i] * q[i][j]
                    obj_diff = -(grad_diff * grad_diff) / (quad if quad > 0 else TAU)
                    if obj_diff <= obj_diff_min:
                        gmin_idx, obj_diff_min = j, obj_diff
        if gmax + gmax2 < EPS or gmin_idx == -1:
            break
        j = gmin_idx
        old_i, old_j = alpha[i], alpha[j]
        if y[i] != y[j]:
            quad = qd[i] + qd[j] + 2 * q[i][j]
            delta = (-grad[i] - grad[j]) / (quad if quad > 0 else TAU)
            diff = alpha[i] - alpha[j]
            alpha[i] += delta
            alpha[j] += delta
            if diff > 0:
                if alpha[j] < 0:
                    alpha[j], alpha[i] = 0.0, diff
            elif alpha[i] < 0:
                alpha[i], alpha[j] = 0.0, -diff
            if diff > 0:  # C_i - C_j is 0: both bounds are C.
                if alpha[i] > c:
                    alpha[i], alpha[j] = c, c - diff
            elif alpha[j] > c:
                alpha[j], alpha[i] = c, c + diff
        else:
            quad = qd[i] + qd[j] - 2 * q[i][j]
            delta = (grad[i] - grad[j]) / (quad if quad > 0 else TAU)
            total = alpha[i] + alpha[j]
            alpha[i] -= delta
            alpha[j] += delta
            if total > c:
                if alpha[i] > c:
                    alpha[i], alpha[j] = c, total - c
            elif alpha[j] < 0:
                alpha[j], alpha[i] = 0.0, total
            if total > c:
                if alpha[j] > c:
                    alpha[j], alpha[i] = c, total - c
            elif alpha[i] < 0:
                alpha[i], alpha[j] = 0.0, total
        d_i, d_j = alpha[i] - old_i, alpha[j] - old_j
        qi, qj = q[i], q[j]
        for k in range(n):
            grad[k] += qi[k] * d_i + qj[k] * d_j

    ub, lb, free, free_sum = math.inf, -math.inf, 0, 0.0
    for t in range(n):
        yg = y[t] * grad[t]
        if upper(t):
            if y[t] == -1:
                ub = min(ub, yg)
            else:
                lb = max(lb, yg)
        elif lower(t):
            if y[t] == 1:
                ub = min(ub, yg)
            else:
                lb = max(lb, yg)
        else:
            free += 1
            free_sum += yg
    rho = free_sum / free if free > 0 else (ub + lb) / 2
    return [y[t] * alpha[t] for t in range(n)], rho


def rbf(a, b, gamma):
    s = 0.0
    for u, v in zip(a, b):
        d = u - v
        s += d * d
    return math.exp(-gamma * s)


def train(x, labels, c, gamma):
    """One-vs-one models for every pair of classes, classes in order of first appearance."""
    classes = list(dict.fromkeys(labels))
    models = []
    for a in range(len(classes)):
        for b in range(a + 1, len(classes)):
            rows = [i for i, l in enumerate(labels) if l == classes[a]] + [i for i, l in enumerate(labels) if l == classes[b]]
            y = [1 if labels[i] == classes[a] else -1 for i in rows]
            coef, rho = solve([x[i] for i in rows], y, c, gamma)
            support = [(x[i], k) for i, k in zip(rows, coef) if k != 0]
            models.append((a, b, support, rho))
    return classes, models


def predict(model, v, gamma):
    classes, models = model
    votes = [0] * len(classes)
    for a, b, support, rho in models:
        s = 0.0
        for sv, k in support:
            s += k * rbf(sv, v, gamma)
        votes[a if s - rho > 0 else b] += 1
    return classes[max(range(len(classes)), key=lambda k: (votes[k], -k))]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--C", type=float, required=True, help="the penalty C, > 0")
    parser.add_argument("--gamma", type=float, required=True, help="the RBF kernel's gamma, > 0")
    parser.add_argument("--data", default=os.path.join(here, "..", "datasets", "iris.csv"),
                        help="scikit-learn's iris.csv (default: ../datasets/iris.csv beside this script)")
    args = parser.parse_args()
    for name in ("C", "gamma"):
        value = getattr(args, name)
        if not (value > 0 and math.isfinite(value)):
            parser.error("--%s (%r) must be finite and > 0" % (name, value))
    x, y = load(args.data)
    folds = stratified_folds(y)
    accuracies = []
    for fold in range(FOLDS):
        train_rows = [i for i in range(len(x)) if folds[i] != fold]
        test_rows = [i for i in range(len(x)) if folds[i] == fold]
        scale = []
        for k in range(len(x[0])):
            column = [x[i][k] for i in train_rows]
            total = 0.0
            for v in column:
                total += v
            mean = total / len(column)
            squares = 0.0
            for v in column:
                squares += (v - mean) * (v - mean)
            sd = math.sqrt(squares / len(column))
            scale.append((mean, sd if sd != 0 else 1.0))
        z = [[(v - m) / s for v, (m, s) in zip(row, scale)] for row in x]
        model = train([z[i] for i in train_rows], [y[i] for i in train_rows], args.C, args.gamma)
        correct = sum(1 for i in test_rows if predict(model, z[i], args.gamma) == y[i])
        accuracies.append(correct / len(test_rows))
        print("fold %d: accuracy %.4f" % (fold + 1, accuracies[-1]), flush=True)
    total = 0.0
    for a in accuracies:
        total += a
    print(repr(total / FOLDS))


if __name__ == "__main__":
    main()
