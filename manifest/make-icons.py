#!/usr/bin/python3
"""Draws the Teams app icons: color.png (192x192, full colour) and outline.png (32x32, white on
transparent). Needs Debian's python3-pil (apt-get install python3-pil). Run from anywhere:

    /usr/bin/python3 manifest/make-icons.py

Shapes are drawn at 8x and scaled down, so edges are smooth. The outline icon's colour channels
are white everywhere; only its alpha channel carries the drawing, as Teams requires.
"""
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SUPERSAMPLE = 8
NAVY = (31, 58, 104)
AMBER = (242, 169, 0)
WHITE = (255, 255, 255)


def shield(size, inset=0.0):
    """A shield outline as a polygon in a size x size box; inset shrinks it towards its centre."""
    def point(x, y):
        cx, cy = 0.5, 0.52
        return ((cx + (x - cx) * (1 - inset)) * size, (cy + (y - cy) * (1 - inset)) * size)

    # Left side: straight down at first, then curving in to the point at the bottom.
    left_side = [(0.14 + 0.36 * t ** 3, 0.20 + 0.50 * t + 0.24 * t * t) for t in (i / 24 for i in range(25))]
    top = [(0.14, 0.20), (0.50, 0.08), (0.86, 0.20)]
    right_side = [(1 - x, y) for x, y in left_side[1:]]
    outline = top + right_side + list(reversed(left_side[1:-1]))
    return [point(x, y) for x, y in outline]


def speech_bubble(draw, size, fill, centre_y=0.46, width=0.40, height=0.25):
    """A rounded speech bubble with its tail at the lower left."""
    left, right = (0.5 - width / 2) * size, (0.5 + width / 2) * size
    top, bottom = (centre_y - height / 2) * size, (centre_y + height / 2) * size
    draw.rounded_rectangle((left, top, right, bottom), radius=height * size * 0.35, fill=fill)
    tail = [(left + 0.08 * size, bottom - 1), (left + 0.18 * size, bottom - 1), (left + 0.06 * size, bottom + 0.09 * size)]
    draw.polygon(tail, fill=fill)


def color_icon():
    big = 192 * SUPERSAMPLE
    image = Image.new("RGB", (big, big), NAVY)
    draw = ImageDraw.Draw(image)
    draw.polygon(shield(big, inset=0.26), fill=WHITE)
    speech_bubble(draw, big, NAVY, centre_y=0.47, width=0.30, height=0.17)
    # Three dots in the bubble: someone is asking.
    for x in (0.44, 0.50, 0.56):
        r = 0.017 * big
        draw.ellipse((x * big - r, 0.47 * big - r, x * big + r, 0.47 * big + r), fill=AMBER)
    return image.resize((192, 192), Image.LANCZOS)


def outline_icon():
    big = 32 * SUPERSAMPLE
    mask = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(mask)
    draw.polygon(shield(big, inset=0.04), fill=255)
    draw.polygon(shield(big, inset=0.25), fill=0)
    speech_bubble(draw, big, 255, centre_y=0.46, width=0.34, height=0.21)
    alpha = mask.resize((32, 32), Image.LANCZOS)
    image = Image.new("RGBA", (32, 32), WHITE + (0,))
    image.putalpha(alpha)
    return image


if __name__ == "__main__":
    color_icon().save(HERE / "color.png", optimize=True)
    outline_icon().save(HERE / "outline.png", optimize=True)
    print(f"Wrote {HERE / 'color.png'} and {HERE / 'outline.png'}")
