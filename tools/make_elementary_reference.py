#!/usr/bin/env python3
"""Write test/fixtures/elementary-reference.json: exp, expm1, log, log1p, tanh, sin, cos,
tan, sin of a double-double argument, pow and hypot at 60 digits (mpmath), each as the nearest double `want` plus the
`rest` (exact - want) / ulp(want) to 5 digits, ulp being the gap above |want| (math.ulp;
the smallest subnormal below 2^-1022). Tests so measure errors in ulps to 1e-5 rather
than against a rounded reference, which would blur every error by up to half an ulp.
sin, cos and tan share their points, under `trig`.

    /usr/bin/python3 tools/make_elementary_reference.py   (needs Debian's python3-mpmath)

Points: wide random sweeps, and dense where our implementations switch method or
where the result is hard to get right: table and reduction boundaries, near 1 for
log, near 0 for expm1, log1p and tanh, near multiples of pi/2 and huge arguments for
the trigonometric functions, the subnormal range, and pow's exact cases and the
powers Adam's bias correction takes. Results that overflow, underflow to 0 or are
special values are left to the unit tests, which state them one by one.
"""
import json, math, random
import mpmath as mp

mp.mp.dps = 60
random.seed(20261202)
SMALLEST_NORMAL = 2.0 ** -1022


def to_double(v):
    """The double nearest v (ties to even), subnormals rounded once."""
    v = mp.mpf(v)
    if abs(v) < SMALLEST_NORMAL:
        return math.ldexp(int(mp.nint(mp.ldexp(v, 1074))), -1074)
    return float(v)


def log_uniform(lo, hi):
    return math.exp(random.uniform(math.log(lo), math.log(hi)))


def neighbours(x, k=1):
    out = [x]
    a = b = x
    for _ in range(k):
        a = math.nextafter(a, -math.inf); b = math.nextafter(b, math.inf)
        out += [a, b]
    return out


def precise(f, x, *rest):
    """f at enough digits for the argument: the trigonometric functions of huge x need
    the argument's own exponent in digits to reduce it."""
    digits = 60
    if f in (mp.sin, mp.cos, mp.tan) and abs(x) > 1e5:
        digits = 60 + int(math.log10(abs(x))) + 20
    with mp.workdps(digits):
        v = f(mp.mpf(x), *[mp.mpf(r) for r in rest])
        return +v


def table(functions, xs, ys=None):
    """{x, [y,] name: {want, lo}, ...} for each function at the points (sorted) where
    none of them overflows, underflows to 0 or is special."""
    rows = []
    for i, x in enumerate(xs):
        args = (x,) if ys is None else (x, ys[i])
        values = []
        for f in functions.values():
            v = precise(f, *args)
            want = to_double(v)
            if not math.isfinite(want) or want == 0:
                break
            values.append((want, float(mp.nstr((v - mp.mpf(want)) / math.ulp(want), 5))))
        else:
            rows.append((args, values))
    rows.sort(key=lambda r: r[0])
    out = {'x': [r[0][0] for r in rows]}
    if ys is not None:
        out['y'] = [r[0][1] for r in rows]
    for k, name in enumerate(functions):
        out[name] = {'want': [r[1][k][0] for r in rows], 'rest': [r[1][k][1] for r in rows]}
    return out


def unique(xs):
    return sorted(set(x for x in xs if math.isfinite(x)))


LN2 = math.log(2)
PIO2 = mp.pi / 2

# ---- exp ------------------------------------------------------------------------------
exp_x = [random.uniform(-745.1, 709.78) for _ in range(1200)]
exp_x += [random.uniform(-1, 1) for _ in range(300)]
exp_x += [s * 10.0 ** random.uniform(-300, -3) for s in (1, -1) for _ in range(60)]
for _ in range(120):  # halfway between reduction points: |r| at its largest
    k = random.randint(-137000, 131000)
    exp_x += neighbours((k + 0.5) * LN2 / 128)
exp_x += [random.uniform(709.7, 709.7827) for _ in range(20)]
exp_x += [random.uniform(-745.13, -708.3) for _ in range(80)]  # subnormal results
exp_x = unique(exp_x)

# ---- expm1 ----------------------------------------------------------------------------
expm1_x = [random.uniform(-45, 45) for _ in range(700)]
expm1_x += [random.uniform(-0.02, 0.02) for _ in range(300)]
expm1_x += [s * 10.0 ** random.uniform(-300, -2) for s in (1, -1) for _ in range(80)]
for edge in (LN2 / 256, -LN2 / 256, LN2 / 2, -LN2 / 2, 40.0, -40.0):
    expm1_x += neighbours(edge, 3)
expm1_x += [random.uniform(700, 709.78) for _ in range(20)]
expm1_x = unique(expm1_x)

# ---- log ------------------------------------------------------------------------------
log_x = [log_uniform(SMALLEST_NORMAL, 1.7e308) for _ in range(800)]
log_x += [random.uniform(0.5, 2) for _ in range(300)]
log_x += [1 + s * 2.0 ** -k for k in range(1, 53) for s in (1, -1)]
log_x += [1 + random.uniform(-1e-3, 1e-3) for _ in range(150)]
for j in range(-38, 54):  # table boundaries: m at (j + 1/2)/128 from 1
    m = 1 + (j + 0.5) / 128
    for e in (0, 1, -1, 300):
        log_x += neighbours(math.ldexp(m, e))
log_x += neighbours(math.sqrt(2), 2) + neighbours(math.sqrt(0.5), 2)
log_x += [log_uniform(5e-324, SMALLEST_NORMAL) for _ in range(60)]
log_x += [5e-324, 1.7976931348623157e308]
log_x = unique(log_x)

# ---- log1p ----------------------------------------------------------------------------
log1p_x = [random.uniform(-1, 0) for _ in range(300)]
log1p_x += [-1 + 2.0 ** -k for k in range(1, 53)]
log1p_x += [s * 10.0 ** random.uniform(-300, -1) for s in (1, -1) for _ in range(120)]
log1p_x += [log_uniform(0.1, 1.7e308) for _ in range(400)]
log1p_x += [random.uniform(-0.01, 0.01) for _ in range(200)]
log1p_x = unique(log1p_x)

# ---- tanh -----------------------------------------------------------------------------
tanh_x = [random.uniform(-25, 25) for _ in range(800)]
tanh_x += [random.uniform(-0.6, 0.6) for _ in range(400)]
tanh_x += [s * 10.0 ** random.uniform(-300, -1) for s in (1, -1) for _ in range(60)]
for edge in (0.25, -0.25, 19.06, 22.0):
    tanh_x += neighbours(edge, 3)
tanh_x = unique(tanh_x)

# ---- sin, cos, tan --------------------------------------------------------------------
trig_x = [random.uniform(-10, 10) for _ in range(600)]
trig_x += [random.uniform(-1000, 1000) for _ in range(200)]
trig_x += [random.uniform(-823549, 823549) for _ in range(200)]
trig_x += [s * log_uniform(823549, 1.7e308) for s in (1, -1) for _ in range(200)]
trig_x += [s * 10.0 ** random.uniform(-300, -1) for s in (1, -1) for _ in range(40)]
near_multiples = list(range(1, 300)) + [random.randint(300, 2 ** 20) for _ in range(300)]
near_multiples += [random.randint(2 ** 20, 2 ** 60) for _ in range(100)]
for n in near_multiples:
    trig_x.append(float(n * PIO2))
for edge in (math.pi / 4, 823549.0, 2 ** 19 * math.pi / 2):
    trig_x += neighbours(edge, 2) + neighbours(-edge, 2)
# the double closest to a multiple of pi/2 (Kahan, McDonald): |x mod pi/2| ~ 2^-61
trig_x += neighbours(math.ldexp(6381956970095103, 797), 1)
trig_x += [1e22, 1e300, 1.7976931348623157e308]
trig_x = unique(trig_x)

# ---- sin of a double-double argument (Snake's sin(a x) with a x split exactly) ----------
sum_x = [x for x in trig_x if abs(x) < 1e6][::3]
sum_lo = [random.uniform(-0.5, 0.5) * math.ulp(x) for x in sum_x]

# ---- pow ------------------------------------------------------------------------------
pairs = [(log_uniform(1e-5, 1e5), random.uniform(-20, 20)) for _ in range(700)]
pairs += [(1 + random.uniform(-1e-3, 1e-3), random.uniform(-3e5, 3e5)) for _ in range(200)]
pairs += [(random.uniform(-10, 10), float(random.randint(-300, 300))) for _ in range(200)]
pairs += [(b, float(t)) for b in (0.9, 0.999) for t in sorted(random.sample(range(1, 20000), 60))]
pairs += [(2.0, random.uniform(-1074.4, -1000)) for _ in range(40)]  # subnormal results
pairs += [(x, 1023.9 / math.log2(x)) for x in (3.0, 10.0, 1.7, 1e10)]  # near overflow
pairs += [(10.0, float(k)) for k in range(-30, 23)] + [(2.0, float(k)) for k in range(-60, 60, 7)]
pairs += [(4.0, 0.5), (8.0, 1 / 3), (27.0, 1 / 3), (2.0, 0.5), (1e-300, 0.5), (0.25, -1.5), (16.0, 0.25)]
pairs += [(log_uniform(1e-300, 1e300), random.uniform(-1, 1)) for _ in range(200)]
pairs.sort()
pow_xs = [p[0] for p in pairs]; pow_ys = [p[1] for p in pairs]

# ---- hypot ----------------------------------------------------------------------------
hpairs = [(random.choice((1, -1)) * log_uniform(1e-5, 1e5), random.choice((1, -1)) * log_uniform(1e-5, 1e5)) for _ in range(500)]
hpairs += [(random.uniform(-10, 10), random.uniform(-10, 10)) for _ in range(300)]
hpairs += [(log_uniform(1e300, 1.7e308), log_uniform(1e290, 1.7e308)) for _ in range(60)]
hpairs += [(log_uniform(1e-320, 1e-300), log_uniform(1e-320, 1e-300)) for _ in range(60)]
hpairs += [(1.0, 2.0 ** -k) for k in range(20, 40)] + [(3.0, 4.0), (5.0, 12.0), (1e308, 1e308)]
hpairs.sort()
hyp_xs = [p[0] for p in hpairs]; hyp_ys = [p[1] for p in hpairs]

out = {
    'about': 'mpmath at 60 digits (more for huge trigonometric arguments): want is the nearest double, '
             'rest = (exact - want) / ulp(want), ulp the gap above |want| (tools/make_elementary_reference.py).',
    'exp': table({'exp': mp.exp}, exp_x),
    'expm1': table({'expm1': mp.expm1}, expm1_x),
    'log': table({'log': mp.log}, log_x),
    'log1p': table({'log1p': mp.log1p}, log1p_x),
    'tanh': table({'tanh': mp.tanh}, tanh_x),
    'trig': table({'sin': mp.sin, 'cos': mp.cos, 'tan': mp.tan}, trig_x),
    'sin_of_sum': table({'sin_of_sum': lambda x, lo: mp.sin(x + lo)}, sum_x, sum_lo),
    'pow': table({'pow': lambda x, y: mp.power(x, y)}, pow_xs, pow_ys),
    'hypot': table({'hypot': lambda x, y: mp.sqrt(x * x + y * y)}, hyp_xs, hyp_ys),
}
json.dump(out, open('test/fixtures/elementary-reference.json', 'w'), separators=(',', ':'))
print({k: len(v['x']) for k, v in out.items() if k != 'about'})
