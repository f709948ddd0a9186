"""Lesson 05's exercises (vision): their typical wrong answers and special cases.

Each wrong answer fails with a message that names the problem (tests/support/exercises.py runs it
as a notebook cell would). What every exercise must do (its solution passes, its starters are not
an attempt, the notebook holds its cells) is written once, in LessonExercises, and runs here for
this lesson.
"""
from __future__ import annotations

from helpers.exercises import lesson05
from support.exercises import LessonExercises, assert_hints_hide_the_solution

_IMAGE = '''encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
image = {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}
'''
_PDF_DATA = 'base64.b64encode(PDF_PATH.read_bytes()).decode("ascii")'
#: A right file part, set beside each wrong picture of q1
PDF_PART = ('{"type": "file", "file": {"filename": PDF_PATH.name, '
            f'"file_data": "data:application/pdf;base64," + {_PDF_DATA}}}}}')


def _with_file(file: str) -> str:
    """q1's learner code: a question, the right picture, and ``file`` as the file part's inner dict."""
    return (_IMAGE + 'message = {"role": "user", "content": [{"type": "text", "text": "What is this?"}, image, '
            f'{{"type": "file", "file": {file}}}]}}')


# (exercise, learner code, a fragment the failure message must contain)
WRONG = [
    # q1: a picture and a PDF by hand (each wrong picture beside a right PDF part)
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/jpeg;base64," + encoded, "detail": "low"}}, PDF_PART]}
''', "bytes inside are a PNG image"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes())
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{encoded}", "detail": "low"}}, PDF_PART]}
''', "how Python prints a bytes object"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes())
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": b"data:image/png;base64," + encoded, "detail": "low"}}, PDF_PART]}
''', "is bytes; a URL is text"),
    ("q1", '''
encoded = base64.b64encode(str(IMAGE_PATH).encode()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}, PDF_PART]}
''', "not to an image"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded}}, PDF_PART]}
''', "detail is None"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}, PDF_PART]}
''', "one text part, one image part and one file part"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": "What is this? data:image/png;base64," + encoded}
''', "plain string"),
    ("q1", '''
from PIL import Image
import io
buf = io.BytesIO()
Image.new("RGB", (10, 10)).save(buf, format="PNG")
encoded = base64.b64encode(buf.getvalue()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}, PDF_PART]}
''', "not the lesson's sample picture"),
    ("q1", '''
encoded = base64.b64encode(IMAGE_PATH.read_bytes()).decode("ascii")
message = {"role": "user", "content": [{"type": "text", "text": "What is this?"},
    {"type": "image_url", "image_url": {"url": "data:image/png;base64," + encoded, "detail": "low"}}]}
''', "one text part, one image part and one file part"),
    ("q1", _with_file(f'{{"filename": PDF_PATH.name, "file_data": {_PDF_DATA}}}'), "should be a data URL"),
    ("q1", _with_file(f'{{"filename": PDF_PATH.name, "file_data": "data:image/pdf;base64," + {_PDF_DATA}}}'),
     "a PDF's MIME type is not an image's"),
    ("q1", _with_file(f'{{"file_data": "data:application/pdf;base64," + {_PDF_DATA}}}'), "no 'filename'"),
    ("q1", _with_file('{"filename": PDF_PATH.name, "file_data": f"data:application/pdf;base64,'
                      '{base64.b64encode(PDF_PATH.read_bytes())}"}'), "how Python prints a bytes object"),
    ("q1", _with_file('{"filename": PDF_PATH.name, "file_data": "data:application/pdf;base64," + '
                      'base64.b64encode(str(PDF_PATH).encode()).decode("ascii")}'), "not to a PDF"),
    ("q1", _with_file('{"filename": PDF_PATH.name, "file_data": base64.b64encode(PDF_PATH.read_bytes())}'),
     "'file_data' is bytes"),
    ("q1", _with_file(f'{{"filename": "notes.pdf", "file_data": "data:application/pdf;base64," + {_PDF_DATA}}}'),
     "give the PDF's own file name"),
    ("q1", _with_file('{"filename": PDF_PATH.name, "file_data": "data:application/pdf;base64," + '
                      'base64.b64encode(b"%PDF-1.4 not the lesson\'s").decode("ascii")}'), "not the lesson's"),
    # q2: to_data_url
    ("q2", '''
def to_data_url(path):
    return "data:image/png;base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "the bytes inside are a JPEG image"),
    ("q2", '''
def to_data_url(path):
    kind = Path(path).suffix.lower().lstrip(".")
    return f"data:image/{kind};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "image/jpg"),
    ("q2", '''
TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp"}
def to_data_url(path):
    mime = TYPES[Path(path).suffix]
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")
''', "raised KeyError"),
    ("q2", '''
def to_data_url(path):
    ext = path[path.rfind("."):].lower()
    return "data:image/png;base64," + base64.b64encode(open(path, "rb").read()).decode("ascii")
''', "Path(path) turns either into a Path"),
    ("q2", '''
def to_data_url(path):
    return "data:image/png;base64," + base64.b64encode(str(path).encode()).decode("ascii")
''', "not to an image"),
    # q3: image_type(data)
    ("q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpeg"
    if data.startswith(b"GIF8"):
        return "image/gif"
    if data.startswith(b"RIFF"):
        return "image/webp"
    return None
''', "RIFF alone"),
    ("q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpg"
    return None
''', "not a registered MIME type"),
    ("q3", '''
def image_type(data):
    return "png" if data.startswith(b"\\x89PNG") else None
''', "return a MIME type"),
    ("q3", '''
def image_type(data):
    if data.startswith(b"\\x89PNG"):
        return "image/png"
    if data.startswith(b"\\xff\\xd8\\xff"):
        return "image/jpeg"
    if data.startswith(b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
''', "two versions"),
    ("q3", '''
def image_type(data):
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return {0x89: "image/png", 0xFF: "image/jpeg", 0x47: "image/gif"}.get(data[0])
''', "raised IndexError: index out of range. Some files are shorter"),
    ("q3", '''
def image_type(data):
    return "image/png" if data.startswith("\\x89PNG") else None
''', "compare it with bytes literals"),
    ("q3", "def image_type(data):\n    return \"image/png\"", "not the type of the bytes"),
]

WRONG = [(q, code.replace("PDF_PART", PDF_PART), fragment) for q, code, fragment in WRONG]


class TestLesson05(LessonExercises):
    module = lesson05
    mistakes = WRONG

    def test_no_hint_gives_the_solution_away(self, q):
        assert_hints_hide_the_solution(self.lesson, q)
