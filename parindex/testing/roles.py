"""The role × scope matrix every app's permission tests walk (architecture.md: test the matrix,
not one happy path). The users are the root conftest's cast; `stranger` is the reporter of a
commune in another district, who must see nothing of Phù Yên."""

CAST = (
    "organiser",
    "reporter",
    "head",
    "appraiser",
    "council",
    "dept_owner",
    "viewer",
    "outsider",
    "stranger",
)


def expect(allowed: set[str], forbidden: set[str], ok: int = 200) -> dict[str, int]:
    """The status each member of the cast should get: `ok` if allowed, 403 if the page is in
    their sight but not their role, 404 otherwise (nothing of it is theirs to know about)."""
    return {role: ok if role in allowed else 403 if role in forbidden else 404 for role in CAST}
