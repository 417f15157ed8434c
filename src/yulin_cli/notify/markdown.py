"""A report's JSON as group-chat markdown, for each platform's subset, split into messages
under the platform's byte limit.

企业微信 (WeCom) robots read headings, bold, quotes, links, inline code and
``<font color="info|comment|warning">``, with one newline a line break, and at most 4,096 bytes
of UTF-8 a message. 钉钉 (DingTalk) robots read headings, bold, quotes, links and lists, but no
colours, and break a line only at a blank line; at most 20,000 bytes. Messages are cut between
lines, never inside a character; a line longer than a whole message is cut between characters.
Words come from the catalogue, in the language in force; numbers and names from the JSON.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from yulin_cli import choices
from yulin_cli.i18n import colon, current_lang, rule_name, t

# Bytes of UTF-8 a message's text may hold, per platform.
LIMITS = {"wecom": 4096, "dingtalk": 20_000}
# What joins two lines: 钉钉 breaks a line only at an empty one.
JOINERS = {"wecom": "\n", "dingtalk": "\n\n"}


def _good(platform: str, text: str) -> str:
    return f'<font color="info">{text}</font>' if platform == "wecom" else text


def _bad(platform: str, text: str) -> str:
    return f'<font color="warning">{text}</font>' if platform == "wecom" else f"**{text}**"


def _faint(platform: str, text: str) -> str:
    return f'<font color="comment">{text}</font>' if platform == "wecom" else text


def _paren(text: str) -> str:
    return f"（{text}）" if current_lang() == "zh" else f" ({text})"


def _place(center: str | None) -> str:
    return center or t("md.all_centres")


def title_of(report: str, doc: Any, day: str, first: str | None, center: str | None) -> str:
    """The first line of every message of a report: what, where, when."""
    if report == "daily-report":
        return f"{t('md.daily_title', date=doc['date'])} · {_place(doc.get('center'))}"
    if report == "summary":
        return (f"{t('md.summary_title', first=doc['from'], last=doc['to'])}"
                f" · {_place(doc.get('center'))}")
    return f"{t('md.attention_title', date=day)} · {_place(center)}"


def report_lines(report: str, doc: Any, platform: str) -> list[str]:
    """The body of a report, one markdown line a list item (the title comes apart)."""
    if report == "daily-report":
        return list(_daily(doc, platform))
    if report == "summary":
        return list(_summary(doc, platform))
    return [_attention_line(item, platform) for item in doc] or [t("md.none")]


def _daily(doc: dict[str, Any], platform: str) -> Iterator[str]:
    quota = doc["quota"]
    yield "> " + (t("ui.quota_active", per_day=quota["per_day"]) if quota["active"]
                  else t("ui.quota_off"))
    team = doc["team"]
    line = t("md.team_line", quality=team["quality_found"], visits=team["visits"],
             effective=team["effective_visits"], points=team["points_today"])
    if team.get("prospectors_meeting_quota") is not None:
        line += " · " + t("md.quota_line", met=team["prospectors_meeting_quota"],
                          of=team["prospectors"])
    yield f"**{t('md.team')}**{colon()}{line}"
    yield f"## {t('md.people')}"
    for person in doc["people"]:
        known = [choices.Role(r) for r in person["roles"] if r in set(choices.Role)]
        roles = ("、" if current_lang() == "zh" else ", ").join(choices.word(r) for r in known)
        met = person.get("quota_met")
        mark = ("" if met is None else " " + (_good(platform, t("md.quota_met")) if met
                                              else _bad(platform, t("md.quota_missed"))))
        yield (f"- **{person['name']}**{_paren(roles)}{mark}{colon()}"
               + t("md.person", quality=person["quality_found"], rounds=person["verifications"],
                   visits=person["visits"], effective=person["effective_visits"],
                   today=person["points_today"], total=person["points_total"]))
    if doc["notices"]:
        yield f"## {t('md.notices')}"
        for notice in doc["notices"]:
            word = t(f"notice.{notice['kind']}")
            kind = _good(platform, word) if notice["kind"] == "praise" else _bad(platform, word)
            company = f" #{notice['prospect_id']} {notice.get('company') or ''}".rstrip() if (
                notice.get("prospect_id") is not None) else ""
            yield (f"- {kind} {notice['staff']} {notice['delta']:+d} {rule_name(notice['rule'])}"
                   f"{_faint(platform, _paren(notice['clause'])) if notice.get('clause') else ''}"
                   f"{company}")
    if doc["attention"]:
        yield f"## {t('md.attention', count=len(doc['attention']))}"
        for item in doc["attention"]:
            yield _attention_line(item, platform)
    if doc["tomorrow"]:
        yield f"## {t('md.tomorrow')}"
        for visit in doc["tomorrow"]:
            state = (_good(platform, t("md.ready")) if visit["ready"] else _bad(
                platform, t("md.not_ready", checks=", ".join(rule_name(c)
                                                            for c in visit["failing"]))))
            yield (f"- {visit['date']} {visit['visitor']} → #{visit['prospect_id']}"
                   f" {visit['company']} {state}")


def _attention_line(item: dict[str, Any], platform: str) -> str:
    who = f" · {item['staff']}" if item.get("staff") else ""
    command = f" `{item['command']}`" if item.get("command") else ""
    return (f"- **#{item['prospect_id']} {item.get('company') or ''}**{who}{colon()}"
            f"{item['message']}{_faint(platform, _paren(item['clause']))}{command}")


def _summary(doc: dict[str, Any], platform: str) -> Iterator[str]:
    yield f"## {t('md.funnel')}"
    yield " → ".join(f"{t('funnel.' + stage)} **{count}**"
                     for stage, count in doc["funnel"].items())
    if doc["prospectors"]:
        yield f"## {t('md.prospectors')}"
        for person in doc["prospectors"]:
            judged = [d for d in person["days"] if d["quota_met"] is not None]
            met = sum(1 for d in judged if d["quota_met"])
            text = t("md.days_met", met=met, of=len(judged),
                     quality=sum(d["quality_found"] for d in person["days"]))
            yield f"- **{person['name']}**{colon()}" + (
                _good(platform, text) if judged and met == len(judged) else text)
    if doc["visitors"]:
        yield f"## {t('md.visitors')}"
        for person in doc["visitors"]:
            yield f"- **{person['name']}**{colon()}" + t(
                "md.visits_line", visits=person["visits"], effective=person["effective_visits"])
    if doc["points"]:
        yield f"## {t('md.points')}"
        for entry in doc["points"]:
            delta = f"{entry['delta']:+d}"
            yield f"- {entry['name']} " + (_bad(platform, delta) if entry["delta"] < 0
                                          else delta)


# --- splitting ------------------------------------------------------------------------------


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def _pieces(line: str, budget: int) -> Iterator[str]:
    """A line as it fits: whole, or cut between characters into pieces of at most ``budget``
    bytes (a code point is never cut: UTF-8 is measured a character at a time)."""
    if _size(line) <= budget:
        yield line
        return
    piece: list[str] = []
    size = 0
    for char in line:
        width = _size(char)
        if piece and size + width > budget:
            yield "".join(piece)
            piece, size = [], 0
        piece.append(char)
        size += width
    if piece:
        yield "".join(piece)


def heading(title: str, part: int, parts: int) -> str:
    """A message's first line: the report's title, and which part it is when there are several."""
    if parts <= 1:
        return f"### {title}"
    return f"### {title} {t('md.continued', part=part, parts=parts)}"


def split(title: str, lines: list[str], platform: str) -> list[str]:
    """The texts of a report's messages: each starts with the title and holds whole lines, at
    most the platform's limit in bytes of UTF-8."""
    limit, joiner = LIMITS[platform], JOINERS[platform]
    # Room for the longest heading any part may get (999 parts is far more than a report has).
    budget = limit - _size(heading(title, 999, 999) + joiner)
    chunks: list[list[str]] = []
    current: list[str] = []
    size = 0
    for line in lines:
        for piece in _pieces(line, budget):
            added = _size(piece) + (_size(joiner) if current else 0)
            if current and size + added > budget:
                chunks.append(current)
                current, size = [], 0
                added = _size(piece)
            current.append(piece)
            size += added
    if current or not chunks:
        chunks.append(current)
    parts = len(chunks)
    return [joiner.join([heading(title, number, parts), *chunk])
            for number, chunk in enumerate(chunks, start=1)]


def payload(platform: str, title: str, text: str) -> dict[str, Any]:
    """The JSON body a robot takes for one markdown message."""
    if platform == "wecom":
        return {"msgtype": "markdown", "markdown": {"content": text}}
    return {"msgtype": "markdown", "markdown": {"title": title, "text": text}}


def payloads(report: str, doc: Any, platform: str, day: str, first: str | None,
             center: str | None) -> list[dict[str, Any]]:
    """Every message of a report for one platform, in order."""
    title = title_of(report, doc, day, first, center)
    return [payload(platform, title, text)
            for text in split(title, report_lines(report, doc, platform), platform)]
