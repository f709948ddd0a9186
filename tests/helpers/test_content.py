"""helpers.content: image and PDF parts and multi-part user messages, from real image and PDF files."""
import base64
import io
from pathlib import Path

import pytest
from PIL import Image

from helpers import content, schema
from helpers.content import MAX_IMAGE_BYTES, MAX_PDF_BYTES, image_part, pdf_part, sniff_mime, user_message
from helpers import Client

FORMATS = [("PNG", ".png", "image/png"), ("JPEG", ".jpg", "image/jpeg"),
           ("GIF", ".gif", "image/gif"), ("WEBP", ".webp", "image/webp")]


def _image_bytes(fmt: str, size=(40, 30), colour=(30, 120, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, format=fmt)
    return buf.getvalue()


def _decode(part: dict) -> tuple[str, bytes]:
    url = part["image_url"]["url"]
    head, payload = url.split(",", 1)
    assert head.startswith("data:") and head.endswith(";base64")
    return head[5:-7], base64.b64decode(payload, validate=True)


@pytest.mark.parametrize("fmt,suffix,mime", FORMATS)
def test_file_becomes_data_url_with_its_mime_type(tmp_path, fmt, suffix, mime):
    data = _image_bytes(fmt)
    path = tmp_path / f"picture{suffix}"
    path.write_bytes(data)
    part = image_part(path)
    assert part["type"] == "image_url"
    assert "detail" not in part["image_url"]
    got_mime, got = _decode(part)
    assert got_mime == mime
    assert got == data
    with Image.open(io.BytesIO(got)) as img:  # what arrives is the same picture
        assert img.format == fmt and img.size == (40, 30)


@pytest.mark.parametrize("fmt,suffix,mime", FORMATS)
def test_bytes_are_sniffed(fmt, suffix, mime):
    data = _image_bytes(fmt)
    assert sniff_mime(data) == mime
    got_mime, got = _decode(image_part(data))
    assert (got_mime, got) == (mime, data)
    assert _decode(image_part(bytearray(data)))[1] == data


def test_string_path_and_bytes_win_over_a_wrong_extension(tmp_path):
    path = tmp_path / "actually_png.jpg"
    path.write_bytes(_image_bytes("PNG"))
    assert _decode(image_part(str(path)))[0] == "image/png"


def test_built_parts_pass_the_request_schema(tmp_path):
    path = tmp_path / "a.webp"
    path.write_bytes(_image_bytes("WEBP"))
    msg = user_message("What colour is this?", path, "https://example.com/cat.jpg", detail="low")
    body = {"model": schema.DEFAULT_MODEL, "messages": [msg]}
    assert schema.check_request(body, strict=True) == []


@pytest.mark.parametrize("detail", ["low", "high", "auto"])
def test_detail_is_kept(tmp_path, detail):
    assert image_part(_image_bytes("PNG"), detail=detail)["image_url"]["detail"] == detail
    assert image_part("https://example.com/x.png", detail=detail)["image_url"] == {
        "url": "https://example.com/x.png", "detail": detail}


def test_bad_detail_is_refused():
    with pytest.raises(ValueError, match="detail must be 'low', 'high', 'auto'"):
        image_part(_image_bytes("PNG"), detail="medium")
    with pytest.raises(ValueError, match="detail"):
        user_message("Hi", detail="HIGH")


def test_url_is_sent_as_is():
    part = image_part("https://upload.example.org/photo.jpg?size=large")
    assert part == {"type": "image_url", "image_url": {"url": "https://upload.example.org/photo.jpg?size=large"}}
    assert image_part("  http://example.com/a.gif ")["image_url"]["url"] == "http://example.com/a.gif"


def test_url_with_spaces_is_refused():
    with pytest.raises(ValueError, match="spaces"):
        image_part("https://example.com/my photo.jpg")


def test_data_url_passes_through_and_a_wrong_one_is_refused():
    url = "data:image/png;base64," + base64.b64encode(_image_bytes("PNG")).decode()
    assert image_part(url, detail="high")["image_url"] == {"url": url, "detail": "high"}
    with pytest.raises(ValueError, match="image/jpeg, image/png"):
        image_part("data:image/bmp;base64,Qk0=")
    with pytest.raises(ValueError, match="must look like"):
        image_part("data:image/png,rawtext")


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nope.png"
    with pytest.raises(FileNotFoundError, match="No image file at .*nope.png"):
        image_part(missing)
    with pytest.raises(FileNotFoundError, match="Check the spelling"):
        image_part(str(missing))


def test_folder_is_refused(tmp_path):
    with pytest.raises(ValueError, match="is a folder"):
        image_part(tmp_path)


def test_unsupported_type_is_refused(tmp_path):
    bmp = tmp_path / "old.bmp"
    Image.new("RGB", (8, 8)).save(bmp, format="BMP")
    with pytest.raises(ValueError,
                       match=r"old.bmp is a \.bmp file, which is not a supported image.*JPG, PNG, GIF or WEBP"):
        image_part(bmp)
    with pytest.raises(ValueError, match=r"The image bytes are not a supported image \(they start with b'BM"):
        image_part(bmp.read_bytes())


def test_text_named_like_an_image_is_refused(tmp_path):
    fake = tmp_path / "notes.png"
    fake.write_text("not a picture")
    with pytest.raises(ValueError, match="named like a PNG but its bytes are not one"):
        image_part(fake)


def test_file_without_extension_is_judged_by_its_bytes(tmp_path):
    good = tmp_path / "picture"
    good.write_bytes(_image_bytes("GIF"))
    assert _decode(image_part(good))[0] == "image/gif"
    bad = tmp_path / "notes"
    bad.write_text("plain text")
    with pytest.raises(ValueError, match=r"The bytes of notes are not a supported image \(they start with b'plain te"):
        image_part(bad)


def test_empty_inputs_are_refused(tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        image_part(empty)
    with pytest.raises(ValueError, match="empty"):
        image_part(b"")
    with pytest.raises(ValueError, match="empty"):
        image_part("   ")


def test_wrong_source_type_is_refused():
    with pytest.raises(TypeError, match="not int"):
        image_part(42)


def test_file_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(content, "MAX_IMAGE_BYTES", 1000)
    big = tmp_path / "big.png"
    big.write_bytes(_image_bytes("PNG", size=(400, 400), colour=(1, 2, 3)) + b"\0" * 2000)
    assert big.stat().st_size > 1000
    with pytest.raises(ValueError, match="the limit here is"):
        image_part(big)
    with pytest.raises(ValueError, match="Shrink it first"):
        image_part(big.read_bytes())


def test_the_real_limit_is_twenty_megabytes(tmp_path):
    assert MAX_IMAGE_BYTES == 20 * 1024 * 1024
    huge = tmp_path / "huge.png"
    with open(huge, "wb") as f:  # sparse: no 20 MB actually written
        f.write(b"\x89PNG\r\n\x1a\n")
        f.truncate(MAX_IMAGE_BYTES + 1)
    with pytest.raises(ValueError, match="20.0 MB"):
        image_part(huge)


def test_user_message_shape(tmp_path):
    png = tmp_path / "a.png"
    png.write_bytes(_image_bytes("PNG"))
    ready = image_part("https://example.com/b.jpg", detail="auto")
    msg = user_message("Compare these.", png, ready, detail="high")
    assert msg["role"] == "user"
    assert msg["content"][0] == {"type": "text", "text": "Compare these."}
    assert [p["type"] for p in msg["content"]] == ["text", "image_url", "image_url"]
    assert msg["content"][1]["image_url"]["detail"] == "high"
    assert msg["content"][2] is ready  # a ready part is kept as given
    assert user_message("Just text") == {"role": "user", "content": [{"type": "text", "text": "Just text"}]}


def test_user_message_refuses_bad_text_and_parts():
    with pytest.raises(ValueError, match="needs the question"):
        user_message("", b"")
    with pytest.raises(ValueError, match="needs the question"):
        user_message(Path("a.png"))
    with pytest.raises(ValueError, match="must be an image part .* or a file part"):
        user_message("Hi", {"type": "text", "text": "sneaky"})


def test_sample_image_shipped_with_the_lessons():
    path = Path(__file__).resolve().parents[2] / "notebooks" / "images" / "scene.png"
    assert path.exists(), "notebooks/images/scene.png is used by lesson 05"
    assert path.stat().st_size < 100_000
    assert _decode(image_part(path))[0] == "image/png"


# --- PDF file parts --------------------------------------------------------------------------------------

SAMPLE_PDF = Path(__file__).resolve().parents[2] / "notebooks" / "images" / "trip_notes.pdf"


def _pdf_data(part: dict) -> bytes:
    assert part["type"] == "file"
    head, payload = part["file"]["file_data"].split(",", 1)
    assert head == "data:application/pdf;base64"
    return base64.b64decode(payload, validate=True)


def test_pdf_file_becomes_a_file_part_named_after_it():
    part = pdf_part(SAMPLE_PDF)
    assert set(part) == {"type", "file"} and set(part["file"]) == {"filename", "file_data"}
    assert part["file"]["filename"] == "trip_notes.pdf"
    assert _pdf_data(part) == SAMPLE_PDF.read_bytes()
    assert pdf_part(str(SAMPLE_PDF), filename="notes.pdf")["file"]["filename"] == "notes.pdf"


def test_pdf_bytes_get_a_default_name_and_pass_the_request_schema():
    part = pdf_part(bytearray(SAMPLE_PDF.read_bytes()))
    assert part["file"]["filename"] == "document.pdf"
    msg = user_message("Summarise this.", SAMPLE_PDF.parent / "scene.png", part, detail="low")
    assert [p["type"] for p in msg["content"]] == ["text", "image_url", "file"]
    assert msg["content"][2] is part  # a ready file part is kept as given
    assert schema.check_request({"model": schema.DEFAULT_MODEL, "messages": [msg]}, strict=True) == []


def test_the_practice_server_reads_what_pdf_part_sends(server):
    """The name, size and page count the practice server reports come from the very bytes pdf_part encoded."""
    with Client(api_key=server.key, base_url=server.base_url, max_retries=0, timeout=10) as client:
        answer = client.chat([user_message("What is this?", pdf_part(SAMPLE_PDF))], max_tokens=100)
    assert f"trip_notes.pdf, is {SAMPLE_PDF.stat().st_size:,} bytes, a PDF with 1 page" in answer.text


def test_what_is_not_a_pdf_is_refused(tmp_path):
    with pytest.raises(ValueError, match="not a PDF .*file parts take PDF only"):
        pdf_part(_image_bytes("PNG"))
    text = tmp_path / "notes.pdf"
    text.write_text("just some notes")
    with pytest.raises(ValueError, match="notes.pdf is not a PDF"):
        pdf_part(text)
    with pytest.raises(FileNotFoundError, match="No PDF file at"):
        pdf_part(tmp_path / "missing.pdf")
    with pytest.raises(ValueError, match="folder"):
        pdf_part(tmp_path)
    with pytest.raises(ValueError, match="empty"):
        pdf_part(b"")
    with pytest.raises(ValueError, match="empty"):
        pdf_part("  ")
    with pytest.raises(TypeError, match="not int"):
        pdf_part(42)
    with pytest.raises(ValueError, match="filename"):
        pdf_part(SAMPLE_PDF, filename="")


def test_a_pdf_over_the_limit_is_refused_before_reading(tmp_path, monkeypatch):
    assert MAX_PDF_BYTES == 20 * 1024 * 1024
    huge = tmp_path / "huge.pdf"
    with open(huge, "wb") as f:  # sparse: no 20 MB actually written
        f.write(b"%PDF-1.4\n")
        f.truncate(MAX_PDF_BYTES + 1)
    with pytest.raises(ValueError, match="20.0 MB"):
        pdf_part(huge)
    monkeypatch.setattr(content, "MAX_PDF_BYTES", 100)
    with pytest.raises(ValueError, match="the limit here is"):
        pdf_part(SAMPLE_PDF.read_bytes())


def test_sample_pdf_shipped_with_the_lessons():
    assert SAMPLE_PDF.exists(), "notebooks/images/trip_notes.pdf is used by lesson 05"
    data = SAMPLE_PDF.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") and len(data) < 10_000
