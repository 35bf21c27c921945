"""What the evidence services raise when they refuse something a person can fix."""


class EvidenceRefused(Exception):
    """Base: `message` is a translated sentence meant for the person who asked."""

    def __init__(self, message) -> None:
        super().__init__(str(message))
        self.message = message


class UploadRefused(EvidenceRefused):
    """The upload was refused; nothing was stored."""


class EditConflict(EvidenceRefused):
    """The document changed since the form was opened; nothing was saved."""


class CitationRefused(EvidenceRefused):
    """The document may not be cited for that unit's assessment."""
