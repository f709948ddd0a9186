"""True facts about the images and files of a message: decoded locally, never downloaded.

The practice model cannot see; these facts are what a program can read from the bytes (format,
size, average and dominant colour, page count), and the answer states them before anything sampled.
"""
from __future__ import annotations

import base64
import binascii
import colorsys
import io
import re
from typing import Any

#: What an attached image (or a PDF page) adds to the prompt tokens.
IMAGE_PROMPT_TOKENS = 85


_COLOUR_NAMES = ((15, "red"), (45, "orange"), (70, "yellow"), (165, "green"), (195, "cyan"),
                 (255, "blue"), (290, "purple"), (335, "magenta"), (360, "red"))


def colour_name(r: float, g: float, b: float) -> str:
    """A plain name for an RGB colour (0-255 each): red, green, blue, grey, ..."""
    h, s, v = colorsys.rgb_to_hsv(r / 255, g / 255, b / 255)
    if v < 0.15:
        return "black"
    if s < 0.2:
        return "white" if v > 0.85 else "grey"
    hue = h * 360
    name = next(n for limit, n in _COLOUR_NAMES if hue < limit)
    if name in ("orange", "red") and v < 0.55 and s > 0.3:
        return "brown" if name == "orange" else "dark red"
    if name == "magenta" and v > 0.7 and s < 0.6:
        return "pink"
    return name


def describe_image(url: str, number: int) -> str:
    """True facts about one image part: decoded with Pillow for a data URL, never downloaded."""
    if not url.startswith("data:"):
        return (f"Image {number} is a link ({url}). The practice server works offline and does not "
                "download images, so it cannot say what that picture shows.")
    try:
        data = base64.b64decode(url.split(",", 1)[1], validate=False)
        try:
            from PIL import Image, ImageStat  # lazy: only image lessons need Pillow
        except ImportError:
            return f"Image {number} was not examined: Pillow (pip install pillow) is not installed."

        with Image.open(io.BytesIO(data)) as img:
            fmt, (w, h), mode = img.format, img.size, img.mode
            facts = f"Image {number} is a {fmt} image, {w}x{h} pixels, colour mode {mode}"
            if w * h > 40_000_000:  # too big to look at; the size is already a fact
                return facts + "; it is too large for the practice server to work out its colours."
            img.draft("RGB", (256, 256))  # JPEG: decode at a reduced size, cheaply
            small = img.convert("RGB")
            small.thumbnail((256, 256))
            r, g, b = ImageStat.Stat(small).mean
            (dr, dg, db), share = dominant_colour(small)
    except Exception as exc:  # a broken image is something to report, not a server error
        return f"Image {number} could not be decoded as an image ({type(exc).__name__}: {exc})."
    return (f"{facts}; its average colour is RGB ({r:.0f}, {g:.0f}, {b:.0f}), and its dominant colour is "
            f"{colour_name(dr, dg, db)}, RGB ({dr}, {dg}, {db}), in {share:.0%} of its pixels.")


#: The colours a picture is reduced to before its commonest one is named.
DOMINANT_OF = 8


def dominant_colour(image: Any) -> tuple[tuple[int, int, int], float]:
    """The commonest colour of an RGB Pillow image once reduced to DOMINANT_OF colours (median cut),
    and the share of the pixels it covers: a colour the picture really has, unlike an average."""
    reduced = image.quantize(colors=DOMINANT_OF)
    count, index = max(reduced.getcolors(DOMINANT_OF))
    palette = reduced.getpalette()
    red, green, blue = palette[3 * index:3 * index + 3]
    return (red, green, blue), count / (image.width * image.height)


def decode_file(file_data: str) -> bytes | None:
    if file_data.startswith("data:"):
        file_data = file_data.split(",", 1)[-1]
    try:
        return base64.b64decode(file_data, validate=False)
    except (binascii.Error, ValueError):
        return None


def pdf_pages(data: bytes) -> int:
    # Page objects say "/Type /Page"; the page tree says "/Type /Pages" and is not a page.
    return len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))


def describe_file(file: dict, number: int) -> str:
    """Facts about one file part: its name, its size and, for a PDF, its page count."""
    name = file.get("filename") or "(no filename)"
    data = decode_file(file.get("file_data", ""))
    if data is None:
        return f"File {number} ({name}) is not valid base64, so the practice server could not read it."
    facts = f"File {number}, {name}, is {len(data):,} bytes"
    if not data.startswith(b"%PDF"):
        return facts + " and does not look like a PDF (a PDF starts with %PDF)."
    pages = pdf_pages(data)
    if pages:
        return facts + f", a PDF with {pages} page{'s' if pages != 1 else ''}."
    return facts + ", a PDF whose pages the practice server could not count."


def describe_attachments(content: Any) -> list[str]:
    """One sentence of facts for each image or file part of a message's content, in order."""
    if not isinstance(content, list):
        return []
    found, images, files = [], 0, 0
    for part in content:
        if part.get("type") == "image_url":
            images += 1
            found.append(describe_image(part["image_url"]["url"], images))
        elif part.get("type") == "file":
            files += 1
            found.append(describe_file(part["file"], files))
    return found


def attachment_tokens(part: dict) -> int:
    """The prompt tokens one image or file part costs: a flat amount per image or PDF page."""
    if part.get("type") == "image_url":
        return IMAGE_PROMPT_TOKENS
    pages = pdf_pages(decode_file(part.get("file", {}).get("file_data", "")) or b"")
    return IMAGE_PROMPT_TOKENS * max(pages, 1)
