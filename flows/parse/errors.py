"""The one error parsing raises for input it refuses; the parse task turns it into a reject row."""


class DecodeError(ValueError):
    """A document that cannot become an article; `reason` is the stable code stored in rejects."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
