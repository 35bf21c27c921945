"""What an evaluation needs besides the framework and the inputs."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Context:
    """`year` resolves MM-DD deadlines; None means the framework's own year."""

    year: int | None = None
