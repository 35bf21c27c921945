"""The report and the unit scorecards as PDF (WeasyPrint), from HTML templates.

Nothing is fetched over the network: the stylesheet is read from this app's static folder,
the base URL of every document, and the URL fetcher refuses anything else (an http URL, a file
outside that folder). Fonts come from fontconfig: "Times New Roman" where installed, else
Liberation Serif (fonts-liberation2), whose glyphs cover Vietnamese.
"""

from collections.abc import Callable
from pathlib import Path
from typing import IO

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from parindex.reports import narrative, vi_format, wording
from parindex.reports.content import ReportContent, UnitLine

STATIC = Path(__file__).resolve().parent / "static" / "reports"
LOSSES_SHOWN = 8  # what fits on the scorecard's one page with nine fields

Progress = Callable[[int], None]


class LocalOnlyFetcher(URLFetcher):
    """Files under the app's static folder only; every other URL is refused."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file"})

    def fetch(self, url, headers=None):
        path = Path(url.removeprefix("file://")).resolve()
        if not url.startswith("file://") or not path.is_relative_to(STATIC):
            raise ValueError(f"Refused to fetch {url}: outside the report's static files.")
        return super().fetch(url, headers)


def write_pdf(html: str, output: IO[bytes]) -> None:
    document = HTML(string=html, base_url=f"{STATIC.as_uri()}/", url_fetcher=LocalOnlyFetcher())
    document.write_pdf(output)


def _context(content: ReportContent) -> dict:
    return {
        "title": f"{wording.INDEX_NAME} năm {content.year} — {content.jurisdiction}",
        "motto": wording.MOTTO,
        "motto2": wording.MOTTO_LINE2,
    }


def build_report_pdf(
    content: ReportContent, output: IO[bytes], progress: Progress | None = None, now=None
) -> None:
    """The report (the DOCX's annex: same blocks, same words) as a PDF."""
    html = render_to_string(
        "reports/pdf/report.html",
        {**_context(content), "blocks": narrative.report(content, now)},
    )
    if progress:
        progress(30)
    write_pdf(html, output)
    if progress:
        progress(100)


def _losses(content: ReportContent, line: UnitLine) -> list[tuple[str, ...]]:
    leaves = [node for node in content.framework.leaves if not node.bonus]
    lost = [(line.maxima[n.code] - line.points[n.code], n) for n in leaves]
    lost = [(amount, node) for amount, node in lost if amount > 0]
    lost.sort(key=lambda pair: (-pair[0], pair[1].position))
    return [
        (
            node.code,
            node.title,
            vi_format.fixed(line.maxima[node.code]),
            vi_format.fixed(line.points[node.code]),
            vi_format.fixed(amount),
            line.reasons.get(node.code, ""),
        )
        for amount, node in lost
    ]


def scorecard(content: ReportContent, line: UnitLine) -> dict:
    unit = line.unit
    fields = {f.code: f for f in content.summary.fields}
    losses = _losses(content, line)
    merged = ""
    if unit.is_merged:
        parts = ", ".join(part.name for part in unit.merged_from)
        merged = f"Kết quả năm trước là bình quân gia quyền của các đơn vị trước sắp xếp: {parts}."
    return {
        "name": unit.name,
        "index": vi_format.fixed(unit.index),
        "rank": unit.rank or "-",
        "group": unit.group or "-",
        "total": vi_format.number(unit.total),
        "maximum": vi_format.number(unit.maximum),
        "change": vi_format.signed(unit.score_change),
        "merged": merged,
        "fields": [
            (
                f"{node.code}. {node.title}",
                vi_format.fixed(line.maxima[node.code]),
                vi_format.fixed(line.points[node.code]),
                vi_format.fixed(fields[node.code].average) if node.code in fields else "-",
                vi_format.fixed(fields[node.code].spread.highest) if node.code in fields else "-",
            )
            for node in content.framework.fields
        ],
        "losses": losses[:LOSSES_SHOWN],
        "more": max(len(losses) - LOSSES_SHOWN, 0),
    }


def build_scorecards_pdf(
    content: ReportContent,
    output: IO[bytes],
    units: list[str] | None = None,
    progress: Progress | None = None,
) -> None:
    """One page per unit (the units with these codes, or every unit, best first)."""
    lines = [line for line in content.units if units is None or line.unit.code in units]
    cards = [scorecard(content, line) for line in lines]
    html = render_to_string(
        "reports/pdf/scorecards.html",
        {
            **_context(content),
            "cards": cards,
            "issuer": " ".join(wording.issuer(content.jurisdiction)),
            "year": content.year,
            "units": content.unit_count,
            "provisional": wording.PROVISIONAL_MARK if content.provisional else "",
            "taken_at": vi_format.moment(content.taken_at),
        },
    )
    if progress:
        progress(30)
    write_pdf(html, output)
    if progress:
        progress(100)
