"""Bar charts drawn on the server as SVG: no JavaScript, no CDN, printable, and readable by a
screen reader (each chart has a title and every bar its value as text)."""
from __future__ import annotations

from html import escape

from markupsafe import Markup

BAR, GAP, LABEL_WIDTH, CHART_WIDTH = 22, 8, 140, 300
COLOURS = ("#0b5cad", "#2f7fd1", "#4f9be0", "#1e7b34", "#3c9a50", "#a36a00")


def bars(title: str, items: list[tuple[str, int]], colour_by_index: bool = False) -> Markup:
    """Horizontal bars, one per (label, value), scaled to the largest value."""
    top = max([value for _, value in items] + [1])
    height = len(items) * (BAR + GAP) + 30
    width = LABEL_WIDTH + CHART_WIDTH + 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="{escape(title)}"><title>{escape(title)}</title>',
             f'<text x="0" y="16" font-size="14" font-weight="600">{escape(title)}</text>']
    for i, (label, value) in enumerate(items):
        y = 26 + i * (BAR + GAP)
        length = round(CHART_WIDTH * value / top)
        colour = COLOURS[i % len(COLOURS)] if colour_by_index else COLOURS[0]
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR - 6}" font-size="13" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{max(length, 1)}" height="{BAR}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + length + 6}" y="{y + BAR - 6}" font-size="13">{value}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
