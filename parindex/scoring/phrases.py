"""Explanations in words, in Vietnamese or English, without Django and without global state.

Each phrase of an explanation has a key and one template per language; `Wording` is how one
language writes numbers, percentages, dates and lists. The caller picks the language
(`evaluate_unit(..., language="vi")`, `result.explain(code, language="en")`); explanations are
still built only when read.

Vietnamese: decimal comma, "." between thousands from 1,000 up (22.855/23.067, 1.234,5), dates
dd/mm/yyyy. English keeps the plain machine form: decimal point, no grouping, ISO dates.

Validation messages (Issue.message, InputError.message) are not phrases: they stay English and
use `show`, the plain form also written by the command line.
"""

from datetime import date
from decimal import Decimal
from string import Formatter

from parindex.scoring.rounding import round_percent

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"  # the product's default interface language

# key -> {language: str.format template}; every language takes the same fields.
PHRASES: dict[str, dict[str, str]] = {
    # a leaf's status
    "leaf.missing": {"vi": "Chưa trả lời", "en": "not answered"},
    "leaf.invalid": {"vi": "Giá trị không hợp lệ: {note}", "en": "invalid input: {note}"},
    "leaf.nothing_arose": {
        "vi": "Không phát sinh → đạt tối đa {maximum}",
        "en": "nothing arose → full {maximum}",
    },
    "na.not_applicable": {"vi": "Không áp dụng", "en": "not applicable"},
    "na.nothing_to_measure": {"vi": "0/0: không có gì để tính", "en": "0/0: nothing to measure"},
    "na.full": {"vi": "{reason} → đạt tối đa {maximum}", "en": "{reason} → full {maximum}"},
    "na.exclude": {
        "vi": "{reason} → không tính vào điểm tối đa",
        "en": "{reason} → left out of the maximum",
    },
    # parents
    "parent.sum": {
        "vi": "Tổng điểm {children}: {terms} = {total}",
        "en": "sum of {children}: {terms} = {total}",
    },
    "parent.sum_many": {
        "vi": "Tổng điểm {count} tiêu chí thành phần = {total}",
        "en": "sum of {count} sub-items = {total}",
    },
    "parent.maximum_after_na": {
        "vi": " (tối đa còn {maximum} do có tiêu chí không áp dụng)",
        "en": " (maximum {maximum} after N/A)",
    },
    "parent.limited_to_maximum": {
        "vi": ", giới hạn ở điểm tối đa {points}",
        "en": ", limited to the maximum {points}",
    },
    "parent.limited_to_minimum": {
        "vi": ", giới hạn ở điểm tối thiểu {points}",
        "en": ", limited to the minimum {points}",
    },
    # bands, survey, ratios
    "bands.result": {
        "vi": "{reading} → mức {band} → {points}",
        "en": "{reading} → band {band} → {points}",
    },
    "bands.any_value": {"vi": "mọi giá trị", "en": "any value"},
    "ratio.reading": {"vi": "{ratio} = {value}", "en": "{ratio} = {value}"},
    "ratio.zero_base": {
        "vi": "Không có gì để tính (mẫu số bằng 0) → {points}",
        "en": "nothing to measure (0 denominator) → {points}",
    },
    "survey.band": {
        "vi": "Khảo sát {share} → mức {band} → {points}",
        "en": "survey {share} → band {band} → {points}",
    },
    "survey.share": {
        "vi": "Khảo sát {maximum} × {share} = {points}",
        "en": "survey {maximum} × {share} = {points}",
    },
    # proportional
    "proportional.under_floor": {
        "vi": "{reading} < ngưỡng tối thiểu {floor} → {points}",
        "en": "{reading} < floor {floor} → {points}",
    },
    "proportional.target_reached": {
        "vi": "{reading} ≥ chỉ tiêu {target} → {points}",
        "en": "{reading} ≥ target {target} → {points}",
    },
    "proportional.share": {
        "vi": "{reading} so với chỉ tiêu {target} → {maximum} × {percent}/{target} = {points}",
        "en": "{reading} of target {target} → {maximum} × {percent}/{target} = {points}",
    },
    # deadline
    "deadline.not_done": {"vi": "Không hoàn thành → {points}", "en": "not done → {points}"},
    "deadline.on_time": {
        "vi": "Hoàn thành {done}, đúng hạn (hạn {due}) → {points}",
        "en": "done {done}, on time (due {due}) → {points}",
    },
    "deadline.late": {
        "vi": "Hoàn thành {done}, chậm {days} ngày so với hạn {due} ({tier}) → {points}",
        "en": "done {done}, {days} days after {due} ({tier}) → {points}",
    },
    "deadline.within_tier": {
        "vi": "chậm không quá {days} ngày",
        "en": "within {days} days late",
    },
    "deadline.beyond_tiers": {"vi": "quá mức chậm cuối cùng", "en": "beyond the last tier"},
    # one plain value
    "manual.entered": {"vi": "Điểm nhập {points}", "en": "entered {points}"},
    "yes_no.yes": {"vi": "Có → {points}", "en": "yes → {points}"},
    "yes_no.no": {"vi": "Không → {points}", "en": "no → {points}"},
    "choice.chosen": {"vi": "{label} → {points}", "en": "{label} → {points}"},
    "derived.share": {
        "vi": "{source}: {maximum} × {share} = {points}",
        "en": "{source}: {maximum} × {share} = {points}",
    },
    # deductions, checklist
    "deductions.none": {"vi": "Không bị trừ điểm → {points}", "en": "no deductions → {points}"},
    "deductions.zeroed": {"vi": "{label} → {points}", "en": "{label} → {points}"},
    "deductions.term": {"vi": " − {times}{each} ({label})", "en": " − {times}{each} ({label})"},
    "deductions.floor": {"vi": ", không thấp hơn {floor}", "en": ", floor {floor}"},
    "deductions.result": {
        "vi": "{start}{terms} = {raw}{floor} → {points}",
        "en": "{start}{terms} = {raw}{floor} → {points}",
    },
    "checklist.nothing": {"vi": "Không có mục nào → {points}", "en": "nothing ticked → {points}"},
    "checklist.term": {"vi": "{points} ({label})", "en": "{points} ({label})"},
    "checklist.capped": {"vi": ", chỉ tính tối đa {maximum}", "en": ", capped at {maximum}"},
    "checklist.result": {
        "vi": "{terms} = {total}{capped} → {points}",
        "en": "{terms} = {total}{capped} → {points}",
    },
    # formula
    "formula.given": {"vi": "{expression} với {given}", "en": "{expression} with {given}"},
    "formula.result": {"vi": "{formula} = {result}", "en": "{formula} = {result}"},
    "formula.division_by_zero": {
        "vi": "{formula}: chia cho 0 → {points}",
        "en": "{formula}: division by zero → {points}",
    },
    "formula.limited": {
        "vi": "{formula} = {result}, giới hạn ở {points}",
        "en": "{formula} = {result}, limited to {points}",
    },
}


def show(number: Decimal) -> str:
    """The plain form: 0.9500 -> "0.95", 1E+2 -> "100", -0 -> "0" (messages, command line)."""
    if not number:
        return "0"
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def template_fields(template: str) -> frozenset[str]:
    """The names a template fills in ("{points} ({label})" -> points, label)."""
    return frozenset(name for _, name, _, _ in Formatter().parse(template) if name)


class Wording:
    """How one language writes an explanation: its phrases, numbers, percentages and dates."""

    __slots__ = ("_phrases", "decimal_mark", "language", "list_separator", "thousands")

    def __init__(
        self, language: str, decimal_mark: str, thousands: str, list_separator: str
    ) -> None:
        self.language = language
        self.decimal_mark = decimal_mark
        self.thousands = thousands  # "" = no grouping
        self.list_separator = list_separator
        self._phrases = {key: texts[language] for key, texts in PHRASES.items()}

    def say(self, key: str, **fields: str) -> str:
        return self._phrases[key].format(**fields)

    def number(self, number: Decimal | int) -> str:
        """Without trailing zeros: vi 1234.50 -> "1.234,5", en -> "1234.5"."""
        text = show(Decimal(number))
        if self.language == "en":
            return text
        sign, text = ("-", text[1:]) if text.startswith("-") else ("", text)
        whole, _, fraction = text.partition(".")
        if self.thousands and len(whole) > 3:
            head = len(whole) % 3 or 3
            groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
            whole = self.thousands.join(groups)
        return f"{sign}{whole}{self.decimal_mark}{fraction}" if fraction else f"{sign}{whole}"

    def percent(self, number: Decimal) -> str:
        """A percentage to 2 places: 96.3087… -> "96,31%" / "96.31%"."""
        return f"{self.number(round_percent(number))}%"

    def ratio(self, numerator: Decimal, denominator: Decimal) -> str:
        return f"{self.number(numerator)}/{self.number(denominator)}"

    def date(self, day: date) -> str:
        if self.language == "en":
            return day.isoformat()
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"

    def join(self, parts: list[str]) -> str:
        """ "a=10, b=6" in English, "a=10; b=6" in Vietnamese, whose decimal mark is the comma."""
        return self.list_separator.join(parts)


VIETNAMESE = Wording("vi", decimal_mark=",", thousands=".", list_separator="; ")
ENGLISH = Wording("en", decimal_mark=".", thousands="", list_separator=", ")
_WORDINGS = {"vi": VIETNAMESE, "en": ENGLISH}


def language_code(language: str | None) -> str:
    """The engine's code for a language tag ("vi", "en-us", "en_GB" -> vi, en, en); None -> vi.

    Raises ValueError for any other language, so a wrong tag fails where it is passed."""
    if language is None:
        return DEFAULT_LANGUAGE
    code = str(language).replace("_", "-").split("-", 1)[0].lower()
    if code not in _WORDINGS:
        raise ValueError(f"unsupported language {language!r} (one of: {', '.join(LANGUAGES)})")
    return code


def wording(language: str | None) -> Wording:
    """The Wording of a language tag (see language_code)."""
    return _WORDINGS[language_code(language)]
