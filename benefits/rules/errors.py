"""Typed input errors: every problem of a household, with its JSON path and a French message."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InputError:
    path: str
    message_fr: str
    message_en: str

    def as_dict(self) -> dict:
        return {"path": self.path, "message": self.message_fr, "message_en": self.message_en}


class HouseholdInputError(ValueError):
    """Raised with the list of *all* problems found in one household (never only the first)."""

    def __init__(self, errors: list[InputError]):
        self.errors = list(errors)
        super().__init__("; ".join(f"{e.path}: {e.message_fr}" for e in self.errors))

    def as_list(self) -> list[dict]:
        return [error.as_dict() for error in self.errors]
