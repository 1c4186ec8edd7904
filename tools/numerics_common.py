"""What the fitting and reference scripts share: mpmath at 60 digits, double-doubles,
Chebyshev fits evaluated the way the engine evaluates them, and a writer for the
generated TypeScript files.

Imported by tools/fit_numerics.py and tools/fit_elementary.py (run with Debian's
python3 and python3-mpmath); a development aid, not a build step.
"""
import math
import mpmath as mp

mp.mp.dps = 60


def dd(v):
    """A real as a double-double (hi, lo)."""
    hi = float(v)
    lo = float(mp.mpf(v) - mp.mpf(hi))
    return hi, lo


def ulp_err(approx, exact):
    exact = mp.mpf(exact)
    if exact == 0:
        return 0.0 if approx == 0 else float('inf')
    u = math.ulp(float(exact))
    return float(abs(mp.mpf(approx) - exact) / u)


def horner(cs, t):
    """Evaluate as the engine does: cs[0] is the low part of the constant term,
    cs[1] its high part, cs[2:] the higher coefficients."""
    r = 0.0
    for c in reversed(cs[2:]):
        r = r * t + c
    return cs[1] + (cs[0] + r * t)


def fit(f, a, b, degree):
    """Chebyshev interpolant of f on [a, b] as monomial coefficients in t in [-1, 1]."""
    c = (mp.mpf(a) + b) / 2; h = (mp.mpf(b) - a) / 2
    poly, err = mp.chebyfit(lambda t: f(c + h * t), [-1, 1], degree, error=True)
    return split_constant(list(reversed(poly))), err


def split_constant(poly):
    """[c0, c1, ...] (mpf, lowest order first) -> [c0_lo, c0_hi, c1, ...] as floats."""
    hi, lo = dd(poly[0])
    return [lo, hi] + [float(p) for p in poly[1:]]


def fit_until(f, a, b, check, tol_ulp, start=6, maxdeg=40):
    for n in range(start, maxdeg):
        cs, _ = fit(f, a, b, n)
        worst = check(cs)
        if worst <= tol_ulp:
            return cs, worst
    raise SystemExit(f'no fit on [{a}, {b}] within {tol_ulp} ulp up to degree {maxdeg}')


class TsWriter:
    """Lines of a generated TypeScript module."""

    def __init__(self, header):
        self.lines = list(header) + ['']

    def emit_dd(self, name, v, doc):
        hi, lo = dd(v)
        self.lines.append(f'/** {doc} */')
        self.lines.append(f'export const {name}_HI = {hi!r};')
        self.lines.append(f'export const {name}_LO = {lo!r};')

    def emit_arr(self, name, arr, doc):
        self.lines.append(f'/** {doc} */')
        self.lines.append(f'export const {name}: readonly number[] = [{", ".join(repr(v) for v in arr)}];')

    def save(self, path):
        open(path, 'w').write('\n'.join(self.lines))
