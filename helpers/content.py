"""Content parts: a user message that carries text, images and PDF files.

    from helpers.content import image_part, pdf_part, user_message
    msg = user_message("What is in this picture?", "images/scene.png", detail="low")
    helpers.chat([msg])

``image_part`` turns a local file or raw bytes into a base64 data URL part
(``data:image/png;base64,...``) and an http(s) URL into a URL part the API fetches itself.
Only JPG, PNG, GIF and WEBP are accepted, as the API documents. ``pdf_part`` turns a PDF
into a file part (``{"type": "file", "file": {"filename", "file_data"}}``); the API's file
parts take PDF only.
"""
from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from .schema import IMAGE_MIME_TYPES

#: Largest image file accepted (before base64, which adds a third). The kit's own choice: the vendor's
#: description sets no size limit for images; this one stops a wrong file before a long upload.
MAX_IMAGE_BYTES = 20 * 1024 * 1024

#: Largest PDF accepted, the kit's own choice too (the vendor's description allows up to 512 MB per file).
MAX_PDF_BYTES = 20 * 1024 * 1024

DETAILS = ("low", "high", "auto")

_EXTENSIONS = {
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".jpe": "image/jpeg",
    ".png": "image/png", ".gif": "image/gif", ".webp": "image/webp",
}


def sniff_mime(data: bytes) -> str | None:
    """The image MIME type the bytes' own signature says (JPG, PNG, GIF, WEBP), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _check_detail(detail: Any) -> None:
    if detail is not None and detail not in DETAILS:
        raise ValueError(f"detail must be 'low', 'high', 'auto' or None (leave it out), not {detail!r}.")


def _part(url: str, detail: str | None) -> dict:
    image_url = {"url": url}
    if detail is not None:
        image_url["detail"] = detail
    return {"type": "image_url", "image_url": image_url}


def _size_text(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _data_url(data: bytes, name: str, suffix: str = "") -> str:
    if not data:
        raise ValueError(f"{name} is empty (0 bytes): pass the bytes of a JPG, PNG, GIF or WEBP image.")
    if len(data) > MAX_IMAGE_BYTES:
        raise ValueError(f"{name} is {_size_text(len(data))}; the limit here is {_size_text(MAX_IMAGE_BYTES)}. "
                         "Shrink it first, e.g. with Pillow: "
                         "img.thumbnail((1024, 1024)); img.save('small.jpg', quality=85).")
    mime = sniff_mime(data)
    if mime is None:
        claimed = _EXTENSIONS.get(suffix.lower())
        if claimed:
            raise ValueError(f"{name} is named like a {claimed.split('/')[1].upper()} but its bytes are not one "
                             "(or not JPG, PNG, GIF or WEBP at all). Open and re-save it with Pillow to fix it.")
        convert = "Convert it first, e.g. with Pillow: Image.open(path).save('image.png')."
        if suffix:
            raise ValueError(f"{name} is a {suffix} file, which is not a supported image: the API takes "
                             f"JPG, PNG, GIF or WEBP. {convert}")
        raise ValueError(f"{name} are not a supported image (they start with {data[:8]!r}): the API takes "
                         f"JPG, PNG, GIF or WEBP. {convert}")
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def image_part(source: str | os.PathLike | bytes | bytearray, detail: str | None = None) -> dict:
    """One image content part.

    ``source`` is a local file path, the image's bytes, an ``http(s)://`` URL (sent as is:
    the API downloads it) or an existing ``data:image/...;base64,`` URL. ``detail`` is
    ``"low"``, ``"high"``, ``"auto"`` or None (left out: the API decides).
    """
    _check_detail(detail)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _part(_data_url(bytes(source), "The image bytes"), detail)
    if isinstance(source, str):
        text = source.strip()
        lowered = text.lower()
        if lowered.startswith(("http://", "https://")):
            if any(c.isspace() for c in text):
                raise ValueError(f"The image URL {text!r} contains spaces: percent-encode them (%20) or fix the link.")
            return _part(text, detail)
        if lowered.startswith("data:"):
            head, sep, payload = text.partition(",")
            mime = head[5:].split(";")[0].lower()
            if not sep or ";base64" not in head.lower():
                raise ValueError("A data URL must look like 'data:image/png;base64,<data>'.")
            if mime not in IMAGE_MIME_TYPES:
                raise ValueError(f"The data URL says {mime or 'no type'}; "
                                 "the API takes image/jpeg, image/png, image/gif or image/webp.")
            return _part(text, detail)
        if not text:
            raise ValueError("The image source is empty: pass a file path, bytes or an http(s) URL.")
    elif not isinstance(source, os.PathLike):
        raise TypeError(f"image_part takes a file path, bytes or an http(s) URL, not {type(source).__name__}.")
    path = Path(source).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"No image file at {str(path)!r} (looked from {os.getcwd()!r}). "
                                "Check the spelling, or give the full path.")
    if not path.is_file():
        raise ValueError(f"{str(path)!r} is a folder, not an image file.")
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:  # checked before reading, so a huge file is never loaded
        raise ValueError(f"{path.name} is {_size_text(size)}; the limit here is {_size_text(MAX_IMAGE_BYTES)}. "
                         "Shrink it first, e.g. with Pillow: "
                         "img.thumbnail((1024, 1024)); img.save('small.jpg', quality=85).")
    data = path.read_bytes()
    if not path.suffix and data and sniff_mime(data) is None:
        return _part(_data_url(data, f"The bytes of {path.name}"), detail)  # raises, naming the file
    return _part(_data_url(data, path.name, path.suffix), detail)


def pdf_part(source: str | os.PathLike | bytes | bytearray, filename: str | None = None) -> dict:
    """One PDF file part: ``{"type": "file", "file": {"filename": ..., "file_data": ...}}``.

    ``file_data`` is a data URL, ``data:application/pdf;base64,...`` (the form OpenAI's chat API
    documents for this field; the vendor's description asks for the file "encoded in base64").

    ``source`` is a local file path or the PDF's bytes; ``filename`` defaults to the file's
    name (``document.pdf`` for bytes).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, name = bytes(source), "The PDF bytes"
        filename = filename if filename is not None else "document.pdf"
    elif isinstance(source, (str, os.PathLike)):
        if isinstance(source, str) and not source.strip():
            raise ValueError("The PDF source is empty: pass a file path or the PDF's bytes.")
        path = Path(source).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"No PDF file at {str(path)!r} (looked from {os.getcwd()!r}). "
                                    "Check the spelling, or give the full path.")
        if not path.is_file():
            raise ValueError(f"{str(path)!r} is a folder, not a PDF file.")
        if path.stat().st_size > MAX_PDF_BYTES:  # checked before reading, so a huge file is never loaded
            raise ValueError(f"{path.name} is {_size_text(path.stat().st_size)}; the limit here is "
                             f"{_size_text(MAX_PDF_BYTES)}. Split the document, or send only the pages you need.")
        data, name = path.read_bytes(), path.name
        filename = filename if filename is not None else path.name
    else:
        raise TypeError(f"pdf_part takes a file path or bytes, not {type(source).__name__}.")
    if not isinstance(filename, str) or not filename.strip():
        raise ValueError("filename should be a name such as 'report.pdf' (the model may refer to the file by it).")
    if not data:
        raise ValueError(f"{name} is empty (0 bytes): pass the bytes of a PDF file.")
    if len(data) > MAX_PDF_BYTES:
        raise ValueError(f"{name} is {_size_text(len(data))}; the limit here is {_size_text(MAX_PDF_BYTES)}. "
                         "Split the document, or send only the pages you need.")
    if not data.startswith(b"%PDF-"):
        raise ValueError(f"{name} is not a PDF (a PDF starts with %PDF-, these bytes with {data[:8]!r}): the API's "
                         "file parts take PDF only. Save or print the document as a PDF first; send an image with "
                         "image_part, and plain text as a text part.")
    encoded = base64.b64encode(data).decode("ascii")
    return {"type": "file", "file": {"filename": filename, "file_data": f"data:application/pdf;base64,{encoded}"}}


def user_message(text: str, *attachments: Any, detail: str | None = None) -> dict:
    """``{"role": "user", "content": [text part, image and file parts...]}``.

    Each attachment is anything :func:`image_part` takes, or a ready image or file part (a dict,
    e.g. from :func:`pdf_part`). ``detail`` applies to the images built here.
    """
    if not isinstance(text, str) or not text.strip():
        raise ValueError("user_message needs the question as its first argument, e.g. "
                         "user_message('What is in this picture?', 'photo.png').")
    _check_detail(detail)
    parts: list[dict] = [{"type": "text", "text": text}]
    for attachment in attachments:
        if isinstance(attachment, dict):
            if attachment.get("type") not in ("image_url", "file"):
                raise ValueError("A ready-made part must be an image part ({'type': 'image_url', ...}) or a "
                                 f"file part (pdf_part(...)), not {attachment!r:.80}.")
            parts.append(attachment)
        else:
            parts.append(image_part(attachment, detail=detail))
    return {"role": "user", "content": parts}


__all__ = ["image_part", "pdf_part", "user_message", "sniff_mime", "MAX_IMAGE_BYTES", "MAX_PDF_BYTES"]
