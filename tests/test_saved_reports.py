"""Saved reports (`--save FILE.html|.svg|.xlsx`) as the people they are forwarded to see them.

The HTML of each report, in both languages, on the demo team: a document (lang, title naming
report, centre and date, viewport, print styles, no script, nothing from the network), and,
rendered by the installed Chromium at a phone's 390 px, not cut off, every cell inside its
column (or its card), no text drawn over other text. The SVG places each character at its
own cells; the workbook holds the tables under a bold, frozen header row.

The browser tests (marker ``browser``) drive /usr/bin/chromium through Playwright, never a
downloaded browser. Without it they skip, saying why; with ``CI`` set they fail instead.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import assert_refused, ok, run
from yulin_cli.wrapping import cells, char_cells

pytestmark = pytest.mark.once  # what is drawn does not depend on the backend

CHROMIUM = "/usr/bin/chromium"
PHONE = 390

# Each report that takes --save, on a day of the demo team with something in every part.
REPORTS = {
    "daily-report": ("daily-report", "--date", "2026-10-15"),
    "attention": ("attention", "--date", "2026-10-15"),
    "summary": ("summary", "--from", "2026-10-01", "--to", "2026-10-31"),
    "rate": ("rate", "--all"),
    "manager": ("manager",),
    "agenda": ("agenda", "--visitor", "刘洋", "--date", "2026-10-16"),
}
NAMES = {"daily-report": ("日报", "Daily report"), "attention": ("需要关注", "Needs attention"),
         "summary": ("期间汇总", "Period summary"), "rate": ("星级排名", "Star ranking"),
         "manager": ("分管领导", "For the managers"), "agenda": ("走访日程", "visit agenda")}
DATES = {"daily-report": "2026-10-15", "attention": "2026-10-15", "summary": "2026-10-01",
         "agenda": "2026-10-16"}
TODAY = "2026-10-20"  # rate --all and manager are as of today


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("YULIN_TODAY", TODAY)
    ok("demo", "--json")


def save(tmp_path: Path, report: str, lang: str, ext: str = "html") -> Path:
    path = tmp_path / f"{report}-{lang}.{ext}"
    done = ok("--lang", lang, *REPORTS[report], "--save", str(path))
    assert str(path) in done.stderr
    return path


# --- the HTML document ----------------------------------------------------------------------


class _Doc(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in.append(tag)

    def handle_endtag(self, tag):
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("report", list(REPORTS))
def test_each_saved_report_is_a_document_that_names_its_centre_and_date(
        demo, tmp_path, report, lang):
    html = save(tmp_path, report, lang).read_text(encoding="utf-8")
    doc = _Doc()
    doc.feed(html)
    tags = {tag for tag, _attrs in doc.tags}
    attrs = {tag: a for tag, a in reversed(doc.tags)}  # the first of each tag
    assert attrs["html"]["lang"] == ("zh-CN" if lang == "zh" else "en")
    assert any(tag == "meta" and a.get("name") == "viewport" for tag, a in doc.tags)
    name = NAMES[report][0 if lang == "zh" else 1]
    centre = "苏州育林中心" if report == "agenda" else ("全部中心" if lang == "zh" else "all centres")
    date = DATES.get(report, TODAY)
    assert name in doc.title and centre in doc.title and date in doc.title, doc.title
    text = "".join(doc.text)
    assert centre in text and date in text
    # Offline: no script, nothing fetched.
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    assert not re.search(r"(?:src|href)\s*=|url\(|@import|https?://", html)
    # Print: an A4 page.
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", html)
    if report in ("daily-report", "rate", "manager"):
        assert "table" in tags and "th" in tags
    if report == "summary":
        assert "svg" in tags and "rect" in tags
    # Every word in the reader's language: no English word in the Chinese document's text.
    if lang == "zh":
        words = set(re.findall(r"\b[a-z]{4,}\b", text)) - {"yulin", "date", "skip", "kind",
                                                             "verdict", "center", "industry",
                                                             "contact", "surname", "landline",
                                                             "inspect", "update", "staff",
                                                             "check", "visit", "advise",
                                                             "prospect", "limit"}
        assert not words, words


def test_save_takes_xlsx_and_refuses_other_files_in_one_line(demo, tmp_path):
    for report in ("attention", "agenda"):
        assert_refused(run(*REPORTS[report], "--save", str(tmp_path / "r.pdf")), 2)
        assert_refused(run(*REPORTS[report], "--save", str(tmp_path / "no" / "r.html")), 2)
        assert_refused(run(*REPORTS[report], "--save", str(tmp_path / "no" / "r.xlsx")), 2)
    refused = run("--lang", "zh", "summary", "--from", "2026-10-01", "--to", "2026-10-31",
                  "--save", str(tmp_path / "r.docx"))
    assert_refused(refused, 2)
    assert ".xlsx" in refused.stderr and "结尾" in refused.stderr
    assert not [p for p in tmp_path.iterdir() if p.suffix != ".db"]


# --- the workbook ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_holds_the_reports_tables_under_a_bold_frozen_header(demo, tmp_path, lang):
    from openpyxl import load_workbook

    for report in REPORTS:
        book = load_workbook(save(tmp_path, report, lang, "xlsx"))
        about = book.worksheets[0]
        facts = {row[0]: row[1] for row in about.iter_rows(min_row=2, values_only=True)}
        assert DATES.get(report, TODAY) in str(facts.values())
        assert len(book.worksheets) > 1, report
        for sheet in book.worksheets:
            assert sheet.freeze_panes == "A2", (report, sheet.title)
            assert all(cell.font.bold for cell in sheet[1]), (report, sheet.title)
            assert sheet.max_row >= 2, (report, sheet.title)
    book = load_workbook(tmp_path / f"daily-report-{lang}.xlsx")
    people = book.worksheets[1]
    names = [row[0] for row in people.iter_rows(min_row=2, values_only=True)]
    assert "李娜" in names
    # Figures are numbers, not text.
    assert any(isinstance(v, int) for row in people.iter_rows(min_row=2, values_only=True)
               for v in row)


# --- the SVG --------------------------------------------------------------------------------

SVG = "{http://www.w3.org/2000/svg}"


def _runs(path: Path) -> list[tuple[float, list[float], str]]:
    """Each run of terminal text: its line (y), the x of each character, the text."""
    root = ET.parse(path).getroot()
    runs = []
    for group in root.iter(f"{SVG}g"):
        if not (group.get("class") or "").endswith("-matrix"):
            continue
        for el in group.iter(f"{SVG}text"):
            text = el.text or ""
            xs = [float(v) for v in (el.get("x") or "").split()]
            assert el.get("textLength") is None
            runs.append((float(el.get("y") or 0), xs, text))
    return runs


CELL = 20 * 0.61  # Rich's geometry, which documents.svg keeps


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_svg_gives_each_character_its_cells(demo, tmp_path, lang):
    for report in REPORTS:
        path = save(tmp_path, report, lang, "svg")
        width = CELL
        runs = _runs(path)
        assert runs, report
        text = "".join(t for _y, _xs, t in runs)
        if report in ("daily-report", "rate", "manager", "agenda"):
            assert re.search(r"[\u4e00-\u9fff]{4}", text), report  # Chinese company names
        lines: dict[float, list[tuple[float, float, str]]] = {}
        for y, xs, run_text in runs:
            assert len(xs) == len(run_text), (report, run_text)
            for n in range(1, len(xs)):  # each character after the cells of the one before
                step = xs[n] - xs[n - 1]
                assert abs(step - char_cells(run_text[n - 1]) * width) < 0.02, (report, run_text)
            lines.setdefault(y, []).append((xs[0], xs[0] + cells(run_text) * width, run_text))
        for y, found in lines.items():
            found.sort()
            for (_x, end, a), (next_x, _end, b) in zip(found, found[1:], strict=False):
                assert end <= next_x + 0.02, (report, y, a, b)


# --- in the browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """The installed Chromium through Playwright; without it, a skip saying so (CI: a
    failure)."""
    missing = None
    if not os.path.exists(CHROMIUM):
        missing = f"no {CHROMIUM}: install Debian's chromium and fonts-noto-cjk"
    else:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            missing = "playwright is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests cannot run in CI: {missing}")
        pytest.skip(f"browser tests skipped: {missing}")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield browser
    browser.close()
    playwright.stop()


# Runs in the page: what a reader would see wrong. Text boxes come from the rendered layout
# (a Range's client rects for HTML text, each character's extent for SVG text).
LAYOUT_PROBLEMS = r"""
() => {
  const problems = [];
  const tol = 1;
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth) {
    problems.push(`scrollWidth ${doc.scrollWidth} > ${window.innerWidth}`);
  }
  const inside = (r, box) => r.left >= box.left - tol && r.right <= box.right + tol;
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
  let tables = 0, stacked = 0;
  for (const table of document.querySelectorAll('table')) {
    tables += 1;
    const heads = [...table.querySelectorAll('thead th')];
    for (const tr of table.querySelectorAll('tbody tr')) {
      const tds = [...tr.children];
      if (getComputedStyle(tds[0]).display === 'table-cell') {
        tds.forEach((td, i) => {
          // The cell and what it draws (each line of its text) within its header's x-range.
          const h = heads[i].getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(td);
          const drawn = [td.getBoundingClientRect(),
                         ...[...range.getClientRects()].filter(r => r.width > 0)];
          if (!drawn.every(r => inside(r, h)))
            problems.push(`cell "${td.innerText}" outside column "${heads[i].innerText}"`);
        });
      } else {
        stacked += 1;
        const row = tr.getBoundingClientRect();
        const shown = tds.filter(td => getComputedStyle(td).display !== 'none');
        shown.forEach((td, i) => {
          const r = td.getBoundingClientRect();
          if (!inside(r, row) || r.top < row.top - tol || r.bottom > row.bottom + tol)
            problems.push(`card cell "${td.innerText}" outside its card`);
          const label = td.querySelector('.k');
          if (!label || label.getBoundingClientRect().width === 0 ||
              label.textContent !== heads[tds.indexOf(td)].textContent)
            problems.push(`card cell "${td.innerText}" without its column's name`);
          for (const other of shown.slice(i + 1)) {
            if (overlap(r, other.getBoundingClientRect()))
              problems.push(`card cells "${td.innerText}" and "${other.innerText}" overlap`);
          }
        });
      }
    }
  }
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const parent = node.parentElement;
    if (parent.closest('svg')) {
      const el = parent.closest('text');
      if (!el) continue;
      for (let i = 0; i < el.getNumberOfChars(); i++) {
        const e = el.getExtentOfChar(i);
        if (el.textContent[i].trim() === '') continue;
        const m = el.getScreenCTM();
        boxes.push({node: el, text: el.textContent, left: m.a * e.x + m.e,
                    right: m.a * (e.x + e.width) + m.e, top: m.d * e.y + m.f,
                    bottom: m.d * (e.y + e.height) + m.f});
      }
      continue;
    }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0)
        boxes.push({node, text: node.textContent.trim(), left: r.left, right: r.right,
                    top: r.top, bottom: r.bottom});
    }
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (boxes[i].node !== boxes[j].node && overlap(boxes[i], boxes[j]))
        problems.push(`"${boxes[i].text}" overprints "${boxes[j].text}"`);
    }
  }
  return {problems: problems.slice(0, 20), tables, stacked, boxes: boxes.length};
}
"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("report", list(REPORTS))
def test_saved_report_reads_on_a_phone(chromium, demo, tmp_path, report, lang):
    path = save(tmp_path, report, lang)
    page = chromium.new_page(viewport={"width": PHONE, "height": 844})
    try:
        page.goto(path.as_uri(), wait_until="load")
        found = page.evaluate(LAYOUT_PROBLEMS)
        assert NAMES[report][0 if lang == "zh" else 1] in page.title()
    finally:
        page.close()
    assert found["boxes"] > 10, found
    assert not found["problems"], found["problems"]
    if report in ("daily-report", "rate", "manager"):
        assert found["tables"], found


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_saved_report_on_a_wide_screen_keeps_cells_in_their_columns(chromium, demo, tmp_path,
                                                                      lang):
    for report in ("daily-report", "rate", "manager"):
        path = save(tmp_path, report, lang)
        page = chromium.new_page(viewport={"width": 1000, "height": 800})
        try:
            page.goto(path.as_uri(), wait_until="load")
            found = page.evaluate(LAYOUT_PROBLEMS)
        finally:
            page.close()
        assert found["tables"] and not found["stacked"], (report, found)
        assert not found["problems"], (report, found["problems"])


SVG_OVERPRINT = r"""
() => {
  const glyphs = [];
  for (const el of document.querySelectorAll('g[class$="-matrix"] text')) {
    for (let i = 0; i < el.getNumberOfChars(); i++) {
      if (el.textContent[i].trim() === '') continue;
      const e = el.getExtentOfChar(i);
      glyphs.push({ch: el.textContent[i], x: e.x, right: e.x + e.width, y: el.getAttribute('y')});
    }
  }
  const problems = [];
  const lines = {};
  for (const g of glyphs) (lines[g.y] = lines[g.y] || []).push(g);
  for (const line of Object.values(lines)) {
    line.sort((a, b) => a.x - b.x);
    for (let i = 1; i < line.length; i++) {
      if (line[i - 1].right > line[i].x + 0.5)
        problems.push(`${line[i - 1].ch}${line[i].ch} overlap at y=${line[i].y}`);
    }
  }
  return {problems: problems.slice(0, 20), glyphs: glyphs.length};
}
"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_saved_svg_draws_no_character_over_another(chromium, demo, tmp_path, lang):
    for report in REPORTS:
        path = save(tmp_path, report, lang, "svg")
        page = chromium.new_page(viewport={"width": 1200, "height": 800})
        try:
            page.goto(path.as_uri(), wait_until="load")
            found = page.evaluate(SVG_OVERPRINT)
        finally:
            page.close()
        assert found["glyphs"] > 20, (report, found)
        assert not found["problems"], (report, found["problems"])
