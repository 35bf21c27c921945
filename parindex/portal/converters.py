"""Unit, jurisdiction and criteria-set codes as readable URL segments.

Codes are free text: most are "SL-PY" or "PY-TUONGPHU", but nothing forbids a "/" in one, so
"/" and "%" are escaped inside the segment ("%" first, so the escape round-trips).
"""


class CodeConverter:
    regex = "[^/]+"

    def to_python(self, value: str) -> str:
        return value.replace("%2F", "/").replace("%25", "%")

    def to_url(self, value: str) -> str:
        return str(value).replace("%", "%25").replace("/", "%2F")
