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
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\u2060\ufe0f":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def cells(text: str) -> int:
    return sum(char_cells(ch) for ch in text)


def _is_cjk(ch: str) -> bool:
    return char_cells(ch) == 2


# The word joiner: no break on either side of it. ``whole`` puts it inside a name.
JOINER = "\u2060"


def whole(text: str) -> str:
    """``text`` (a person's name, say) kept on one line by ``wrap``. Only for text that
    ``wrap`` lays out (``render.Prose``): anywhere else the joiners would be printed."""
    return JOINER.join(text)


def _tokens(text: str) -> list[str]:
    """Pieces between which a line may break, before punctuation rules."""
    tokens: list[str] = []
    pos = 0
    for match in _UNBREAKABLE.finditer(text):
        tokens += _split_free(text[pos:match.start()])
        tokens.append(match.group(0))
        pos = match.end()
    tokens += _split_free(text[pos:])
    glued = _glue_punctuation(tokens)
    if JOINER not in text:
        return glued
    joined: list[str] = []
    for token in glued:
        if joined and (joined[-1].endswith(JOINER) or token.startswith(JOINER)):
            joined[-1] += token
        else:
            joined.append(token)
    return [token.replace(JOINER, "") for token in joined]


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
            if used + size > width and token.startswith("yulin "):
                # A command longer than a line: broken before its options, each line but the
                # last ending in a shell continuation, so it still copies and runs whole.
                broken = command_lines(token.rstrip(), width, line, indent + 2)
                lines += broken[:-1]
                line = broken[-1] + token[len(token.rstrip()):]
                used = cells(line)
                continue
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


# A shell word: quoted parts stay with the characters around them (`shell_word` quotes a
# name with spaces).
_SHELL_WORD = re.compile(r"""(?:'[^']*'|"[^"]*"|[^\s'"])+""")


def shell_words(command: str) -> list[str]:
    """The words of a command as a shell splits it, quotes kept."""
    return _SHELL_WORD.findall(command)


def command_lines(command: str, width: int, lead: str = "", indent: int = 4) -> list[str]:
    """A shell command after ``lead``, on as few lines of ``width`` cells as it takes: broken
    before an option (which keeps its value), each line but the last ending in a backslash
    and the next indented by ``indent``, so that it still copies and runs as one command. Only
    a word longer than a whole line is cut, by characters, as ``wrap`` cuts one."""
    words = shell_words(command)
    if not words:
        return [lead.rstrip()]
    pieces: list[list[str]] = []
    for word in words:
        if not pieces or (word.startswith("-") and len(word) > 1):
            pieces.append([word])
        else:
            pieces[-1].append(word)
    pad = " " * indent
    # An option with its value is placed whole when it fits a line; else word by word.
    units = [unit for piece in pieces for unit in (
        [" ".join(piece)] if cells(pad + " ".join(piece)) + 2 <= width else piece)]
    lines: list[str] = []
    line, empty = lead, True
    for n, unit in enumerate(units, start=1):
        room = width - (0 if n == len(units) else 2)  # the last line needs no backslash
        joined = line + unit if empty else f"{line} {unit}"
        if empty or cells(joined) <= room:
            line, empty = joined, False
        else:
            lines.append(line + " \\")
            line = pad + unit
    lines.append(line)
    out = []
    for line in lines:
        while cells(line) > width:  # one word wider than a line: cut, never dropped
            head, line = _cut(line, width)
            out.append(head)
        out.append(line)
    return out


def _cut(token: str, room: int) -> tuple[str, str]:
    taken = 0
    for i, ch in enumerate(token):
        taken += char_cells(ch)
        if taken > room:
            return token[:max(i, 1)], token[max(i, 1):]
    return token, ""


def fill(text: str, width: int, indent: int = 0, first_indent: int | None = None) -> str:
    return "\n".join(wrap(text, width, indent, first_indent))
