#!/usr/bin/python3
"""Reads the generated Windows and macOS icons back with Pillow (python3-pil), a decoder independent of MakeIcon's
own read-back: every image in the .ico and the .icns must decode at the size its directory declares, and the sizes
the platforms ask for must be there.  Usage: check-icons.py NAME.ico NAME.icns"""
import sys

from PIL import Image

# Windows: the small (16), large (32, 48) and jumbo (256) views; macOS: 128-512 points at 1x and 2x.
ICO_NEEDED = {(16, 16), (32, 32), (48, 48), (256, 256)}
ICNS_NEEDED = {(128, 128, 1), (128, 128, 2), (256, 256, 1), (256, 256, 2), (512, 512, 1), (512, 512, 2)}


def check_ico(path):
    with Image.open(path) as ico:
        if ico.format != "ICO":
            sys.exit(f"{path}: Pillow reads it as {ico.format}, not ICO")
        sizes = set(ico.info["sizes"])
        if not ICO_NEEDED <= sizes:
            sys.exit(f"{path}: sizes {sorted(ICO_NEEDED - sizes)} missing")
        for size in sorted(sizes):
            image = ico.ico.getimage(size)
            image.load()
            if image.size != size or image.mode != "RGBA":
                sys.exit(f"{path}: the {size} entry decodes as {image.size} {image.mode}")
        print(f"{path}: ICO, {len(sizes)} images {sorted(w for w, _ in sizes)}")


def check_icns(path):
    with Image.open(path) as icns:
        if icns.format != "ICNS":
            sys.exit(f"{path}: Pillow reads it as {icns.format}, not ICNS")
        sizes = set(icns.info["sizes"])
        if not ICNS_NEEDED <= sizes:
            sys.exit(f"{path}: sizes {sorted(ICNS_NEEDED - sizes)} missing")
        for w, h, scale in sorted(sizes):
            icns.size = (w, h, scale)
            icns.load()
            if icns.size != (w * scale, h * scale):
                sys.exit(f"{path}: the {w}x{h}@{scale}x element decodes as {icns.size}")
        print(f"{path}: ICNS, {len(sizes)} images {sorted(f'{w}@{s}x' for w, _, s in sizes)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    check_ico(sys.argv[1])
    check_icns(sys.argv[2])
