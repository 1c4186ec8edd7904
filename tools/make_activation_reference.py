#!/usr/bin/env python3
"""Write test/fixtures/activation-reference.json: every elementwise activation's second
derivative f'', at its default parameters and at others, and f and f' at the others, from
mpmath at 60 digits, each rounded once to float64 (`d2y`, `y`, `dy`) and once to float32
(`d2y32`, ... , computed with the parameters rounded to float32 first, as PyTorch casts a
scalar to a float32 tensor's dtype).

    /usr/bin/python3 tools/make_activation_reference.py   (needs Debian's python3-mpmath)

test/fixtures/golden-activations.json (the project's golden file) holds f and f' at the
default parameters and a few others; this file adds what it lacks. Cases already in the
golden file carry only `d2y`.

Kinks follow PyTorch's autograd (torch 1.13, checked with torch.autograd.grad twice,
create_graph=True): f'' is 0 wherever f' jumps (relu''(0) = 0, elu''(0) = 0 although
elu'(0) = alpha, hardswish''(±3) = 0, softsign''(0) = -0); softplus'' is 0 from
beta x = threshold on (PyTorch masks with beta x < threshold). Smooth branches are
differentiated by mpmath (mp.diff at 100 digits), not from our formulas; the tanh form of
GELU, whose gate 1 + tanh(u) is below 60 digits in its tail, from sech^2 in closed form,
checked against mp.diff where the gate is representable.

Points: every input is a float32 number (so one list serves both precisions): the golden
grid, kinks and their neighbours, roots of f'' and points next to them (where a formula
cancels), and seeded random points.
"""
import json, math, random, struct
import mpmath as mp

mp.mp.dps = 60
random.seed(20261212)
OUT = 'test/fixtures/activation-reference.json'

SELU_ALPHA = mp.mpf('1.6732632423543772848170429916717')
SELU_SCALE = mp.mpf('1.0507009873554804934193349852946')
GELU_C = mp.sqrt(2 / mp.pi)
GELU_K = mp.mpf('0.044715')


def f32(v):
    """The float32 nearest a Python float or mpf (rounded once from the mpf)."""
    if isinstance(v, float):
        return struct.unpack('f', struct.pack('f', v))[0]
    if v == 0:
        return 0.0
    if abs(v) > 3.4028235677973366e38:
        return math.copysign(math.inf, float(v))
    e = int(mp.floor(mp.log(abs(v), 2)))
    e = max(e, -126)
    q = mp.ldexp(1, e - 23)
    return float(mp.nint(v / q) * q)


def f64(v):
    """The double nearest v (subnormals rounded once)."""
    v = mp.mpf(v)
    if v != 0 and abs(v) < 2.0 ** -1022:
        return math.ldexp(int(mp.nint(mp.ldexp(v, 1074))), -1074)
    return float(v)


def smooth(g):
    """(f, f', f'') of an analytic branch g at x, by mpmath at 150 digits (its error then
    about 1e-100 absolute: below that a result is taken as the 0 it is, sigmoid''(0))."""
    def at(x):
        with mp.workdps(150):
            out = [+mp.diff(g, mp.mpf(x), n) for n in (0, 1, 2)]
        return [0 if abs(v) < mp.mpf(10) ** -100 else v for v in out]
    return at


def sig(t):
    return 1 / (1 + mp.exp(-t))


# Each activation: (x: float, p: dict of floats) -> (f, f', f'') as mpf, PyTorch's branches.
def relu(x, p):
    return (x, 1, 0) if x > 0 else (0, 0, 0)


def relu6(x, p):
    return (min(max(x, 0), 6), 1 if 0 < x < 6 else 0, 0)


def leaky(slope):
    return lambda x: (x, 1, 0) if x > 0 else (mp.mpf(x) * slope, slope, 0)


def elu(x, p):
    a = mp.mpf(p['alpha'])
    if x > 0:
        return (x, 1, 0)
    return (a * mp.expm1(x), a * mp.exp(x), a * mp.exp(x) if x < 0 else 0)


def selu(x, p):
    if x > 0:
        return (SELU_SCALE * x, SELU_SCALE, 0)
    k = SELU_SCALE * SELU_ALPHA
    return (k * mp.expm1(x), k * mp.exp(x), k * mp.exp(x) if x < 0 else 0)


def celu(x, p):
    a = mp.mpf(p['alpha'])
    if x > 0:
        return (x, 1, 0)
    q = mp.mpf(x) / a
    return (a * mp.expm1(q), mp.exp(q), mp.exp(q) / a if x < 0 else 0)


def gelu(x, p):
    if p['approximate'] == 'none':
        # f'' in closed form: in the tails (1e-134 at 25) it is below mp.diff's absolute error
        t = mp.mpf(x)
        return (t * mp.ncdf(t), mp.ncdf(t) + t * mp.npdf(t), mp.npdf(t) * (2 - t * t))
    t = mp.mpf(x)
    u = GELU_C * (t + GELU_K * t ** 3)
    du = GELU_C * (1 + 3 * GELU_K * t ** 2)
    s2 = mp.sech(u) ** 2
    d2 = s2 * (GELU_C * (1 + 6 * GELU_K * t ** 2) - t * du ** 2 * mp.tanh(u))
    return (t * (1 + mp.tanh(u)) / 2, (1 + mp.tanh(u)) / 2 + t * s2 * du / 2, d2)


def softplus(x, p):
    b, th = p['beta'], p['threshold']
    t = b * x  # the rounded product decides the branch, as in PyTorch
    if t > th:
        return (x, 1, 0)
    f = smooth(lambda v: mp.log1p(mp.exp(mp.mpf(b) * v)) / b)(x)
    return (f[0], f[1], f[2] if t < th else 0)


def softsign(x, p):
    f = smooth(lambda v: v / (1 + abs(v)))(x) if x != 0 else [0, 1, 0]
    return tuple(f)


def hardtanh(x, p):
    lo, hi = p['min_val'], p['max_val']
    return (min(max(x, lo), hi), 1 if lo < x < hi else 0, 0)


def hardsigmoid(x, p):
    return (0 if x <= -3 else 1 if x >= 3 else (mp.mpf(x) + 3) / 6, mp.mpf(1) / 6 if -3 < x < 3 else 0, 0)


def hardswish(x, p):
    if x <= -3:
        return (0, 0, 0)
    if x >= 3:
        return (x, 1, 0)
    t = mp.mpf(x)
    return (t * (t + 3) / 6, (2 * t + 3) / 6, mp.mpf(1) / 3)


def softshrink(x, p):
    l = p['lambd']
    return (x - l, 1, 0) if x > l else (x + l, 1, 0) if x < -l else (0, 0, 0)


def hardshrink(x, p):
    l = p['lambd']
    return (x, 1, 0) if x > l or x < -l else (0, 0, 0)


def threshold(x, p):
    return (x, 1, 0) if x > p['threshold'] else (p['value'], 0, 0)


def squared_relu(x, p):
    return (x * x, 2 * x, 2) if x > 0 else (0, 0, 0)


ACTIVATIONS = {
    'relu': relu,
    'relu6': relu6,
    'leaky_relu': lambda x, p: leaky(mp.mpf(p['alpha']))(x),
    'prelu': lambda x, p: leaky(mp.mpf(p['alpha']))(x),
    # the slope as PyTorch forms it in eval mode: (lower + upper) / 2 in doubles
    'rrelu': lambda x, p: leaky(mp.mpf((p['lower'] + p['upper']) / 2))(x),
    'elu': elu,
    'selu': selu,
    'celu': celu,
    'gelu': gelu,
    'silu': lambda x, p: smooth(lambda t: t * sig(t))(x),
    'quick_gelu': lambda x, p: smooth(lambda t: t * sig(mp.mpf('1.702') * t))(x),
    'mish': lambda x, p: smooth(lambda t: t * mp.tanh(mp.log1p(mp.exp(t))))(x),
    'softplus': softplus,
    'softsign': softsign,
    'softshrink': softshrink,
    'hardshrink': hardshrink,
    'tanhshrink': lambda x, p: smooth(lambda t: t - mp.tanh(t))(x),
    'hardtanh': hardtanh,
    'hardsigmoid': hardsigmoid,
    'hardswish': hardswish,
    'sigmoid': lambda x, p: smooth(sig)(x),
    'logsigmoid': lambda x, p: smooth(lambda t: -mp.log1p(mp.exp(-t)))(x),
    'tanh': lambda x, p: smooth(mp.tanh)(x),
    'threshold': threshold,
    'squared_relu': squared_relu,
    'squareplus': lambda x, p: smooth(lambda t: (t + mp.sqrt(t * t + p['b'])) / 2)(x),
    'snake': lambda x, p: smooth(lambda t: t + mp.sin(p['a'] * t) ** 2 / p['a'])(x),
}

# Parameters: the defaults (as the golden file spells them), then others. Non-default sets
# avoid float32 numbers on purpose (0.7, 0.3): there the float32 rounding of parameters shows.
CASES = [
    ('relu', {}), ('relu6', {}),
    ('leaky_relu', {'alpha': 0.01}), ('leaky_relu', {'alpha': 0.3}), ('leaky_relu', {'alpha': -0.7}),
    ('prelu', {'alpha': 0.25}), ('prelu', {'alpha': 0.6}),
    ('rrelu', {'lower': 0.125, 'upper': 1 / 3}), ('rrelu', {'lower': 0.1, 'upper': 0.7}),
    ('elu', {'alpha': 1.0}), ('elu', {'alpha': 0.7}), ('elu', {'alpha': 1.9}),
    ('selu', {}),
    ('celu', {'alpha': 1.0}), ('celu', {'alpha': 0.7}), ('celu', {'alpha': 3.3}),
    ('gelu', {'approximate': 'none'}), ('gelu', {'approximate': 'tanh'}),
    ('silu', {}), ('quick_gelu', {}), ('mish', {}),
    ('softplus', {'beta': 1.0, 'threshold': 20.0}), ('softplus', {'beta': 0.7, 'threshold': 20.0}),
    ('softplus', {'beta': 3.0, 'threshold': 5.0}),
    ('softsign', {}),
    ('softshrink', {'lambd': 0.5}), ('softshrink', {'lambd': 0.3}),
    ('hardshrink', {'lambd': 0.5}), ('hardshrink', {'lambd': 1.3}),
    ('tanhshrink', {}),
    ('hardtanh', {'min_val': -1.0, 'max_val': 1.0}), ('hardtanh', {'min_val': -0.7, 'max_val': 2.3}),
    ('hardsigmoid', {}), ('hardswish', {}),
    ('sigmoid', {}), ('logsigmoid', {}), ('tanh', {}),
    ('threshold', {'threshold': 0.5, 'value': -1.0}), ('threshold', {'threshold': 0.3, 'value': 0.1}),
    ('squared_relu', {}),
    ('squareplus', {'b': 4.0}), ('squareplus', {'b': 0.3}), ('squareplus', {'b': 9.0}),
    ('snake', {'a': 1.0}), ('snake', {'a': 0.7}), ('snake', {'a': -1.3}),
]

GRID = [-25.0, -20.5, -10.0, -6.0, -5.0, -3.5, -3.0, -2.5, -2.0, -1.5, -1.0, -0.75, -0.5, -0.25, -0.1, -0.001, 0.0,
        0.001, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 5.0, 6.0, 6.5, 10.0, 20.5, 25.0]


def f32_neighbours(x, k):
    bits = struct.unpack('<i', struct.pack('<f', x))[0]
    out = []
    for d in range(-k, k + 1):
        b = bits + d if x >= 0 else bits - d
        out.append(struct.unpack('<f', struct.pack('<i', b))[0])
    return out


def second_roots(name, p):
    """Where f'' crosses zero (its formulas cancel next to these), found by mpmath."""
    guesses = {
        'gelu': [-1.4, 1.4], 'silu': [-2.4, 2.4], 'quick_gelu': [-1.41, 1.41], 'mish': [-2.3, 1.4],
    }.get(name, [])
    if name == 'snake':
        a = p['a']
        return [float((mp.pi / 4 + k * mp.pi / 2) / a) for k in range(-6, 6)]
    return [float(mp.findroot(lambda t: second_exact(name, p, t), g)) for g in guesses]


def second_exact(name, p, t):
    """f'' as an analytic function of an mpf, for root finding."""
    if name == 'gelu' and p['approximate'] == 'tanh':
        u = GELU_C * (t + GELU_K * t ** 3)
        du = GELU_C * (1 + 3 * GELU_K * t ** 2)
        return mp.sech(u) ** 2 * (GELU_C * (1 + 6 * GELU_K * t ** 2) - t * du ** 2 * mp.tanh(u))
    g = {
        'gelu': lambda v: v * mp.ncdf(v), 'silu': lambda v: v * sig(v),
        'quick_gelu': lambda v: v * sig(mp.mpf('1.702') * v), 'mish': lambda v: v * mp.tanh(mp.log1p(mp.exp(v))),
    }[name]
    return mp.diff(g, t, 2)


def kinks(name, p):
    return {
        'relu': [0.0], 'relu6': [0.0, 6.0], 'leaky_relu': [0.0], 'prelu': [0.0], 'rrelu': [0.0], 'elu': [0.0],
        'selu': [0.0], 'celu': [0.0], 'softsign': [0.0], 'squared_relu': [0.0], 'hardsigmoid': [-3.0, 3.0],
        'hardswish': [-3.0, 3.0], 'softshrink': [-p.get('lambd', 0), p.get('lambd', 0)],
        'hardshrink': [-p.get('lambd', 0), p.get('lambd', 0)], 'hardtanh': [p.get('min_val', 0), p.get('max_val', 0)],
        'threshold': [p.get('threshold', 0)], 'softplus': [p['threshold'] / p['beta']] if 'beta' in p else [],
    }.get(name, [])


def points(name, p):
    xs = {f32(x) for x in GRID}
    for k in kinks(name, p):
        xs.update(f32_neighbours(f32(k), 2))
        xs.update(f32(k + d) for d in (-1e-3, 1e-3))
    for r in second_roots(name, p):
        xs.update(f32_neighbours(f32(r), 3))
        xs.update(f32(r + d) for d in (-0.1, -0.01, -1e-3, 1e-3, 0.01, 0.1))
    xs.update(f32(random.uniform(-12, 12)) for _ in range(16))
    xs.update(f32(random.uniform(-40, 40)) for _ in range(4))
    return sorted(x for x in xs if math.isfinite(x))


def rounded_parameters(p):
    return {k: (f32(v) if isinstance(v, float) else v) for k, v in p.items()}


def check_gelu_tanh_closed_form():
    """The closed form of gelu_tanh'' against mpmath's own derivative, where the gate is representable."""
    for x in (-3.0, -1.4, -0.5, 0.0, 0.7, 1.5, 4.0):
        want = mp.diff(lambda t: t * (1 + mp.tanh(GELU_C * (t + GELU_K * t ** 3))) / 2, mp.mpf(x), 2)
        got = gelu(x, {'approximate': 'tanh'})[2]
        assert abs(got - want) <= mp.mpf(10) ** -40 * max(1, abs(want)), (x, got, want)


def main():
    check_gelu_tanh_closed_form()
    golden = json.load(open('test/fixtures/golden-activations.json'))
    in_golden = {(c['fn'], json.dumps(c['params'], sort_keys=True)) for c in golden['cases']}
    cases = []
    for name, p in CASES:
        fn = ACTIVATIONS[name]
        xs = points(name, p)
        p32 = rounded_parameters(p)
        exact = [fn(x, p) for x in xs]
        exact32 = [fn(x, p32) for x in xs]
        case = {'fn': name, 'params': p, 'x': xs,
                'd2y': [f64(e[2]) for e in exact], 'd2y32': [f32(mp.mpf(e[2])) for e in exact32]}
        if (name, json.dumps(p, sort_keys=True)) not in in_golden:
            case.update({'y': [f64(e[0]) for e in exact], 'dy': [f64(e[1]) for e in exact],
                         'y32': [f32(mp.mpf(e[0])) for e in exact32], 'dy32': [f32(mp.mpf(e[1])) for e in exact32]})
        cases.append(case)
    missing = set(ACTIVATIONS) - {c['fn'] for c in cases}
    assert not missing, missing
    about = ('Second derivatives d2y of every elementwise activation, and values y and derivatives dy at parameters '
             'the golden file lacks, from 60-digit mpmath: float64 fields correctly rounded, *32 fields correctly '
             'rounded to float32 with the parameters rounded to float32 first (as PyTorch casts them). Every x is a '
             'float32 number. Kinks follow PyTorch autograd: f\'\' is 0 where f\' jumps. Written by '
             'tools/make_activation_reference.py.')
    with open(OUT, 'w') as out:
        json.dump({'about': about, 'cases': cases}, out, indent=0)
        out.write('\n')
    print(f'wrote {OUT}: {len(cases)} cases, {sum(len(c["x"]) for c in cases)} points')


if __name__ == "__main__":
    main()
