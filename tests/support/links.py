"""Links in Markdown, for the tests that check them: the docs' (tests/repository/test_docs.py) and the lessons'
in a learner's copy (tests/environments/test_workshop.py)."""
from __future__ import annotations

import re

#: ``[text](target)`` and ``![alt](target "title")``: the target.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
#: A fenced code block: its fence, then its body (the info string after the opening fence left out).
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n(.*?)^ {0,3}\1[^\n]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def prose(markdown: str) -> str:
    """The text without its code blocks and code spans (where a link or a heading is only an example)."""
    return CODE_SPAN.sub("", FENCE.sub("", markdown))


def code(markdown: str) -> str:
    """What the text shows as code: the bodies of its fenced blocks and its code spans."""
    blocks = [body for _, body in FENCE.findall(markdown)]
    spans = [span for _, span in CODE_SPAN.findall(FENCE.sub("", markdown))]
    return "\n".join(blocks + spans)


def links(markdown: str) -> list[str]:
    """Every link and image target, in order."""
    return LINK.findall(prose(markdown))


def relative_links(markdown: str) -> list[str]:
    """The targets without a scheme (no ``https:``, ``mailto:``): files of the repository, or ``#anchors``."""
    return [target for target in links(markdown) if not SCHEME.match(target)]


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered."""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCE.sub("", markdown)):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "").lower()
        slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
        found.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return found
