"""Bilingual text: the core speaks French first and carries the English translation with it.

The core must not import Django, so it cannot use gettext; each label is written in both languages
where it is defined, and the web layer picks one with `Text.get(language)`.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    fr: str
    en: str

    def get(self, language: str | None) -> str:
        return self.en if (language or "fr").startswith("en") else self.fr

    def format(self, **values) -> "Text":
        return Text(self.fr.format(**values), self.en.format(**values))

    def __str__(self) -> str:
        return self.fr

    def as_dict(self) -> dict:
        return {"fr": self.fr, "en": self.en}
