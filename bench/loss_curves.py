#!/usr/bin/env python3
"""Draws the loss curves of `utad train` logs as one SVG: a panel per stage, a line per log.

    bench/loss_curves.py OUT.svg TRAIN.log [TRAIN.log ...]

Each log line `[STAGE] step S/N  loss L ...` is one point (the mean loss of a round of steps). The
y axis is logarithmic, so the late rounds, where convergence shows, are not flattened by the first.
"""
import math
import re
import sys

LINE = re.compile(r"^\[([^\]]+)\] step (\d+)/(\d+)\s+loss ([0-9.eE+-]+)")
COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]


def read(path):
    stages = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if m and float(m.group(4)) > 0:
                stages.setdefault(m.group(1), []).append((int(m.group(2)), float(m.group(4))))
    return stages


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out, logs = sys.argv[1], sys.argv[2:]
    runs = [(p, read(p)) for p in logs]
    stages = []
    for _, s in runs:
        stages += [k for k in s if k not in stages]
    if not stages:
        sys.exit("no loss lines in " + ", ".join(logs))
    w, h, pad = 420, 260, 50
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w * len(stages)}" height="{h + 20 * len(runs) + 10}" '
           'font-family="sans-serif" font-size="11">', f'<rect width="100%" height="100%" fill="white"/>']
    for i, stage in enumerate(stages):
        x0 = i * w
        points = [pt for _, s in runs for pt in s.get(stage, [])]
        steps = max(p[0] for p in points)
        lo = math.log10(min(p[1] for p in points))
        hi = math.log10(max(p[1] for p in points))
        if hi - lo < 1e-9:
            hi = lo + 1
        px = lambda step: x0 + pad + (w - 1.5 * pad) * step / steps
        py = lambda loss: 20 + (h - pad - 20) * (hi - math.log10(loss)) / (hi - lo)
        svg.append(f'<text x="{x0 + w / 2}" y="14" text-anchor="middle" font-weight="bold">{stage}</text>')
        svg.append(f'<rect x="{x0 + pad}" y="20" width="{w - 1.5 * pad}" height="{h - pad - 20}" fill="none" stroke="#888"/>')
        for k in range(5):
            v = 10 ** (lo + (hi - lo) * k / 4)
            svg.append(f'<text x="{x0 + pad - 4}" y="{py(v) + 4:.1f}" text-anchor="end">{v:.3g}</text>')
        svg.append(f'<text x="{x0 + pad}" y="{h - pad + 14}">0</text>')
        svg.append(f'<text x="{px(steps)}" y="{h - pad + 14}" text-anchor="end">{steps} steps</text>')
        for j, (_, s) in enumerate(runs):
            pts = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in s.get(stage, []))
            svg.append(f'<polyline points="{pts}" fill="none" stroke="{COLOURS[j % len(COLOURS)]}" stroke-width="1.5"/>')
    for j, (path, _) in enumerate(runs):
        y = h + 20 * j
        svg.append(f'<line x1="10" y1="{y}" x2="30" y2="{y}" stroke="{COLOURS[j % len(COLOURS)]}" stroke-width="2"/>')
        svg.append(f'<text x="36" y="{y + 4}">{path.rsplit("/", 1)[-1]}</text>')
    svg.append("</svg>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")


if __name__ == "__main__":
    main()
