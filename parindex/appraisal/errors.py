"""The one refusal the appraisal workflows raise: `message` is a sentence for the person."""


class AppraisalRefused(Exception):
    """The action is not possible now (closed stage, missing reason, wrong node); nothing saved."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
