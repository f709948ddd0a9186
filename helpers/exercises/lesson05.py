"""Exercises for lesson 05 (vision): a message with a picture and a PDF by hand, a data-URL function,
and an image's type read from its own bytes.

The checks decode what the learner built (images with Pillow): they judge the bytes and the MIME
types, never what a model says about them.
"""
from __future__ import annotations

import base64
import binascii
import io
import tempfile
from pathlib import Path
from typing import Any

from ..schema import IMAGE_MIME_TYPES, check_messages
from . import Exercise, Incorrect
from ._checking import reject_problems, run_learner

__all__ = ["q1", "q2", "q3", "SAMPLE_IMAGE", "SAMPLE_PDF"]

#: The picture shipped with the lessons (notebooks/images/scene.png).
SAMPLE_IMAGE = Path(__file__).resolve().parents[2] / "notebooks" / "images" / "scene.png"
#: The PDF shipped with the lessons (notebooks/images/trip_notes.pdf).
SAMPLE_PDF = SAMPLE_IMAGE.with_name("trip_notes.pdf")


def _open_image(data: bytes):
    from PIL import Image

    try:
        img = Image.open(io.BytesIO(data))
        img.load()
        return img
    except Exception:
        return None


def _format_mime(fmt: str | None) -> str | None:
    return {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif", "WEBP": "image/webp"}.get(fmt or "")


def judge_data_url(url: Any, where: str) -> tuple[str, bytes, Any]:
    """(mime, decoded bytes, PIL image) of a data URL, or Incorrect naming what is wrong with it."""
    At = where[:1].upper() + where[1:]  # ``where`` opening a sentence
    if isinstance(url, (bytes, bytearray)):
        raise Incorrect(f"{At} is bytes; a URL is text: turn the base64 bytes into a str before building it.")
    if not isinstance(url, str):
        raise Incorrect(f"{At} should be a string, not {type(url).__name__}.")
    if not url.startswith("data:"):
        raise Incorrect(f"{At} should start with 'data:' (a data URL carries the image inside it).")
    head, sep, payload = url.partition(",")
    if not sep:
        raise Incorrect(f"{At} has no comma: a data URL is 'data:<type>;base64,' followed by the data.")
    if not head.endswith(";base64"):
        raise Incorrect(f"{At} should say ';base64' just before the comma.")
    mime = head[len("data:"):-len(";base64")]
    if mime == "image/jpg":
        raise Incorrect(f"{At} says image/jpg, which is not a registered MIME type; JPEG files have another name.")
    if mime not in IMAGE_MIME_TYPES:
        raise Incorrect(f"{At} says {mime or 'no type'}; the API takes {', '.join(IMAGE_MIME_TYPES)}.")
    if payload.startswith(("b'", 'b"')):
        raise Incorrect(f"The data in {where} starts with {payload[:2]!r}: that is how Python prints a bytes "
                        "object, so the bytes were formatted into the string instead of being decoded to text.")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise Incorrect(f"The data after 'base64,' in {where} is not valid base64.") from None
    img = _open_image(data)
    if img is None:
        raise Incorrect(f"The data in {where} decodes, but not to an image: encode the file's bytes, not its name "
                        "or path.")
    actual = _format_mime(img.format)
    if actual != mime:
        raise Incorrect(f"{At} says {mime}, but the bytes inside are a {img.format} image: the type must match "
                        "the file.")
    return mime, data, img


# --------------------------------------------------------------------------- q1: a picture and a PDF by hand

def _judge_image_part(image: dict) -> Any:
    """The image part of q1's message: the lesson's picture as a data URL, at detail low; its PIL image."""
    inner = image.get("image_url")
    if not isinstance(inner, dict):
        raise Incorrect("The image part's 'image_url' should be a dict with a 'url' (and here a 'detail').")
    if "url" not in inner:
        raise Incorrect("The image part's 'image_url' dict has no 'url'.")
    mime, data, img = judge_data_url(inner["url"], "the image url")
    if SAMPLE_IMAGE.exists():
        sample = _open_image(SAMPLE_IMAGE.read_bytes())
        if sample is not None and (img.format, img.size) != (sample.format, sample.size):
            raise Incorrect(f"The image inside is a {img.size[0]}x{img.size[1]} {img.format}, not the lesson's "
                            "sample picture: read the bytes of images/scene.png.")
    if "detail" not in inner:
        raise Incorrect("The image part's 'image_url' dict has no 'detail' key (so its detail is None); the task "
                        "asks for the cheap, fast setting.")
    if inner.get("detail") != "low":
        raise Incorrect(f"The image's detail is {inner.get('detail')!r}; the task asks for the cheap, fast setting.")
    return img


def _judge_file_part(part: dict) -> bytes:
    """The file part of q1's message: the lesson's PDF as a data URL, with its file name; the PDF's bytes."""
    file = part.get("file")
    if not isinstance(file, dict):
        raise Incorrect("The file part's 'file' should be a dict with a 'filename' and a 'file_data'.")
    if not isinstance(file.get("filename"), str) or not file["filename"].strip():
        raise Incorrect("The file part's 'file' dict has no 'filename' (a string): the task asks for the file's "
                        "name.")
    url = file.get("file_data")
    if isinstance(url, (bytes, bytearray)):
        raise Incorrect("The file's 'file_data' is bytes; it must be text, as for the image's data URL.")
    if not isinstance(url, str):
        raise Incorrect("The file part's 'file' dict has no 'file_data' (a string holding the PDF).")
    head, sep, payload = url.partition(",")
    if not url.startswith("data:") or not sep:
        raise Incorrect("The file's 'file_data' should be a data URL, as the lesson built it: 'data:', the "
                        "type, ';base64,', then the base64 text.")
    if head != "data:application/pdf;base64":
        raise Incorrect(f"The file's data URL starts with {head + ',' !r}: a PDF's MIME type is not an image's, "
                        "and the data is base64.")
    if payload.startswith(("b'", 'b"')):
        raise Incorrect("The file's data starts with b': that is how Python prints a bytes object, so the bytes "
                        "were formatted into the string instead of being decoded to text.")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise Incorrect("The data after 'base64,' in the file's data URL is not valid base64.") from None
    if not data.startswith(b"%PDF-"):
        raise Incorrect("The file's data decodes, but not to a PDF: encode the file's bytes, not its name or path.")
    if SAMPLE_PDF.exists() and data != SAMPLE_PDF.read_bytes():
        raise Incorrect("The file part holds a PDF, but not the lesson's: read the bytes of images/trip_notes.pdf.")
    if SAMPLE_PDF.exists() and file["filename"] != SAMPLE_PDF.name:
        raise Incorrect(f"The file part's filename is {file['filename']!r}; give the PDF's own file name.")
    return data


def _check_message(message: Any) -> str:
    if not isinstance(message, dict):
        raise Incorrect(f"`message` should be one message dict, not {type(message).__name__}.")
    if message.get("role") != "user":
        raise Incorrect(f"`message` has role {message.get('role')!r}; images and files go in a user message.")
    content = message.get("content")
    if isinstance(content, str):
        raise Incorrect("The content is a plain string; to send an image or a file it must be a list of content "
                        "parts.")
    if not isinstance(content, list) or not content:
        raise Incorrect("The content should be a non-empty list of content parts.")
    kinds = [p.get("type") if isinstance(p, dict) else None for p in content]
    if sorted(map(str, kinds)) != ["file", "image_url", "text"]:
        raise Incorrect(f"The content parts have types {kinds}; this message needs one text part, one image part "
                        "and one file part.")
    text = content[kinds.index("text")]
    if not isinstance(text.get("text"), str) or not text["text"].strip():
        raise Incorrect("The text part needs your question in its 'text' field.")
    img = _judge_image_part(content[kinds.index("image_url")])
    data = _judge_file_part(content[kinds.index("file")])
    reject_problems(check_messages([message], allow_empty_text=False))
    return (f"Correct! A {img.format} picture and a PDF of {len(data):,} bytes, ready to send with your question "
            "in one message.")


q1 = Exercise(
    name="A picture and a PDF",
    prompt="Build `message`: one user message with a question, images/scene.png as a base64 data URL at detail "
           "low, and images/trip_notes.pdf as a file part with its file name.",
    variables=("message",),
    checker=_check_message,
    hints=[
        "The content is a list of three dicts, each with its 'type': the text, the image and the file, in the "
        "shapes the lesson's cells used.",
        "Both attachments are data URLs built the same way: the file's bytes, base64-encoded, decoded to text, "
        "with 'data:<MIME type>;base64,' in front. Only the MIME type differs.",
        "The image's inner dict takes 'url' and 'detail'; the file's takes 'filename' (PDF_PATH.name) and "
        "'file_data'.",
    ],
    solution_code='''
def as_data_url(path, mime):
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")

message = {
    "role": "user",
    "content": [
        {"type": "text", "text": "What do the picture and the notes have in common?"},
        {"type": "image_url", "image_url": {"url": as_data_url(IMAGE_PATH, "image/png"), "detail": "low"}},
        {"type": "file", "file": {"filename": PDF_PATH.name, "file_data": as_data_url(PDF_PATH, "application/pdf")}},
    ],
}
''',
)


# --------------------------------------------------------------------------- q2: any file to a data URL

_Q2_FILES = (("PNG", "photo.png"), ("JPEG", "photo.jpg"), ("JPEG", "scan.JPEG"), ("GIF", "anim.gif"),
             ("WEBP", "pic.webp"))
_Q2_COLOURS = ((200, 40, 40), (40, 160, 60), (30, 60, 200), (240, 200, 40), (90, 90, 90))


def _path_tip(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return ("Your code has no entry for that extension: file names spell JPEG two ways, and in capitals too, "
                "so compare extensions in one case.")
    if isinstance(exc, (AttributeError, TypeError)) and ("Path" in str(exc) or "str" in str(exc)):
        return "`path` may be a str or a Path: Path(path) turns either into a Path."
    return ""


def _check_to_data_url(to_data_url: Any) -> str:
    if not callable(to_data_url):
        raise Incorrect("`to_data_url` should be a function (def to_data_url(path): ...).")
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="lesson05-") as tmp:
        for colour, (fmt, name) in zip(_Q2_COLOURS, _Q2_FILES):
            path = Path(tmp) / name
            Image.new("RGB", (24, 16), colour).save(path, format=fmt)
            for given in (path, str(path)):
                url = run_learner(to_data_url, "to_data_url", given, tip=_path_tip,
                                  situation=f"{name} given as a {'Path' if isinstance(given, Path) else 'str'}")
                where = f"the URL for {name}"
                mime, data, img = judge_data_url(url, where)
                if data != path.read_bytes():
                    raise Incorrect(f"{where} holds other bytes than the file: encode the file's own bytes, unchanged.")
    return "Correct! PNG, JPEG, GIF and WEBP files all come out as data URLs of the right type."


q2 = Exercise(
    name="A data URL from a file",
    prompt="Write `to_data_url(path)`: any JPG, PNG, GIF or WEBP file to a data URL with the right MIME type.",
    variables=("to_data_url",),
    checker=_check_to_data_url,
    hints=[
        "Pick the MIME type from the file's extension: Path(path).suffix.lower() gives '.png', '.jpg', ...",
        "A dict from extension to MIME type keeps it short. Remember both spellings of JPEG's extension.",
        "The MIME types are image/png, image/jpeg, image/gif and image/webp.",
    ],
    solution_code='''
MIME_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".gif": "image/gif", ".webp": "image/webp"}

def to_data_url(path):
    path = Path(path)
    mime = MIME_TYPES[path.suffix.lower()]
    encoded = base64.b64encode(path.read_bytes()).decode("ascii")
    return f"data:{mime};base64,{encoded}"
''',
)


# --------------------------------------------------------------------------- q3: the type from the bytes

def _image_bytes(fmt: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (12, 8), (200, 120, 40)).save(buffer, format=fmt)
    return buffer.getvalue()


def _q3_cases() -> list[tuple[str, bytes, str | None]]:
    """(what the bytes are, the bytes, the MIME type to find or None)."""
    gif = _image_bytes("GIF")[6:]  # the two GIF versions differ in their first 6 bytes only
    return [
        ("a PNG file", _image_bytes("PNG"), "image/png"),
        ("a JPEG file", _image_bytes("JPEG"), "image/jpeg"),
        ("a GIF file (GIF89a)", b"GIF89a" + gif, "image/gif"),
        ("an older GIF file (GIF87a)", b"GIF87a" + gif, "image/gif"),
        ("a WEBP file", _image_bytes("WEBP"), "image/webp"),
        ("a WAV sound file (it starts with RIFF, like WEBP)", b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(16), None),
        ("a PDF file", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", None),
        ("some text", b"just some text, not an image", None),
        ("no bytes at all", b"", None),
        ("two bytes", b"\x89P", None),
    ]


def _bytes_tip(exc: Exception) -> str:
    if isinstance(exc, TypeError) and "bytes" in str(exc):
        return "`data` is bytes: compare it with bytes literals such as b\"GIF\", not with str."
    if isinstance(exc, IndexError):
        return "Some files are shorter than a header, or empty: a slice such as data[:4] never fails, an index can."
    return ""


def _check_image_type(image_type: Any) -> str:
    if not callable(image_type):
        raise Incorrect("`image_type` should be a function (def image_type(data): ...).")
    for what, data, want in _q3_cases():
        got = run_learner(image_type, "image_type", data, situation=what, tip=_bytes_tip)
        if got == want:
            continue
        if got == "image/jpg":
            raise Incorrect(f"For {what}, `image_type` returned 'image/jpg', which is not a registered MIME type.")
        if isinstance(got, str) and "/" not in got:
            raise Incorrect(f"For {what}, `image_type` returned {got!r:.40}: return a MIME type, 'image/' and a name.")
        if want is None and "RIFF" in what:
            raise Incorrect(f"For {what}, `image_type` returned {got!r:.40}: a WAV file starts with RIFF too, so "
                            "RIFF alone does not make a WEBP. Look further into the header.")
        if want is None:
            raise Incorrect(f"For {what}, `image_type` returned {got!r:.40}; bytes that are not a JPG, PNG, GIF or "
                            "WEBP image should give None.")
        if got is None and "GIF87a" in what:
            raise Incorrect(f"For {what}, `image_type` returned None: GIF files come in two versions, and their "
                            "headers differ.")
        raise Incorrect(f"For {what}, `image_type` returned {got!r:.40}, not the type of the bytes.")
    return "Correct! The type comes from the bytes themselves, whatever the file is called."


q3 = Exercise(
    name="The type from the bytes",
    prompt="Write `image_type(data)`: the MIME type of JPG, PNG, GIF or WEBP bytes, read from the bytes "
           "themselves; None for anything else.",
    variables=("image_type",),
    checker=_check_image_type,
    hints=[
        "Each format starts with its own signature: print `raw[:12]` (the lesson's PNG), and the first 12 bytes "
        "of a JPEG, a GIF and a WEBP you save with Pillow (`Image.open(IMAGE_PATH).convert('RGB').save(...)`).",
        "`data.startswith(b\"...\")` compares the first bytes; `data[8:12]` takes the bytes 8 to 11.",
        "PNG: b\"\\x89PNG\", JPEG: b\"\\xff\\xd8\\xff\", GIF: b\"GIF87a\" or b\"GIF89a\"; "
        "WEBP: b\"RIFF\", four bytes of size, then b\"WEBP\".",
    ],
    solution_code='''
def image_type(data):
    if data.startswith(b"\\x89PNG\\r\\n\\x1a\\n"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
''',
)
