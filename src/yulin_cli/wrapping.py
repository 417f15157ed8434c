"""Line breaking for Chinese and English text, by terminal cells.

A CJK character takes two cells and may break after any character; English breaks at spaces.
No line starts with closing punctuation (，。、；：！？）」』】 and the like: the character before
it comes along), no line ends with opening punctuation, and a `yulin ...` command, an option
(`--found-on`), an email, a number or an id (`#56221`) stays whole. Used by the help text
(which must not load Rich) and by the Rich views (``render.Prose``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters a line may not start with, and ones it may not end with (kinsoku shori).
NO_START = set("，。、；：！？）」』】》〉”’…·,.;:!?)]}%")
NO_END = set("（「『【《〈“‘([{")
# Pieces that must stay whole: a `yulin ...` command (up to the end of its options), an
# option with its value, an email, a number with its unit or sign, a code like Q13, an id
# (#56221), or an import's "row→#id".
_UNBREAKABLE = re.compile(
    r"yulin(?: [^\s，。；、（）]+)+"
    r"|\d+→(?:#\d+|第 \d+ 行|row \d+)?"
    r"|(?<![\w-])--?[A-Za-z][\w-]*(?:=\S+)?"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![A-Za-z])#?[A-Za-z]*[+-]?\d[\d,.:/-]*[%万元]?"
)


@lru_cache(maxsize=4096)
def char_cells(ch: str) -> int:
    """Cells a character takes on a terminal: CJK and full-width take two."""
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    return sum(char_cells(ch) for ch in text)


def _is_cjk(ch: str) -> bool:
    return char_cells(ch) == 2


def _tokens(text: str) -> list[str]:
    """Pieces between which a line may break, before punctuation rules."""
    tokens: list[str] = []
    pos = 0
    for match in _UNBREAKABLE.finditer(text):
        tokens += _split_free(text[pos:match.start()])
        tokens.append(match.group(0))
        pos = match.end()
    tokens += _split_free(text[pos:])
    return _glue_punctuation(tokens)


def _split_free(text: str) -> list[str]:
    """Each CJK character alone; Latin runs as words with their trailing space."""
    out: list[str] = []
    word = ""
    for ch in text:
        if _is_cjk(ch) and ch not in NO_START and ch not in NO_END:
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == " ":
            out.append(word + " ")
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return [t for t in out if t]


def _glue_punctuation(tokens: list[str]) -> list[str]:
    """Closing punctuation joins the piece before it; opening punctuation the piece after."""
    glued: list[str] = []
    carry = ""
    for token in tokens:
        token = carry + token
        carry = ""
        if token and all(ch in NO_END for ch in token.strip()):
            carry = token
            continue
        if glued and token[0] in NO_START:
            glued[-1] += token
        else:
            glued.append(token)
    if carry:
        glued.append(carry)
    return glued


def wrap(text: str, width: int, indent: int = 0, first_indent: int | None = None) -> list[str]:
    """``text`` broken into lines of at most ``width`` cells (a piece longer than a line is cut
    by characters). Each paragraph (a ``\\n`` in ``text``) starts a new line; continuation lines
    are indented by ``indent`` spaces, the first by ``first_indent`` (default ``indent``)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lead = " " * (indent if first_indent is None or lines else first_indent)
        line, used = lead, cells(lead)
        for token in _tokens(paragraph):
            size = cells(token.rstrip())
            if used + size > width and line.strip():
                lines.append(line.rstrip())
                line, used = " " * indent, indent
                token = token.lstrip()
                size = cells(token.rstrip())
            while used + size > width and size > 0:
                # A piece longer than a whole line: cut it by characters.
                room = width - used
                head, rest = _cut(token, max(room, 1))
                lines.append((line + head).rstrip())
                line, used = " " * indent, indent
                token, size = rest, cells(rest.rstrip())
            line += token
            used += cells(token)
        lines.append(line.rstrip())
    return lines


def _cut(token: str, room: int) -> tuple[str, str]:
    taken = 0
    for i, ch in enumerate(token):
        taken += char_cells(ch)
        if taken > room:
            return token[:max(i, 1)], token[max(i, 1):]
    return token, ""


def fill(text: str, width: int, indent: int = 0, first_indent: int | None = None) -> str:
    return "\n".join(wrap(text, width, indent, first_indent))
