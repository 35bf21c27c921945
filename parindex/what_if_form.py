"""The what-if form shared by the interim report and a campaign result's what-if page.

templates/whatif/_row.html names each input `pts_<code>`; this reads them back and runs the
what-if, turning a refused target into a message on the page instead of an error response.
"""

from collections.abc import Callable, Iterable, Mapping

from parindex.scoring import InputErrors, WhatIf, WhatIfError


def expected_points(data: Mapping, codes: Iterable[str]) -> dict[str, str]:
    """{leaf: typed points} for the codes offered; blank = no target; a decimal comma is read."""
    wanted = {}
    for code in codes:
        text = (data.get(f"pts_{code}") or "").strip().replace(",", ".")
        if text:
            wanted[code] = text
    return wanted


def outcome_of(
    apply: Callable[[dict[str, str]], WhatIf], targets: dict[str, str], fallback: WhatIf
) -> tuple[WhatIf, str]:
    """(the what-if with `targets`, "") or (`fallback`, why the targets were refused)."""
    try:
        return apply(targets), ""
    except (WhatIfError, InputErrors) as problem:
        return fallback, str(problem)
