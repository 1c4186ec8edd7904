#!/usr/bin/env python3
"""Write test/fixtures/erf-reference.json: erf and erfc at 60 digits, rounded to double.

    /usr/bin/python3 tools/make_erf_reference.py   (needs Debian's python3-mpmath)

Points are dense where our implementation switches method (0.5, the erfcx piece
edges, 8) and cover the tails down to erfc's underflow.
"""
import json, random
import mpmath as mp
mp.mp.dps = 60
random.seed(20261123)
xs = set()
for i in range(-600, 601):
    xs.add(i / 100)                      # -6 .. 6 every 0.01
for i in range(0, 400):
    xs.add(6 + 21.5 * i / 400)           # tail to 27.5
for edge in [0.5, 8.0] + [0.5 + 0.5 * k for k in range(16)]:
    for d in (-1e-12, 0.0, 1e-12):
        xs.add(edge + d); xs.add(-(edge + d))
for _ in range(400):
    xs.add(random.uniform(-27, 27))
for e in range(-300, 0, 7):
    xs.add(10.0 ** e); xs.add(-(10.0 ** e))
xs = sorted(xs)
out = {
    'about': 'erf and erfc at 60-digit mpmath, correctly rounded to float64 (tools/make_erf_reference.py).',
    'x': xs,
    'erf': [float(mp.erf(mp.mpf(x))) for x in xs],
    'erfc': [float(mp.erfc(mp.mpf(x))) for x in xs],
}
json.dump(out, open('test/fixtures/erf-reference.json', 'w'))
print(len(xs), 'points')
