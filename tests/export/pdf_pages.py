"""Look at exported PDF pages as a user would: their text (pdftotext) and pixels (pdftoppm)."""

import subprocess
import unicodedata

import matplotlib.image as mpimg
import numpy as np


def pdf_text(path, first=None, last=None):
    """The text of the PDF (or of pages first..last), whitespace collapsed."""
    cmd = ["pdftotext", "-layout"]
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    out = subprocess.run([*cmd, str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", out.stdout).split())


def load_rgb(path):
    """The PNG as an (h, w, 3) array of 0-255 values."""
    return (mpimg.imread(str(path))[..., :3] * 255).round().astype(np.uint8)


def pdf_page_image(path, tmp_path, page=1, dpi=50):
    """Page ``page`` rendered at ``dpi`` as an RGB array."""
    prefix = tmp_path / f"page{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", "-f", str(page), "-l", str(page), "-singlefile",
         str(path), str(prefix)],
        check=True,
    )  # fmt: skip
    return load_rgb(f"{prefix}.png")


def inked_share(rgb, rect, scale, inset=0.03):
    """Share of non-white pixels inside ``rect`` (x, y, w, h in device units) scaled to the image."""
    x, y, w, h = (v * scale for v in rect)
    x0, x1 = int(x + w * inset), int(x + w * (1 - inset))
    y0, y1 = int(y + h * inset), int(y + h * (1 - inset))
    region = rgb[y0:y1, x0:x1].astype(int)
    return float((region.sum(axis=2) < 3 * 245).mean())
